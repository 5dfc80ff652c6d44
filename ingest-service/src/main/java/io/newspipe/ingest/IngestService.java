package io.newspipe.ingest;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newspipe.common.HealthStatus;
import io.newspipe.common.PipelineConfig;
import io.newspipe.common.ServiceDefaults;
import io.newspipe.common.ServiceHttpServer;
import io.newspipe.common.ServiceMetrics;
import io.newspipe.common.TopicCatalog;
import io.newspipe.common.TopicTable;
import io.newspipe.common.TopicNames;
import io.newspipe.common.TopicProvisioner;
import io.newspipe.ingest.article.RawArticleFactory;
import io.newspipe.ingest.http.ArticlesApi;
import io.newspipe.ingest.http.ByteBudget;
import io.newspipe.ingest.http.IngestMetrics;
import io.newspipe.ingest.intake.ArticleIntake;
import io.newspipe.ingest.intake.KafkaRawArticleLog;
import io.newspipe.ingest.intake.KafkaArticleVersions;
import io.newspipe.ingest.intake.RawTopicVersionIndex;
import io.newspipe.schemas.RawArticle;
import io.newspipe.serde.AvroSerdeConfig;
import io.newspipe.serde.RestSchemaRegistryClient;
import io.newspipe.serde.SchemaRegistryClient;

/**
 * The ingest service: raw article text in over HTTP ({@link ArticlesApi}), {@link RawArticle} records out on
 * news.raw.v1, each id at most once.
 *
 * <p>{@link #start()} serves HTTP at once and, in the background, ensures news.raw.v1 and the article index topic
 * exist and restores the index into the local store ({@link KafkaArticleVersions}: on a restart only what was
 * written since the last checkpoint; once per stack, when the index is empty on an older raw topic, it is filled from
 * news.raw.v1); until that is done (retried while Kafka is unreachable) writes answer 503 and /health/ready is DOWN
 * naming the step. Ready also requires Kafka and the Schema Registry to answer now and the index store to run.
 * {@link #stop()} stops taking writes, answers the ones already taken, then flushes and closes the producer.
 */
public final class IngestService implements AutoCloseable {

    public static final String SERVICE_NAME = "ingest-service";
    public static final int DEFAULT_HTTP_PORT = 8080;
    public static final ServiceDefaults DEFAULTS = new ServiceDefaults("newspipe-ingest", DEFAULT_HTTP_PORT);

    private static final Logger log = LoggerFactory.getLogger(IngestService.class);

