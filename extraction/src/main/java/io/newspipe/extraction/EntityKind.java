package io.newspipe.extraction;

/** The entity classes the engine extracts. */
public enum EntityKind {
    PERSON,
    ORGANIZATION,
    LOCATION
}
