package io.newspipe.common.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

import io.newspipe.common.PipelineConfig;
import io.newspipe.serde.SchemaRegistryUnreachableException;

class DeadLetterHandlerTest {

    private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");
    private static final byte[] KEY = "a1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] VALUE = {1, 2, 3};

    private final DeadLetterHandler handler = configured();

    @Test
    void givenUnreachableRegistry_whenDeserializationFails_thenFailInsteadOfDeadLetteringAGoodRecord() {
        Exception e = new SerializationException("cannot fetch schema",
                new SchemaRegistryUnreachableException("no registry answered", 0, null));

        DeserializationExceptionHandler.Response r = handler.handleError(context(), consumerRecord(), e);

        assertThat(r.result()).isEqualTo(DeserializationExceptionHandler.Result.FAIL);
        assertThat(r.deadLetterQueueRecords()).isEmpty();
    }

    @Test
    void givenInvalidRecord_whenProcessingFails_thenResumeWithDeadLetterNamingStageKindAndReason() {
        Exception e = new RuntimeException("wrapped", new InvalidRecordException("articleId is blank"));

        ProcessingExceptionHandler.Response r = handler.handleError(context(), new Record<>("a1", "v", 0L), e);

        assertThat(r.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
        ProducerRecord<byte[], byte[]> dead = r.deadLetterQueueRecords().get(0);
        assertThat(dead.topic()).isEqualTo("dlq");
        assertThat(dead.key()).isEqualTo(KEY);
        assertThat(dead.value()).isEqualTo(VALUE);
        assertThat(header(dead.headers(), DeadLetterHandler.HEADER_STAGE)).isEqualTo("enrich");
        assertThat(header(dead.headers(), DeadLetterHandler.HEADER_KIND)).isEqualTo("validation");
        assertThat(header(dead.headers(), DeadLetterHandler.HEADER_REASON))
                .isEqualTo("InvalidRecordException: articleId is blank");
        assertThat(header(dead.headers(), DeadLetterHandler.HEADER_FAILED_AT)).isEqualTo(NOW.toString());
        assertThat(header(dead.headers(), DeadLetterHandler.HEADER_TOPIC)).isEqualTo("news.raw.v1");
        assertThat(header(dead.headers(), DeadLetterHandler.HEADER_PARTITION)).isEqualTo("2");
        assertThat(header(dead.headers(), DeadLetterHandler.HEADER_OFFSET)).isEqualTo("42");
        assertThat(header(dead.headers(), "trace-id")).as("original headers are kept").isEqualTo("t-1");
    }

    @Test
    void givenOtherProcessingFailure_whenHandled_thenKindIsProcessingWithRootCause() {
        Exception e = new IllegalStateException("outer", new ArithmeticException("boom"));

        ProcessingExceptionHandler.Response r = handler.handleError(context(), new Record<>("a1", "v", 0L), e);

        assertThat(header(r.deadLetterQueueRecords().get(0).headers(), DeadLetterHandler.HEADER_KIND))
                .isEqualTo("processing");
        assertThat(header(r.deadLetterQueueRecords().get(0).headers(), DeadLetterHandler.HEADER_REASON))
                .isEqualTo("ArithmeticException: boom");
    }

    @Test
    void givenNoDeadLetterTopic_whenConfigured_thenErrorNamesTheSetting() {
        assertThatThrownBy(() -> new DeadLetterHandler().configure(Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
    }

    @Test
    void givenAStage_whenInstalledInAConfig_thenBothStreamsHandlersAreThisClassTaggedWithTheStage() {
        PipelineConfig config = DeadLetterHandler.installedIn(PipelineConfig.builder().build(), "publish");

        assertThat(config.streamsProperties())
                .containsEntry(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                        DeadLetterHandler.class.getName())
                .containsEntry(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                        DeadLetterHandler.class.getName())
                .containsEntry(DeadLetterHandler.STAGE_CONFIG, "publish");
    }

    @Test
    void givenABlankStage_whenInstalled_thenErrorSaysTheStageIsMissing() {
        assertThatThrownBy(() -> DeadLetterHandler.installedIn(PipelineConfig.builder().build(), " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stage");
    }

    private static DeadLetterHandler configured() {
        DeadLetterHandler h = new DeadLetterHandler(Clock.fixed(NOW, ZoneOffset.UTC));
        h.configure(Map.of(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "dlq",
                DeadLetterHandler.STAGE_CONFIG, "enrich"));
        return h;
    }

    private static ConsumerRecord<byte[], byte[]> consumerRecord() {
        return new ConsumerRecord<>("news.raw.v1", 2, 42L, KEY, VALUE);
    }

    private static String header(Headers headers, String name) {
        assertThat(headers.lastHeader(name)).as("header %s", name).isNotNull();
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static ErrorHandlerContext context() {
        Headers headers = new RecordHeaders().add("trace-id", "t-1".getBytes(StandardCharsets.UTF_8));
        return new ErrorHandlerContext() {
            @Override
            public String topic() {
                return "news.raw.v1";
            }

            @Override
            public int partition() {
                return 2;
            }

            @Override
            public long offset() {
                return 42L;
            }

            @Override
            public Headers headers() {
                return headers;
            }

            @Override
            public String processorNodeId() {
                return "extract";
            }

            @Override
            public TaskId taskId() {
                return new TaskId(0, 2);
            }

            @Override
            public long timestamp() {
                return 1L;
            }

            @Override
            public byte[] sourceRawKey() {
                return KEY;
            }

            @Override
            public byte[] sourceRawValue() {
                return VALUE;
            }
        };
    }
}