    /**
     * Ingest's own settings (the shared ones are in {@link PipelineConfig}).
     *
     * @param maxBodyBytes     limit of one article request body / one batch line
     * @param maxBatchBytes    limit of a whole batch body
     * @param apiToken         bearer token required for writes, or null; a blank one counts as none (an empty
     *                         {@code NEWSPIPE_API_TOKEN} leaves the API open, and the log must say so)
     * @param deliveryTimeout  producer {@code delivery.timeout.ms}: the longest an accepted write may take
     * @param indexLoadTimeout how long one attempt at rebuilding the id index may take
     * @param maxBytesInFlight request-body bytes held at once (read, or waiting for Kafka); beyond it 503
     */
    public record Options(long maxBodyBytes, long maxBatchBytes, String apiToken, Duration deliveryTimeout,
            Duration indexLoadTimeout, long maxBytesInFlight) {

        public Options {
            apiToken = apiToken == null || apiToken.isBlank() ? null : apiToken;
            for (long limit : new long[] {maxBodyBytes, maxBatchBytes, maxBytesInFlight}) {
                if (limit < 1 || limit > MAX_BUFFER) {
                    throw new IllegalArgumentException("--max-body-bytes, --max-batch-bytes and --max-bytes-in-flight "
                            + "must be 1.." + MAX_BUFFER + " bytes, got " + limit);
                }
            }
        }

        public static final long DEFAULT_MAX_BODY_BYTES = 2L * 1024 * 1024;
        public static final long DEFAULT_MAX_BATCH_BYTES = 32L * 1024 * 1024;
        /** Beyond the delivery timeout, what a stop waits for writes already taken. */
        static final Duration STOP_SLACK = Duration.ofSeconds(5);
        /** The largest Java array. */
        static final long MAX_BUFFER = Integer.MAX_VALUE - 8;

        /**
         * An eighth of the heap: a body of N bytes becomes several times N on the heap while it is parsed,
         * normalized, serialized and buffered by the producer, and the rest of the service needs room too.
         */
        public static long defaultMaxBytesInFlight() {
            return Math.max(1L << 20, Runtime.getRuntime().maxMemory() / 8);
        }

        public static Options defaults() {
            return new Options(DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_BATCH_BYTES, null, Duration.ofSeconds(10),
                    Duration.ofMinutes(10), defaultMaxBytesInFlight());
        }

        public Options withApiToken(String token) {
            return new Options(maxBodyBytes, maxBatchBytes, token, deliveryTimeout, indexLoadTimeout,
                    maxBytesInFlight);
        }

        public Options withMaxBodyBytes(long bytes) {
            return new Options(bytes, maxBatchBytes, apiToken, deliveryTimeout, indexLoadTimeout, maxBytesInFlight);
        }

        public Options withDeliveryTimeout(Duration timeout) {
            return new Options(maxBodyBytes, maxBatchBytes, apiToken, timeout, indexLoadTimeout, maxBytesInFlight);
        }

        /** The longest a clean stop takes: answering writes already taken, then flushing the producer. */
        public Duration shutdownBound() {
            return deliveryTimeout.multipliedBy(2).plus(STOP_SLACK);
        }

        public Options withMaxBytesInFlight(long bytes) {
            return new Options(maxBodyBytes, maxBatchBytes, apiToken, deliveryTimeout, indexLoadTimeout, bytes);
        }
    }

    private final PipelineConfig config;
    private final Options options;
    private final TopicCatalog catalog;
    private final AtomicReference<ArticleIntake> intake = new AtomicReference<>();
    private final AtomicReference<String> notReadyReason = new AtomicReference<>("starting");
    private PrometheusMeterRegistry meterRegistry;
    private ServiceHttpServer http;
    private ArticlesApi api;
    private ThreadPoolExecutor worker;
    private KafkaRawArticleLog rawLog;
    private AutoCloseable producerMetrics;
    /** The article index's Streams and producer metrics, bound with each index started (null before). */
    private AutoCloseable indexMetrics;
    private volatile KafkaArticleVersions versions;
    private Admin admin;
    private SchemaRegistryClient registryProbe;
    private Thread warmUp;
    private volatile boolean stopping;

    public IngestService(PipelineConfig config, Options options) {
        this.config = withIngestClientDefaults(config);
        this.options = options;
        this.catalog = new TopicCatalog(this.config);
    }

