package io.newspipe.extraction;

import java.util.List;

/**
 * The extraction engine: normalized article text in, entities, awards and KPI mentions out.
 * Thread-safe; create once and share.
 *
 * <p>Placeholder until the rule engine lands: finds nothing.
 */
public final class Extractor {

    private static final String VERSION = "0.0.0-empty";

    private Extractor() {
    }

    /** The engine with its built-in lexicons. */
    public static Extractor create() {
        return new Extractor();
    }

    /** Changes whenever rules or lexicons change; replay decisions depend on it. */
    public String version() {
        return VERSION;
    }

    /** @param text text already passed through {@link TextNormalizer#normalize(String)}; offsets refer to it */
    public ExtractionResult extract(String text) {
        return new ExtractionResult(VERSION, List.of(), List.of(), List.of());
    }
}
