package io.newspipe.common.deadletter;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newspipe.common.PipelineConfig;

/**
 * The deserialization, processing and production exception handler of every Streams stage: a record that cannot be
 * processed goes to the dead-letter topic with the reason, and the service goes on; an environment problem or a bug
 * stops the stream thread instead, so the record is retried, never dead-lettered (see {@link FailureClass}).
 *
 * <p>Dead letters are written by Kafka Streams in the same exactly-once transaction as the task's other output
 * (KIP-1034). Each carries the original key and value bytes and headers, Kafka's {@code __streams.errors.*} headers
 * (exception, message, stacktrace, topic, partition, offset) and newspipe's ({@link #HEADER_STAGE},
 * {@link #HEADER_KIND}, {@link #HEADER_REASON}, {@link #HEADER_FAILED_AT}). A dead letter never exceeds the record
 * limit ({@code max.request.size}): a value that would not fit is left out ({@link #HEADER_VALUE_OMITTED}; the
 * original stays at the position the headers name), because a dead letter the producer refuses would abort the
 * transaction and replay the same failure for ever.
 *
 * <p>Configured through the Streams properties: {@link StreamsConfig#ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG},
 * {@link #STAGE_CONFIG} and {@link #FAILURES_CONFIG}; {@link #installedIn(PipelineConfig, String)} sets it up for one
 * stage. One class for every stage: Kafka Streams instantiates it by class name, so the stage comes from the config.
 */