    /** Serves HTTP and starts reaching Kafka in the background; see {@link #awaitReady(Duration)}. */
    public synchronized IngestService start() {
        if (http != null) {
            return this;
        }
        meterRegistry = ServiceMetrics.newRegistry(SERVICE_NAME);
        IngestMetrics metrics = new IngestMetrics(meterRegistry);
        metrics.knownIds(() -> {
            ArticleIntake current = intake.get();
            return current == null ? 0 : current.knownIdCount();
        });
        metrics.articleIndex(() -> indexCount(KafkaArticleVersions::restoredRecords),
                () -> indexCount(KafkaArticleVersions::rawRecordsRead),
                () -> indexCount(KafkaArticleVersions::writeFailures));
        Serializer<RawArticle> serializer = catalog.raw().valueSerializer();
        rawLog = new KafkaRawArticleLog(catalog.raw().name(), serializer, producerProperties());
        producerMetrics = rawLog.bindMetrics(meterRegistry);
        admin = Admin.create(adminProperties());
        registryProbe = new RestSchemaRegistryClient(AvroSerdeConfig.from(registryProbeConfig()));
        worker = newWorkerPool();
        long ackTimeout = options.deliveryTimeout().toMillis() + 2_000;
        ByteBudget bodies = new ByteBudget(options.maxBytesInFlight());
        metrics.bodyBytes(bodies);
        api = new ArticlesApi(new ArticlesApi.Settings(options.maxBodyBytes(), options.maxBatchBytes(),
                options.apiToken(), ackTimeout), intake::get, metrics, worker, bodies);
        http = ServiceHttpServer.create(config, meterRegistry, this::readiness, SERVICE_NAME)
                .addRoute(ArticlesApi.ARTICLES_PATH, api)
                .start();
        warmUp = new Thread(this::warmUp, SERVICE_NAME + "-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        log.info("Ingest API on {}{} (raw topic {}, token {})", http.baseUrl(), ArticlesApi.ARTICLES_PATH,
                catalog.raw().name(), options.apiToken() == null ? "not required" : "required");
        return this;
    }

    /**
     * Ensures the topics and restores the article index, retrying with backoff until it works or the service stops.
     */
    private void warmUp() {
        long backoffMillis = 500;
        String indexTopic = catalog.name(TopicTable.ARTICLE_INDEX);
        while (!stopping) {
            try {
                notReadyReason.set("ensuring topics " + catalog.raw().name() + " and " + indexTopic);
                TopicProvisioner.ensureTopics(admin, catalog.specsCreatedBy(TopicTable.Creator.INGEST));
                KafkaArticleVersions index = startIndex(indexTopic);
                notReadyReason.set("restoring the article index from " + indexTopic + " into the local store");
                index.awaitRestored(options.indexLoadTimeout());
                notReadyReason.set("filling the article index " + indexTopic + " from " + catalog.raw().name()
                        + " (once per stack: the index was empty or incomplete)");
                index.completeIfNeeded(sink -> RawTopicVersionIndex.scan(consumerProperties(), catalog.raw().name(),
                        catalog.raw().valueDeserializer(), options.indexLoadTimeout(), sink),
                        options.indexLoadTimeout());
                intake.set(new ArticleIntake(new RawArticleFactory(Clock.systemUTC(), config.maxRecordBytes()), rawLog,
                        index));
                notReadyReason.set(null);
                log.info("Article index ready: {} records restored from {}, {} raw records read",
                        index.restoredRecords(), indexTopic, index.rawRecordsRead());
                return;
            } catch (RuntimeException e) {
                if (stopping) {
                    return;
                }
                KafkaArticleVersions index = versions;
                if (index != null && index.failed()) {
                    discardIndex(index); // its Streams cannot be started again: a new one next time
                }
                notReadyReason.set("cannot reach Kafka yet: " + e.getMessage());
                log.warn("Ingest warm-up failed, retrying in {} ms: {}", backoffMillis, e.toString());
                try {
                    Thread.sleep(backoffMillis);
                } catch (InterruptedException ie) {
                    return;
                }
                backoffMillis = Math.min(backoffMillis * 2, 10_000);
            }
        }
    }

    private synchronized KafkaArticleVersions startIndex(String indexTopic) {
        if (versions == null && !stopping) {
            versions = new KafkaArticleVersions(config, indexTopic, indexProducerProperties(),
                    KafkaArticleVersions.DEFAULT_RECENT_WRITES);
            indexMetrics = versions.bindMetrics(meterRegistry);
            versions.start();
        }
        if (versions == null) {
            throw new IllegalStateException("stopping");
        }
        return versions;
    }

    private synchronized void discardIndex(KafkaArticleVersions index) {
        if (versions == index) {
            versions = null;
            closeQuietly(indexMetrics::close, "article index metrics");
            indexMetrics = null;
        }
        index.close(Duration.ofSeconds(5));
    }

