package io.newspipe.common.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

import io.newspipe.common.PipelineConfig;
import io.newspipe.serde.SchemaRegistryUnreachableException;

/**
 * Sends records that cannot be deserialized or processed to the dead-letter topic and keeps the application running.
 *
 * <p>Built on Kafka Streams' own dead-letter support (KIP-1034, {@code errors.dead.letter.queue.topic.name}): the
 * built-in log-and-continue handlers build the dead letter (original key and value bytes, original headers, and the
 * {@code __streams.errors.*} headers: exception, message, stacktrace, topic, partition, offset) and it is written in
 * the same exactly-once transaction as the task's other output. This class adds newspipe's headers
 * ({@link #HEADER_STAGE}, {@link #HEADER_KIND}, {@link #HEADER_REASON}, {@link #HEADER_FAILED_AT}).
 *
 * <p>A registry that cannot be reached is not the record's fault: then the handler FAILs, so the stream thread stops
 * and is replaced instead of dead-lettering good records.
 *
 * <p>Configured through the Streams properties: {@link StreamsConfig#ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG} and
 * {@link #STAGE_CONFIG}; {@link #installedIn(PipelineConfig, String)} sets it up for one stage. One class for
 * every stage (enrich, publish): Kafka Streams instantiates it by class name, so the stage comes from the config.
 */
public class DeadLetterHandler implements DeserializationExceptionHandler, ProcessingExceptionHandler {

    /** Streams property naming the pipeline stage written into {@link #HEADER_STAGE}. */
    public static final String STAGE_CONFIG = "newspipe.dead.letter.stage";

    /** The pipeline stage that gave up on the record ({@code enrich}, {@code publish}). */
    public static final String HEADER_STAGE = "newspipe.dlq.stage";
    /** {@code deserialization}, {@code validation} or {@code processing}. */
    public static final String HEADER_KIND = "newspipe.dlq.kind";
    /** Why the record was rejected, for people: the validation violations or the root-cause message. */
    public static final String HEADER_REASON = "newspipe.dlq.reason";
    /** When the record was dead-lettered (ISO-8601 instant). The record timestamp stays the original one. */
    public static final String HEADER_FAILED_AT = "newspipe.dlq.failed-at";
    /** Kafka's own headers (KIP-1034), also present on every dead letter. */
    public static final String HEADER_EXCEPTION = "__streams.errors.exception";
    public static final String HEADER_MESSAGE = "__streams.errors.message";
    public static final String HEADER_STACKTRACE = "__streams.errors.stacktrace";
    public static final String HEADER_TOPIC = "__streams.errors.topic";
    public static final String HEADER_PARTITION = "__streams.errors.partition";
    public static final String HEADER_OFFSET = "__streams.errors.offset";

    public static final String KIND_DESERIALIZATION = "deserialization";
    public static final String KIND_VALIDATION = "validation";
    public static final String KIND_PROCESSING = "processing";

    private final LogAndContinueExceptionHandler deserializationDelegate = new LogAndContinueExceptionHandler();
    private final LogAndContinueProcessingExceptionHandler processingDelegate =
            new LogAndContinueProcessingExceptionHandler();
    private final Clock clock;
    private String stage = "unknown";

    public DeadLetterHandler() {
        this(Clock.systemUTC());
    }

    DeadLetterHandler(Clock clock) {
        this.clock = clock;
    }

    /**
     * The config with this class as the deserialization and processing exception handler (replacing the plain
     * log-and-continue ones, so dead letters carry the stage and reason headers), tagging dead letters with
     * {@code stage}.
     */
    public static PipelineConfig installedIn(PipelineConfig config, String stage) {
        if (stage == null || stage.isBlank()) {
            throw new IllegalArgumentException("The dead-letter stage must name the pipeline stage, got '" + stage + "'");
        }
        return config.toBuilder()
                .extraConfig(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName())
                .extraConfig(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName())
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
        stage = Objects.toString(configs.get(STAGE_CONFIG), "unknown");
        deserializationDelegate.configure(configs);
        processingDelegate.configure(configs);
    }

    @Override
    public DeserializationExceptionHandler.Response handleError(ErrorHandlerContext context,
            ConsumerRecord<byte[], byte[]> record, Exception exception) {
        if (isTransient(exception)) {
            return DeserializationExceptionHandler.Response.fail();
        }
        DeserializationExceptionHandler.Response response =
                deserializationDelegate.handleError(context, record, exception);
        addHeaders(response.deadLetterQueueRecords(), KIND_DESERIALIZATION, exception);
        return DeserializationExceptionHandler.Response.resume(response.deadLetterQueueRecords());
    }

    @Override
    public ProcessingExceptionHandler.Response handleError(ErrorHandlerContext context, Record<?, ?> record,
            Exception exception) {
        if (isTransient(exception)) {
            return ProcessingExceptionHandler.Response.fail();
        }
        ProcessingExceptionHandler.Response response = processingDelegate.handleError(context, record, exception);
        String kind = rootCause(exception) instanceof InvalidRecordException ? KIND_VALIDATION : KIND_PROCESSING;
        addHeaders(response.deadLetterQueueRecords(), kind, exception);
        return ProcessingExceptionHandler.Response.resume(response.deadLetterQueueRecords());
    }

    private void addHeaders(List<ProducerRecord<byte[], byte[]>> deadLetters, String kind, Exception exception) {
        for (ProducerRecord<byte[], byte[]> deadLetter : deadLetters) {
            Headers headers = deadLetter.headers();
            headers.add(HEADER_STAGE, utf8(stage));
            headers.add(HEADER_KIND, utf8(kind));
            headers.add(HEADER_REASON, utf8(reason(exception)));
            headers.add(HEADER_FAILED_AT, utf8(clock.instant().toString()));
        }
    }

    private static String reason(Exception exception) {
        Throwable root = rootCause(exception);
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static Throwable rootCause(Throwable t) {
        Throwable cur = t;
        while (cur.getCause() != null && cur.getCause() != cur && !(cur instanceof InvalidRecordException)) {
            cur = cur.getCause();
        }
        return cur;
    }

    private static boolean isTransient(Throwable t) {
        for (Throwable cur = t; cur != null; cur = cur.getCause() == cur ? null : cur.getCause()) {
            if (cur instanceof SchemaRegistryUnreachableException) {
                return true;
            }
        }
        return false;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
