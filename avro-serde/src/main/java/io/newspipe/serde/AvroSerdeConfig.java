package io.newspipe.serde;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Configuration of the serde, read from the same keys Confluent's Avro serde uses, so a Kafka client config written
 * for Confluent works unchanged. The {@code schema.registry.retries}, {@code schema.registry.retry.backoff.ms} and
 * {@code schema.registry.request.timeout.ms} keys are newspipe's own. Any other {@code schema.registry.*} key is an
 * error naming it: a misspelt or unsupported registry setting must not be silently ignored.
 */
public final class AvroSerdeConfig {

    /** Comma-separated base URLs of the Schema Registry; tried in order when one is unreachable. */
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    /** Register the record's schema under the subject when serializing (default true). */
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    /** Serialize with the latest registered schema of the subject instead of the record's own (default false). */
    public static final String USE_LATEST_VERSION = "use.latest.version";
    /** Deserialize into generated SpecificRecord classes instead of GenericRecord (default false). */
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    /** Where basic-auth credentials come from; only {@code USER_INFO} is supported. */
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    /** {@code user:password} for basic auth, used when the credentials source is USER_INFO. */
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    /** Confluent's alternative spelling of {@link #BASIC_AUTH_USER_INFO}. */
    public static final String SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO = "schema.registry.basic.auth.user.info";
    /** How many times a failed registry call (connection failure or 5xx) is retried (default 3). */
    public static final String SCHEMA_REGISTRY_RETRIES = "schema.registry.retries";
    /** Backoff before the first retry, doubled for each further one (default 200 ms). */
    public static final String SCHEMA_REGISTRY_RETRY_BACKOFF_MS = "schema.registry.retry.backoff.ms";
    /** Timeout of one registry HTTP request (default 10000 ms). */
    public static final String SCHEMA_REGISTRY_REQUEST_TIMEOUT_MS = "schema.registry.request.timeout.ms";

    /** Subject-name strategy of value schemas: Confluent's class name or short name (default TopicNameStrategy). */
    public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";
    /** Subject-name strategy of key schemas (default TopicNameStrategy). */
    public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";

    public static final String USER_INFO_SOURCE = "USER_INFO";

    /** The prefix whose keys must all be known. */
    static final String REGISTRY_PREFIX = "schema.registry.";
    /** Every {@code schema.registry.*} key the serde reads. */
    public static final List<String> REGISTRY_KEYS = Stream.concat(Stream.of(SCHEMA_REGISTRY_URL,
            SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO, SCHEMA_REGISTRY_RETRIES, SCHEMA_REGISTRY_RETRY_BACKOFF_MS,
            SCHEMA_REGISTRY_REQUEST_TIMEOUT_MS), RegistryTls.KEYS.stream()).toList();

    private final List<String> urls;
    private final boolean autoRegisterSchemas;
    private final boolean useLatestVersion;
    private final boolean specificAvroReader;
    private final String basicAuthUserInfo;
    private final int retries;
    private final Duration retryBackoff;
    private final Duration requestTimeout;
    private final SubjectNameStrategy valueSubjectNameStrategy;
    private final SubjectNameStrategy keySubjectNameStrategy;
    private final RegistryTls tls;

    private AvroSerdeConfig(Map<String, ?> props) {
        rejectUnknownRegistryKeys(props);
        Object url = props.get(SCHEMA_REGISTRY_URL);
        this.urls = url == null ? List.of() : parseUrls(url);
        this.autoRegisterSchemas = bool(props, AUTO_REGISTER_SCHEMAS, true);
        this.useLatestVersion = bool(props, USE_LATEST_VERSION, false);
        this.specificAvroReader = bool(props, SPECIFIC_AVRO_READER, false);
        this.retries = (int) number(props, SCHEMA_REGISTRY_RETRIES, 3);
        this.retryBackoff = Duration.ofMillis(number(props, SCHEMA_REGISTRY_RETRY_BACKOFF_MS, 200));
        this.requestTimeout = Duration.ofMillis(number(props, SCHEMA_REGISTRY_REQUEST_TIMEOUT_MS, 10_000));
        String source = Objects.toString(props.get(BASIC_AUTH_CREDENTIALS_SOURCE), "").trim();
        Object userInfo = props.containsKey(BASIC_AUTH_USER_INFO)
                ? props.get(BASIC_AUTH_USER_INFO) : props.get(SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO);
        if (source.isEmpty()) {
            this.basicAuthUserInfo = null;
        } else if (USER_INFO_SOURCE.equalsIgnoreCase(source)) {
            String info = Objects.toString(userInfo, "");
            if (!info.contains(":")) {
                throw new IllegalArgumentException(BASIC_AUTH_CREDENTIALS_SOURCE + "=USER_INFO needs "
                        + BASIC_AUTH_USER_INFO + " in the form user:password");
            }
            this.basicAuthUserInfo = info;
        } else {
            throw new IllegalArgumentException("Unsupported " + BASIC_AUTH_CREDENTIALS_SOURCE + " '" + source
                    + "': only USER_INFO is supported");
        }
        if (retries < 0) {
            throw new IllegalArgumentException(SCHEMA_REGISTRY_RETRIES + " must be >= 0, was " + retries);
        }
        this.valueSubjectNameStrategy = SubjectNameStrategy.parse(VALUE_SUBJECT_NAME_STRATEGY,
                props.get(VALUE_SUBJECT_NAME_STRATEGY));
        this.keySubjectNameStrategy = SubjectNameStrategy.parse(KEY_SUBJECT_NAME_STRATEGY,
                props.get(KEY_SUBJECT_NAME_STRATEGY));
        String algorithm = string(props, RegistryTls.ENDPOINT_IDENTIFICATION_ALGORITHM);
        if (algorithm != null && !algorithm.isEmpty() && !algorithm.equalsIgnoreCase("https")) {
            throw new IllegalArgumentException("Unsupported " + RegistryTls.ENDPOINT_IDENTIFICATION_ALGORITHM + " '"
                    + algorithm + "': use https (check the host name, the default) or an empty value (do not)");
        }
        this.tls = new RegistryTls(string(props, RegistryTls.TRUSTSTORE_LOCATION),
                string(props, RegistryTls.TRUSTSTORE_PASSWORD),
                Objects.requireNonNullElse(string(props, RegistryTls.TRUSTSTORE_TYPE), "JKS"),
                string(props, RegistryTls.KEYSTORE_LOCATION), string(props, RegistryTls.KEYSTORE_PASSWORD),
                Objects.requireNonNullElse(string(props, RegistryTls.KEYSTORE_TYPE), "JKS"),
                string(props, RegistryTls.KEY_PASSWORD),
                Objects.requireNonNullElse(string(props, RegistryTls.PROTOCOL), "TLS"),
                algorithm == null || !algorithm.isEmpty());
    }