    private long indexCount(java.util.function.ToLongFunction<KafkaArticleVersions> count) {
        KafkaArticleVersions index = versions;
        return index == null ? 0 : count.applyAsLong(index);
    }

    /** The article index, once started (for tests and benchmarks: its restore counters). */
    public KafkaArticleVersions articleIndex() {
        return versions;
    }

    /** Ready when the article index is restored and Kafka and the Schema Registry answer right now. */
    public HealthStatus readiness() {
        if (stopping) {
            return HealthStatus.down("shutting down");
        }
        ArticleIntake current = intake.get();
        String reason = notReadyReason.get();
        if (current == null) {
            KafkaArticleVersions index = versions;
            return HealthStatus.down((reason == null ? "starting" : reason) + (index == null ? ""
                    : " (" + index.restoredRecords() + " index records restored, " + index.rawRecordsRead()
                            + " raw records read)"));
        }
        String kafka = kafkaProblem();
        String registry = registryProblem();
        KafkaArticleVersions index = versions;
        String store = index == null ? "article index store is gone" : index.problem();
        if (kafka != null || registry != null || store != null) {
            return HealthStatus.down((kafka == null ? "" : "kafka: " + kafka + "; ")
                    + (registry == null ? "" : "schema registry: " + registry + "; ") + (store == null ? "" : store));
        }
        return HealthStatus.up("kafka and schema registry answer; " + current.knownIdCount() + " known article ids");
    }

