package io.newspipe.ingest.intake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newspipe.common.ErrorCode;
import io.newspipe.common.ServiceMetrics;
import io.newspipe.ingest.article.InvalidArticleException;
import io.newspipe.ingest.intake.IntakeUnavailableException.Reason;
import io.newspipe.schemas.RawArticle;
import io.newspipe.serde.SchemaRegistryException;
import io.newspipe.serde.SchemaRegistryUnreachableException;

/**
 * news.raw.v1 as a {@link RawArticleLog}: an idempotent acks=all producer. The value is serialized here, before the
 * producer, so a Schema Registry outage is told apart from a Kafka outage (and neither blocks longer than the
 * registry client's bounded retries or the producer's {@code max.block.ms}).
 */
public final class KafkaRawArticleLog implements RawArticleLog, AutoCloseable {

    /**
     * Record headers ingest writes beside the value, so the version index is rebuilt without decoding values: the
     * article's version (decimal) and its contentHash (SHA-256 hex of the normalized text).
     */
    public static final String HEADER_VERSION = "newspipe.version";
    public static final String HEADER_CONTENT_HASH = "newspipe.content-hash";

    private final String topic;
    private final Serializer<RawArticle> valueSerializer;
    private final Producer<String, byte[]> producer;

    /**
     * @param producerProperties bootstrap servers, acks=all, idempotence and the timeouts; serializers are set here
     */
    public KafkaRawArticleLog(String topic, Serializer<RawArticle> valueSerializer, Properties producerProperties) {
        this.topic = topic;
        this.valueSerializer = valueSerializer;
        this.producer = new KafkaProducer<>(producerProperties, new StringSerializer(), new ByteArraySerializer());
    }

    /** Binds the producer's client metrics ({@code kafka_producer_*}) to the registry; close the result with it. */
    public AutoCloseable bindMetrics(PrometheusMeterRegistry registry) {
        return ServiceMetrics.bind(registry, producer);
    }

    @Override
    public CompletableFuture<Void> append(String articleId, RawArticle article) {
        byte[] value = serialize(article);
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, articleId, value);
            record.headers().add(HEADER_VERSION, String.valueOf(article.getVersion()).getBytes(StandardCharsets.UTF_8));
            record.headers().add(HEADER_CONTENT_HASH, article.getContentHash().getBytes(StandardCharsets.UTF_8));
            producer.send(record, (metadata, error) -> {
                if (error == null) {
                    done.complete(null);
                } else {
                    done.completeExceptionally(translate(articleId, error));
                }
            });
        } catch (IllegalStateException e) { // producer closed
            throw new IntakeUnavailableException(Reason.SHUTTING_DOWN, "the service is shutting down", e);
        } catch (RuntimeException e) { // metadata not available within max.block.ms, buffer full...
            throw translate(articleId, e);
        }
        return done;
    }

    private byte[] serialize(RawArticle article) {
        try {
            return valueSerializer.serialize(topic, article);
        } catch (SerializationException e) {
            if (registryUnreachable(e)) {
                throw new IntakeUnavailableException(Reason.SCHEMA_REGISTRY_UNAVAILABLE,
                        "the Schema Registry is not reachable: " + e.getMessage(), e);
            }
            if (hasCause(e, SchemaRegistryException.class)) {
                // Incompatible or refused schema: an operator problem, not the sender's; retrying will not help.
                throw new IllegalStateException("the Schema Registry refused the RawArticle schema: " + e.getMessage(), e);
            }
            throw e;
        }
    }

    private static RuntimeException translate(String articleId, Exception error) {
        if (error instanceof RecordTooLargeException) {
            return new InvalidArticleException(ErrorCode.ARTICLE_TOO_LARGE, "article " + articleId
                    + " is too large for a Kafka record on this cluster: " + error.getMessage());
        }
        return new IntakeUnavailableException(Reason.KAFKA_UNAVAILABLE,
                "Kafka did not acknowledge article " + articleId + ": " + error.getMessage(), error);
    }

    private static boolean registryUnreachable(Throwable e) {
        // Our serde says so explicitly; another (e.g. Confluent's) surfaces the I/O failure as a cause.
        return hasCause(e, SchemaRegistryUnreachableException.class) || hasCause(e, IOException.class);
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** The version a record's headers declare, or null when it has none (written before versions existed). */
    static ArticleVersions.Known versionOf(Headers headers) {
        Header version = headers.lastHeader(HEADER_VERSION);
        Header hash = headers.lastHeader(HEADER_CONTENT_HASH);
        if (version == null || hash == null || version.value() == null || hash.value() == null) {
            return null;
        }
        try {
            return new ArticleVersions.Known(Integer.parseInt(new String(version.value(), StandardCharsets.UTF_8)),
                    ArticleVersions.fingerprint(new String(hash.value(), StandardCharsets.UTF_8)));
        } catch (RuntimeException e) {
            return null; // not ours: decode the value instead
        }
    }

    /** Sends what is buffered and waits for it, so nothing accepted is left behind in memory. */
    public void flush() {
        producer.flush();
    }

    /** Flushes, then closes; records still unacknowledged after {@code timeout} are given up (their senders got 503). */
    public void close(Duration timeout) {
        try {
            producer.close(timeout);
        } finally {
            valueSerializer.close();
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }
}