    private static void rejectUnknownRegistryKeys(Map<String, ?> props) {
        for (String key : props.keySet()) {
            if (key.startsWith(REGISTRY_PREFIX) && !REGISTRY_KEYS.contains(key)) {
                throw new IllegalArgumentException("Unknown configuration '" + key + "': newspipe's Avro serde "
                        + "reads only these " + REGISTRY_PREFIX + "* keys: " + String.join(", ", REGISTRY_KEYS));
            }
        }
    }

    /** The value as a trimmed string; null when absent (an empty value stays empty). */
    private static String string(Map<String, ?> props, String key) {
        Object v = props.get(key);
        if (v == null) {
            return null;
        }
        // Kafka hands passwords over as Password objects whose toString() hides the value.
        if (v instanceof org.apache.kafka.common.config.types.Password password) {
            return password.value();
        }
        return v.toString().trim();
    }

    public static AvroSerdeConfig from(Map<String, ?> props) {
        return new AvroSerdeConfig(props);
    }

    /** The registry URLs; fails with a message naming the key when none is configured. */
    public List<String> requireUrls() {
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("Missing required configuration '" + SCHEMA_REGISTRY_URL
                    + "' (the Schema Registry base URL, e.g. http://127.0.0.1:8081)");
        }
        return urls;
    }

    public List<String> urls() {
        return urls;
    }

    public boolean autoRegisterSchemas() {
        return autoRegisterSchemas;
    }

    public boolean useLatestVersion() {
        return useLatestVersion;
    }

    public boolean specificAvroReader() {
        return specificAvroReader;
    }

    /** {@code user:password}, or null when basic auth is not configured. */
    public String basicAuthUserInfo() {
        return basicAuthUserInfo;
    }

    public int retries() {
        return retries;
    }

    public Duration retryBackoff() {
        return retryBackoff;
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** The subject-name strategy of keys ({@code isKey}) or values. */
    public SubjectNameStrategy subjectNameStrategy(boolean isKey) {
        return isKey ? keySubjectNameStrategy : valueSubjectNameStrategy;
    }

    /** TLS settings towards the registry (JDK defaults when no {@code schema.registry.ssl.*} key is set). */
    public RegistryTls tls() {
        return tls;
    }

    private static List<String> parseUrls(Object value) {
        List<String> parts = value instanceof List<?> list
                ? list.stream().map(String::valueOf).toList()
                : Arrays.asList(value.toString().split(","));
        return parts.stream().map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> s.endsWith("/") ? s.substring(0, s.length() - 1) : s).toList();
    }

    private static boolean bool(Map<String, ?> props, String key, boolean dflt) {
        Object v = props.get(key);
        if (v == null) {
            return dflt;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        String s = v.toString().trim();
        if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(s);
        }
        throw new IllegalArgumentException("Configuration '" + key + "' must be true or false, was '" + v + "'");
    }

    private static long number(Map<String, ?> props, String key, long dflt) {
        Object v = props.get(key);
        if (v == null) {
            return dflt;
        }
        if (v instanceof Number n) {
            return n.longValue();
        }
        try {
            return Long.parseLong(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Configuration '" + key + "' must be a number, was '" + v + "'", e);
        }
    }
}
