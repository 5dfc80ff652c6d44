package io.newspipe.ingest.intake;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newspipe.common.PipelineConfig;
import io.newspipe.ingest.intake.IntakeUnavailableException.Reason;

/**
 * {@link ArticleVersions} shared by every ingest instance: a compacted topic ({@code news.article-index.v1}, key:
 * article id, value: {@link ArticleIndexRecord}) that each instance writes after news.raw.v1 acknowledged an article,
 * read whole by every instance into a Kafka Streams global store on RocksDB in its state directory. The store's
 * checkpoint makes a restart read only what was written since, and the store is on disk, so neither start-up time
 * nor heap grow with the raw topic. The global store lags the topic a little, so this instance's own recent writes
 * are also kept in a small bounded map.
 *
 * <p>Two instances taking the same text of an article at the same moment may both write it (the index cannot lock
 * an id across instances); downstream, publish turns the same content into one revision.
 *
 * <p>A stack from before the index has news.raw.v1 but an empty index: {@link #completeIfNeeded} reads news.raw.v1
 * once ({@link RawTopicVersionIndex}) into the topic, then writes {@link #COMPLETE_MARKER}; only an index holding it
 * is used, so a fill that stopped midway is done again.
 */
public final class KafkaArticleVersions implements ArticleVersions, AutoCloseable {

    /** A key no article has (ids are {@code u-...} or {@code t-...}): the index holds every article of the raw topic. */
    static final String COMPLETE_MARKER = "!index-complete";
    static final String STORE = "article-index";
    /** Own writes kept in heap: far more than the global store lags behind (milliseconds of writes). */
    public static final int DEFAULT_RECENT_WRITES = 16_384;

    private static final Logger log = LoggerFactory.getLogger(KafkaArticleVersions.class);

    /** Reads the raw topic once, handing each record's id and version to the sink; returns the records read. */
    @FunctionalInterface
    public interface RawScan {
        long scan(BiConsumer<String, Known> sink);
    }

    private final String topic;
    private final KafkaStreams streams;
    private final Producer<String, byte[]> producer;
    private final Map<String, Known> recent;
    private final AtomicLong restoredRecords = new AtomicLong();
    private final AtomicLong rawRecordsRead = new AtomicLong();
    private final AtomicLong writeFailures = new AtomicLong();
    private final AtomicReference<Exception> lastWriteFailure = new AtomicReference<>();
    private volatile ReadOnlyKeyValueStore<String, byte[]> store;

