package io.newspipe.common;

import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bearer token ingest and the console require, and the switch that lets them run without one, from the
 * environment. The variables carry the {@code NEWSPIPE_} prefix like every other setting; the older
 * {@code INGEST_*} names are still read (with a warning) so a deployment that sets them keeps its protection.
 */
public final class ApiToken {

    private static final Logger log = LoggerFactory.getLogger(ApiToken.class);

    /** The token writes (and the console) need. */
    public static final String ENV = "NEWSPIPE_API_TOKEN";
    /** Set to true: start without a token (local tests only). */
    public static final String ALLOW_OPEN_ENV = "NEWSPIPE_ALLOW_OPEN_API";
    /** Deprecated names of the two, read when the new ones are not set. */
    public static final String DEPRECATED_ENV = "INGEST_API_TOKEN";
    public static final String DEPRECATED_ALLOW_OPEN_ENV = "INGEST_ALLOW_OPEN_API";

    private ApiToken() {
    }

    /** The token from {@link #ENV}, else from the deprecated {@link #DEPRECATED_ENV}; blank is none. */
    public static Optional<String> fromEnvironment(Map<String, String> env) {
        return read(env, ENV, DEPRECATED_ENV);
    }

    /** Whether {@link #ALLOW_OPEN_ENV} (else the deprecated name) is {@code true}. */
    public static boolean openAllowed(Map<String, String> env) {
        return read(env, ALLOW_OPEN_ENV, DEPRECATED_ALLOW_OPEN_ENV).map("true"::equalsIgnoreCase).orElse(false);
    }

    private static Optional<String> read(Map<String, String> env, String name, String deprecated) {
        String value = env.get(name);
        if (value != null && !value.isBlank()) {
            return Optional.of(value);
        }
        String old = env.get(deprecated);
        if (old != null && !old.isBlank()) {
            log.warn("{} is deprecated; set {} instead (read for now)", deprecated, name);
            return Optional.of(old);
        }
        return Optional.empty();
    }
}