public class DeadLetterHandler implements DeserializationExceptionHandler, ProcessingExceptionHandler,
        ProductionExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterHandler.class);

    /** Streams property naming the pipeline stage written into {@link #HEADER_STAGE}. */
    public static final String STAGE_CONFIG = "newspipe.dead.letter.stage";
    /** Streams property holding the application's {@link StreamFailures} (an object, not a string). */
    public static final String FAILURES_CONFIG = "newspipe.stream.failures";

    /** The pipeline stage that gave up on the record ({@code enrich}, {@code publish}). */
    public static final String HEADER_STAGE = "newspipe.dlq.stage";
    /** {@code deserialization}, {@code validation} or {@code too_large}. */
    public static final String HEADER_KIND = "newspipe.dlq.kind";
    /** Why the record was rejected, for people: the validation violations or the root-cause message. */
    public static final String HEADER_REASON = "newspipe.dlq.reason";
    /** When the record was dead-lettered (ISO-8601 instant). The record timestamp stays the original one. */
    public static final String HEADER_FAILED_AT = "newspipe.dlq.failed-at";
    /** Present when the value was left out because the dead letter would exceed the record limit: its size. */
    public static final String HEADER_VALUE_OMITTED = "newspipe.dlq.value-omitted";
    /** Kafka's own headers (KIP-1034), also present on every dead letter. */
    public static final String HEADER_EXCEPTION = "__streams.errors.exception";
    public static final String HEADER_MESSAGE = "__streams.errors.message";
    public static final String HEADER_STACKTRACE = "__streams.errors.stacktrace";
    public static final String HEADER_TOPIC = "__streams.errors.topic";
    public static final String HEADER_PARTITION = "__streams.errors.partition";
    public static final String HEADER_OFFSET = "__streams.errors.offset";

    public static final String KIND_DESERIALIZATION = "deserialization";
    public static final String KIND_VALIDATION = "validation";
    /** The output of the record would exceed the record limit (its article is too large to publish). */
    public static final String KIND_TOO_LARGE = "too_large";
    /** Letters written before failure classes existed: any processing exception, bugs included. */
    public static final String KIND_PROCESSING = "processing";

    /** Room left in a dead letter for its key, headers and Kafka's record overhead. */
    static final int HEADROOM_BYTES = 32 * 1024;
    private static final int MAX_MESSAGE_CHARS = 2_000;
    private static final int MAX_STACKTRACE_CHARS = 8_000;

    private final Clock clock;
    private String stage = "unknown";
    private String deadLetterTopic;
    private int maxRecordBytes = PipelineConfig.DEFAULT_MAX_RECORD_BYTES;
    private StreamFailures failures;

    public DeadLetterHandler() {
        this(Clock.systemUTC());
    }

    DeadLetterHandler(Clock clock) {
        this.clock = clock;
    }

    /**
     * The config with this class as the deserialization, processing and production exception handler, tagging dead
     * letters with {@code stage}.
     */
    public static PipelineConfig installedIn(PipelineConfig config, String stage) {
        if (stage == null || stage.isBlank()) {
            throw new IllegalArgumentException("The dead-letter stage must name the pipeline stage, got '" + stage + "'");
        }
        return config.toBuilder()
                .extraConfig(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName())
                .extraConfig(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName())
                .extraConfig(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName())
                .extraConfig(STAGE_CONFIG, stage)
                .build();
    }

    @Override
    public void configure(Map<String, ?> configs) {
        Object topic = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        if (topic == null || topic.toString().isBlank()) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " needs "
                    + StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG + " (the dead-letter topic)");
        }
        deadLetterTopic = topic.toString();
        stage = Objects.toString(configs.get(STAGE_CONFIG), "unknown");
        Object limit = configs.get(StreamsConfig.PRODUCER_PREFIX + ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        if (limit == null) {
            limit = configs.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        }
        if (limit != null) {
            maxRecordBytes = Integer.parseInt(limit.toString().trim());
        }
        Object shared = configs.get(FAILURES_CONFIG);
        failures = shared instanceof StreamFailures f ? f : new StreamFailures(stage, java.time.Duration.ofSeconds(30));
    }

    // ------------------------------------------------------------------------------------ deserialization

    @Override
    public DeserializationExceptionHandler.Response handleError(ErrorHandlerContext context,
            ConsumerRecord<byte[], byte[]> record, Exception exception) {
        List<ProducerRecord<byte[], byte[]>> dead = deadLetterOrGiveUp(FailureClass.ofDeserialization(exception),
                context, record.key(), record.value(), record.headers(), KIND_DESERIALIZATION, exception);
        return dead.isEmpty() ? DeserializationExceptionHandler.Response.fail()
                : DeserializationExceptionHandler.Response.resume(dead);
    }

    // ------------------------------------------------------------------------------------ processing

    @Override
    public ProcessingExceptionHandler.Response handleError(ErrorHandlerContext context, Record<?, ?> record,
            Exception exception) {
        List<ProducerRecord<byte[], byte[]>> dead = deadLetterOrGiveUp(FailureClass.ofProcessing(exception), context,
                context.sourceRawKey(), context.sourceRawValue(), context.headers(), KIND_VALIDATION, exception);
        return dead.isEmpty() ? ProcessingExceptionHandler.Response.fail()
                : ProcessingExceptionHandler.Response.resume(dead);
    }

    // ------------------------------------------------------------------------------------ production

    /**
     * An output the serializer refused. Too large: the input record is dead-lettered (the output was never sent, so
     * the transaction stays clean). Registry trouble or a bug: the thread stops and the record is retried.
     */
    @Override
    public ProductionExceptionHandler.Response handleSerializationError(ErrorHandlerContext context,
            ProducerRecord record, Exception exception, SerializationExceptionOrigin origin) {
        List<ProducerRecord<byte[], byte[]>> dead = deadLetterOrGiveUp(FailureClass.ofSerialization(exception),
                context, context.sourceRawKey(), context.sourceRawValue(), context.headers(), KIND_TOO_LARGE, exception);
        return dead.isEmpty() ? ProductionExceptionHandler.Response.fail()
                : ProductionExceptionHandler.Response.resume(dead);
    }

    /**
     * A send the producer or the broker refused. Under exactly-once a refused send aborts the transaction, so nothing
     * can be dead-lettered here: retriable errors are retried, anything else (for instance a topic whose
     * {@code max.message.bytes} is below the producer's {@code max.request.size}) stops the thread as an environment
     * problem, with the cause in readiness.
     */
    @Override
    public ProductionExceptionHandler.Response handleError(ErrorHandlerContext context,
            ProducerRecord<byte[], byte[]> record, Exception exception) {
        if (exception instanceof RetriableException) {
            return ProductionExceptionHandler.Response.retry();
        }
        Exception explained = exception instanceof RecordTooLargeException
                ? new RecordTooLargeException("the broker refused a record of " + record.topic() + " as too large: "
                        + "its max.message.bytes is below this service's max.request.size (" + maxRecordBytes
                        + "); raise the topic's limit or lower max.request.size (" + exception.getMessage() + ")")
                : exception;
        giveUp(FailureClass.ENVIRONMENT, context, context.sourceRawKey(), explained);
        return ProductionExceptionHandler.Response.fail();
    }

    // ------------------------------------------------------------------------------------ shared

    /** The dead letter of a record problem; nothing (the caller FAILs) after giving up on anything else. */
    private List<ProducerRecord<byte[], byte[]>> deadLetterOrGiveUp(FailureClass failureClass,
            ErrorHandlerContext context, byte[] key, byte[] value, Headers headers, String kind, Exception exception) {
        if (failureClass != FailureClass.RECORD) {
            giveUp(failureClass, context, key, exception);
            return List.of();
        }
        return List.of(deadLetter(context, key, value, headers, kind, exception));
    }

    private void giveUp(FailureClass failureClass, ErrorHandlerContext context, byte[] key, Exception exception) {
        String where = "article " + text(key) + " (" + context.topic() + "-" + context.partition() + "@"
                + context.offset() + ")";
        if (failureClass == FailureClass.BUG) {
            log.error("{}: processing {} failed with an unexpected exception (a bug): the record is retried, not "
                    + "dead-lettered, until a fixed build is deployed", stage, where, exception);
        } else {
            log.warn("{}: {} cannot be processed now because of the environment, not the record: {}; retrying "
                    + "after a backoff, nothing is dead-lettered", stage, where, StreamFailures.describe(exception));
        }
        failures.failed(failureClass, where, exception);
    }

    private ProducerRecord<byte[], byte[]> deadLetter(ErrorHandlerContext context, byte[] key, byte[] value,
            Headers original, String kind, Exception exception) {
        Headers headers = new RecordHeaders();
        if (original != null) {
            for (Header h : original) {
                headers.add(h);
            }
        }
        Throwable root = rootCause(exception);
        headers.add(HEADER_EXCEPTION, utf8(exception.getClass().getName()));
        headers.add(HEADER_MESSAGE, utf8(StreamFailures.abbreviate(Objects.toString(exception.getMessage(), ""),
                MAX_MESSAGE_CHARS)));
        headers.add(HEADER_STACKTRACE, utf8(StreamFailures.abbreviate(stackTrace(exception), MAX_STACKTRACE_CHARS)));
        headers.add(HEADER_TOPIC, utf8(context.topic()));
        headers.add(HEADER_PARTITION, utf8(String.valueOf(context.partition())));
        headers.add(HEADER_OFFSET, utf8(String.valueOf(context.offset())));
        headers.add(HEADER_STAGE, utf8(stage));
        headers.add(HEADER_KIND, utf8(kind));
        headers.add(HEADER_REASON, utf8(StreamFailures.abbreviate(reason(root), MAX_MESSAGE_CHARS)));
        headers.add(HEADER_FAILED_AT, utf8(clock.instant().toString()));
        byte[] kept = value;
        if (value != null && value.length + (key == null ? 0 : key.length) + HEADROOM_BYTES > maxRecordBytes) {
            kept = null;
            headers.add(HEADER_VALUE_OMITTED, utf8(value.length + " bytes, over the record limit of "
                    + maxRecordBytes + "; the original is at " + context.topic() + "-" + context.partition() + "@"
                    + context.offset()));
        }
        failures.deadLettered(kind);
        return new ProducerRecord<>(deadLetterTopic, null, context.timestamp(), key, kept, headers);
    }

    private static String reason(Throwable root) {
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static Throwable rootCause(Throwable t) {
        Throwable cur = t;
        while (cur.getCause() != null && cur.getCause() != cur && !(cur instanceof InvalidRecordException)
                && !(cur instanceof RecordTooLargeException)) {
            cur = cur.getCause();
        }
        return cur;
    }

    private static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    private static String text(byte[] key) {
        return key == null ? "(no key)" : StreamFailures.abbreviate(new String(key, StandardCharsets.UTF_8), 100);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