    /**
     * @param config             bootstrap servers, state directory and application id (the store lives in
     *                           {@code <state dir>/<application id>-article-index})
     * @param producerProperties an acks=all idempotent producer's settings; serializers are set here
     * @param recentWrites       how many of this instance's own writes to keep in heap
     */
    public KafkaArticleVersions(PipelineConfig config, String topic, Properties producerProperties, int recentWrites) {
        this.topic = topic;
        this.recent = new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Known> eldest) {
                return size() > recentWrites;
            }
        };
        StreamsBuilder builder = new StreamsBuilder();
        builder.globalTable(topic, Consumed.with(Serdes.String(), Serdes.ByteArray()),
                Materialized.<String, byte[], KeyValueStore<Bytes, byte[]>>as(STORE)
                        .withKeySerde(Serdes.String()).withValueSerde(Serdes.ByteArray()));
        Properties p = config.streamsProperties(config.applicationId() + "-" + STORE);
        p.remove(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG); // bytes in, bytes stored: nothing to park
        p.put("processing.exception.handler.global.enabled", "true"); // Kafka 5's default; quiets a warning now
        this.producer = new KafkaProducer<>(producerProperties, new StringSerializer(), new ByteArraySerializer());
        try {
            this.streams = new KafkaStreams(builder.build(), p); // takes the state directory's lock
        } catch (RuntimeException e) {
            producer.close(Duration.ZERO);
            throw e;
        }
        this.streams.setGlobalStateRestoreListener(new RestoreCounter());
    }

    /**
     * Binds the index's Kafka Streams metrics ({@code kafka_stream_*}: the global store's restore and lag) and its
     * producer's ({@code kafka_producer_*}) to the registry; close the result before or with this index.
     */
    public AutoCloseable bindMetrics(io.micrometer.prometheusmetrics.PrometheusMeterRegistry registry) {
        AutoCloseable streamsMetrics = io.newspipe.common.ServiceMetrics.bind(registry, streams);
        AutoCloseable producerMetrics = io.newspipe.common.ServiceMetrics.bind(registry, producer);
        return () -> {
            try (AutoCloseable a = streamsMetrics; AutoCloseable b = producerMetrics) {
                // both closed, each even if the other fails
            }
        };
    }

    /** Starts reading the index topic into the local store (restoring from the checkpoint first). */
    public KafkaArticleVersions start() {
        streams.start();
        return this;
    }

    /**
     * Waits until the local store holds the index as it was at start (Streams reaches RUNNING once its global stores
     * are restored).
     *
     * @throws IllegalStateException when that takes longer than {@code timeout} or Streams failed
     */
    public void awaitRestored(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (failed()) {
                throw new IllegalStateException("the article index store stopped: Kafka Streams is " + streams.state());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the article index was not restored from " + topic + " within "
                        + timeout + " (" + restoredRecords.get() + " records restored)");
            }
            sleep(20);
        }
        store = streams.store(StoreQueryParameters.fromNameAndType(STORE, QueryableStoreTypes.keyValueStore()));
    }

    /**
     * Makes sure the index holds every article: when it has no {@link #COMPLETE_MARKER} (a stack from before the
     * index, or a fill that stopped midway), every record of the raw topic is written to it, then the marker; then
     * waits until the local store has read the marker. Several instances doing this at once write the same values.
     *
     * @return the number of raw records read (0 when the index was complete)
     */
    public long completeIfNeeded(RawScan rawTopic, Duration timeout) {
        if (store().get(COMPLETE_MARKER) != null) {
            return 0;
        }
        log.info("The article index {} is not complete: filling it from the raw topic, once", topic);
        long failuresBefore = writeFailures.get();
        long read = rawTopic.scan((id, known) -> {
            send(id, known);
            rawRecordsRead.incrementAndGet();
        });
        producer.flush();
        if (writeFailures.get() != failuresBefore) {
            throw new IllegalStateException((writeFailures.get() - failuresBefore) + " article index records were not "
                    + "written to " + topic + ": " + lastWriteFailure.get());
        }
        send(COMPLETE_MARKER, new Known(0, 0));
        producer.flush();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (store().get(COMPLETE_MARKER) == null) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the article index store did not catch up with " + topic + " within "
                        + timeout);
            }
            sleep(50);
        }
        log.info("The article index {} is complete: {} raw records written to it", topic, read);
        return read;
    }

    @Override
    public java.util.Optional<Known> latest(String articleId) {
        Known mine;
        synchronized (recent) {
            mine = recent.get(articleId);
        }
        Known shared = ArticleIndexRecord.decode(query(articleId));
        if (mine == null) {
            return java.util.Optional.ofNullable(shared);
        }
        return java.util.Optional.of(shared != null && shared.version() > mine.version() ? shared : mine);
    }

    /**
     * Remembers the version here at once and writes it to the index topic (asynchronously). Never throws: it runs
     * where the raw write completes, and the article is on news.raw.v1 whatever happens here; a failure is counted
     * and logged (other instances then take a repost of that text for new: one more raw record, no new revision).
     */
    @Override
    public void acknowledged(String articleId, Known version) {
        synchronized (recent) {
            recent.merge(articleId, version, (old, now) -> now.version() >= old.version() ? now : old);
        }
        try {
            send(articleId, version);
        } catch (RuntimeException e) { // closed at shutdown, or no room within max.block.ms
            writeFailures.incrementAndGet();
            lastWriteFailure.set(e);
            log.warn("Article index record for {} not sent to {}: {}", articleId, topic, e.toString());
        }
    }

    private void send(String articleId, Known version) {
        producer.send(new ProducerRecord<>(topic, articleId, ArticleIndexRecord.encode(version)), (metadata, error) -> {
            if (error != null) {
                writeFailures.incrementAndGet();
                lastWriteFailure.set(error);
                log.warn("Article index record for {} not written to {}: {}", articleId, topic, error.toString());
            }
        });
    }

    private byte[] query(String articleId) {
        try {
            return store().get(articleId);
        } catch (InvalidStateStoreException e) {
            throw new IntakeUnavailableException(Reason.NOT_READY, "the article index store is not available now ("
                    + streams.state() + "): " + e.getMessage(), e);
        }
    }

    private ReadOnlyKeyValueStore<String, byte[]> store() {
        ReadOnlyKeyValueStore<String, byte[]> s = store;
        if (s == null) {
            throw new IntakeUnavailableException(Reason.NOT_READY, "the article index is not restored yet", null);
        }
        return s;
    }

    /** Articles in the index (RocksDB's estimate). */
    @Override
    public int size() {
        ReadOnlyKeyValueStore<String, byte[]> s = store;
        return s == null ? 0 : (int) Math.min(Integer.MAX_VALUE, s.approximateNumEntries());
    }

    /** Null while the local store serves the index, else why not (for readiness). */
    public String problem() {
        KafkaStreams.State state = streams.state();
        return state == KafkaStreams.State.RUNNING ? null : "article index store is " + state;
    }

    /** True when its Streams stopped for good (it cannot be started again: close it and make another). */
    public boolean failed() {
        return !streams.state().isRunningOrRebalancing() && streams.state() != KafkaStreams.State.CREATED;
    }

    /** Index records read from the topic into the local store at start-up (a restart: only those since its checkpoint). */
    public long restoredRecords() {
        return restoredRecords.get();
    }

    /** Raw-topic records read to fill the index (0 unless the index was incomplete at start). */
    public long rawRecordsRead() {
        return rawRecordsRead.get();
    }

    /** Index records the topic did not take (the article is on news.raw.v1; other instances see it as new). */
    public long writeFailures() {
        return writeFailures.get();
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }

    /** Sends what is buffered, then closes the store (writing its checkpoint, so the next start reads only what is new). */
    public void close(Duration timeout) {
        try {
            producer.close(timeout);
        } finally {
            streams.close(timeout);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IntakeUnavailableException(Reason.SHUTTING_DOWN, "interrupted", e);
        }
    }

    private final class RestoreCounter implements StateRestoreListener {
        @Override
        public void onRestoreStart(TopicPartition partition, String storeName, long startingOffset, long endingOffset) {
            if (endingOffset > startingOffset) {
                log.info("Restoring the article index from {}: offsets {} to {}", partition, startingOffset,
                        endingOffset);
            }
        }

        @Override
        public void onBatchRestored(TopicPartition partition, String storeName, long batchEndOffset, long numRestored) {
            restoredRecords.addAndGet(numRestored);
        }

        @Override
        public void onRestoreEnd(TopicPartition partition, String storeName, long totalRestored) {
        }
    }
}
