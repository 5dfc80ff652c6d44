package io.newspipe.ingest.http;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * What the intake counts, as Prometheus sees it: {@code ingest_articles_accepted_total},
 * {@code ingest_articles_duplicates_total}, {@code ingest_articles_rejected_total{reason}} (one per error code, 4xx
 * and 5xx alike), {@code ingest_http_requests_seconds{endpoint,status}} (a latency histogram) and
 * {@code ingest_known_article_ids}.
 */
public final class IngestMetrics {

    private final MeterRegistry registry;
    private final Counter accepted;
    private final Counter duplicates;
    private final ConcurrentHashMap<String, Counter> rejected = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Timer> timers = new ConcurrentHashMap<>();

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.accepted = Counter.builder("ingest.articles.accepted")
                .description("Articles written to news.raw.v1 and acknowledged by Kafka").register(registry);
        this.duplicates = Counter.builder("ingest.articles.duplicates")
                .description("Articles already on news.raw.v1; nothing new written").register(registry);
    }

    public void knownIds(Supplier<Number> count) {
        Gauge.builder("ingest.known.article.ids", count).description("Article ids in the dedup index")
                .register(registry);
    }

    /**
     * {@code ingest_article_index_restored_records} (index records read into the local store at start: on a restart,
     * only those since the store's checkpoint), {@code ingest_article_index_raw_records_read} (news.raw.v1 records
     * read to fill an empty index; 0 on every start but the first on an older stack) and
     * {@code ingest_article_index_write_failures} (index records the topic did not take).
     */
    public void articleIndex(Supplier<Number> restored, Supplier<Number> rawRead, Supplier<Number> writeFailures) {
        Gauge.builder("ingest.article.index.restored.records", restored)
                .description("Article index records restored into the local store at start").register(registry);
        Gauge.builder("ingest.article.index.raw.records.read", rawRead)
                .description("news.raw.v1 records read to fill an empty article index").register(registry);
        Gauge.builder("ingest.article.index.write.failures", writeFailures)
                .description("Article index records Kafka did not take").register(registry);
    }

    /**
     * {@code ingest_request_body_bytes_held} (now), {@code _peak} (most at once) and {@code _capacity}
     * (--max-bytes-in-flight).
     */
    public void bodyBytes(ByteBudget budget) {
        Gauge.builder("ingest.request.body.bytes.held", budget, ByteBudget::held)
                .description("Request-body bytes the API holds now (read, or waiting for Kafka)").register(registry);
        Gauge.builder("ingest.request.body.bytes.peak", budget, ByteBudget::peak)
                .description("The most request-body bytes held at once since start").register(registry);
        Gauge.builder("ingest.request.body.bytes.capacity", budget, ByteBudget::capacity)
                .description("Request-body bytes the API may hold at once (--max-bytes-in-flight)").register(registry);
    }

    public void accepted(boolean duplicate) {
        (duplicate ? duplicates : accepted).increment();
    }

    public void rejected(String reason) {
        rejected.computeIfAbsent(reason, r -> Counter.builder("ingest.articles.rejected")
                .description("Articles or requests refused, by reason (the error code of the reply)")
                .tag("reason", r).register(registry)).increment();
    }

    public void request(String endpoint, int status, long startNanos) {
        String key = endpoint + ' ' + status;
        timers.computeIfAbsent(key, k -> Timer.builder("ingest.http.requests")
                .description("Latency of ingest API requests, by endpoint and status")
                .tag("endpoint", endpoint).tag("status", String.valueOf(status))
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry)).record(System.nanoTime() - startNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }
}