    private String kafkaProblem() {
        try {
            admin.describeCluster().nodes().get(2, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return "not answering (" + e + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private String registryProblem() {
        try {
            registryProbe.getAllSubjects();
            return null;
        } catch (RuntimeException e) {
            return "not answering (" + e.getMessage() + ")";
        }
    }

    /** Waits until the service is ready to take writes (id index rebuilt); false on timeout. */
    public boolean awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (intake.get() == null) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /**
     * Graceful stop: new writes get 503, writes already taken are answered (waiting for their acknowledgement),
     * then the producer is flushed and closed and the HTTP server stops.
     */
    public synchronized void stop() {
        if (http == null || stopping) {
            return;
        }
        stopping = true;
        api.stopAccepting();
        worker.shutdown();
        try {
            if (!worker.awaitTermination(options.deliveryTimeout().plus(Options.STOP_SLACK).toMillis(),
                    TimeUnit.MILLISECONDS)) {
                log.warn("Some ingest requests were still waiting for Kafka at shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        warmUp.interrupt();
        closeQuietly(producerMetrics::close, "producer metrics");
        closeQuietly(() -> rawLog.close(options.deliveryTimeout()), "producer");
        closeQuietly(this::closeIndex, "article index");
        closeQuietly(http::close, "HTTP server");
        closeQuietly(() -> admin.close(Duration.ofSeconds(2)), "admin client"); // do not wait out warm-up calls
        closeQuietly(registryProbe::close, "registry client");
        closeQuietly(meterRegistry::close, "meter registry");
        log.info("Ingest service stopped");
    }

    private synchronized void closeIndex() {
        if (indexMetrics != null) {
            closeQuietly(indexMetrics::close, "article index metrics");
        }
        if (versions != null) {
            versions.close(options.deliveryTimeout());
        }
    }

    @Override
    public void close() {
        stop();
    }

    public int port() {
        return http.port();
    }

    public String baseUrl() {
        return http.baseUrl();
    }

    public PipelineConfig config() {
        return config;
    }

    // ---------------------------------------------------------------- client properties

    /**
     * Bounded registry calls for the serializer (one retry, 2 s per request), unless the operator set them: a
     * registry outage must become a quick 503, not a hung request.
     */
    static PipelineConfig withIngestClientDefaults(PipelineConfig config) {
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put(AvroSerdeConfig.SCHEMA_REGISTRY_RETRIES, "1");
        extra.put(AvroSerdeConfig.SCHEMA_REGISTRY_RETRY_BACKOFF_MS, "100");
        extra.put(AvroSerdeConfig.SCHEMA_REGISTRY_REQUEST_TIMEOUT_MS, "2000");
        extra.putAll(config.extraConfig());
        return config.toBuilder().extraConfig(extra).build();
    }

    private Properties producerProperties() {
        Properties p = new Properties();
        p.putAll(config.producerProperties("newspipe-ingest"));
        // acks=all + idempotence come from producerProperties; these bound how long a request can hang.
        putIfUnset(p, ProducerConfig.MAX_BLOCK_MS_CONFIG, "2000");
        // Kafka's 32 MiB of send buffer, but no more than an eighth of a small heap: with the broker down it fills up
        // and, beside the request bodies (--max-bytes-in-flight), it is the other large thing ingest holds.
        putIfUnset(p, ProducerConfig.BUFFER_MEMORY_CONFIG, String.valueOf(Math.min(32L << 20,
                Math.max(4L << 20, Runtime.getRuntime().maxMemory() / 8))));
        long delivery = options.deliveryTimeout().toMillis();
        putIfUnset(p, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(Math.max(1000, delivery / 2)));
        putIfUnset(p, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(delivery));
        putIfUnset(p, ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        // A record carries the original and the normalized text (and the paragraphs): room for a body at the limit.
        putIfUnset(p, ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                String.valueOf(Math.max(1 << 20, 4 * options.maxBodyBytes() + (1 << 20))));
        return p;
    }

    /**
     * Index records are small and must not wait behind raw records: a producer of their own, with Kafka's delivery
     * timeout (2 minutes: the article is already on news.raw.v1, the index record should get there too) and 4 MiB of
     * send buffer: the pool keeps what it once filled (a fill from the raw topic fills it), and 4 MiB is over 100,000
     * index records.
     */
    private Properties indexProducerProperties() {
        Properties p = config.producerProperties("newspipe-ingest-article-index");
        putIfUnset(p, ProducerConfig.BUFFER_MEMORY_CONFIG, String.valueOf(4L << 20));
        // a send runs where the raw write completed (the raw producer's I/O thread): it must not wait long for room
        putIfUnset(p, ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        return p;
    }

    private Properties consumerProperties() {
        Properties p = new Properties();
        p.putAll(config.kafkaProperties());
        return p;
    }

    private Properties adminProperties() {
        Properties p = new Properties();
        p.putAll(config.kafkaProperties());
        putIfUnset(p, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        putIfUnset(p, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        return p;
    }

    /** The probe fails fast: no retries, 2 s. */
    private Map<String, Object> registryProbeConfig() {
        Map<String, Object> m = new HashMap<>(config.serdeConfig());
        m.put(AvroSerdeConfig.SCHEMA_REGISTRY_RETRIES, "0");
        m.put(AvroSerdeConfig.SCHEMA_REGISTRY_REQUEST_TIMEOUT_MS, "2000");
        return m;
    }

    private ThreadPoolExecutor newWorkerPool() {
        AtomicInteger n = new AtomicInteger();
        // Workers build and send (a send blocks while the producer's buffer is full) and run batches, which wait for
        // Kafka acknowledgements; the queue bounds memory, beyond it requests get 503 overloaded.
        return new ThreadPoolExecutor(32, 32, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1024), r -> {
            Thread t = new Thread(r, SERVICE_NAME + "-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    private static void putIfUnset(Properties p, String key, String value) {
        p.putIfAbsent(key, value);
    }

    private interface Closer {
        void close() throws Exception;
    }

    private static void closeQuietly(Closer closer, String what) {
        try {
            closer.close();
        } catch (Exception e) {
            log.warn("Closing the {} failed", what, e);
        }
    }

    public static void main(String[] args) {
        System.exit(IngestCommand.execute(args));
    }
}
