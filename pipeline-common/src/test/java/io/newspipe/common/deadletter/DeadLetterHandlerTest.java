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
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

import io.newspipe.common.PipelineConfig;
import io.newspipe.serde.SchemaRegistryException;
import io.newspipe.serde.SchemaRegistryUnreachableException;

class DeadLetterHandlerTest {

    private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");
    private static final byte[] KEY = "a1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] VALUE = {1, 2, 3};

    private final StreamFailures failures = new StreamFailures("enrich", java.time.Duration.ofSeconds(30),
            Clock.fixed(NOW, ZoneOffset.UTC));
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
    void givenABugInProcessing_whenHandled_thenFailSoTheRecordIsRetriedAndTheFailureIsCountedAsABug() {
        Exception e = new IllegalStateException("outer", new NullPointerException("extractor state is null"));

        ProcessingExceptionHandler.Response r = handler.handleError(context(), new Record<>("a1", "v", 0L), e);

        assertThat(r.result()).isEqualTo(ProcessingExceptionHandler.Result.FAIL);
        assertThat(r.deadLetterQueueRecords()).isEmpty();
        assertThat(failures.failureCount(FailureClass.BUG)).isEqualTo(1);
        assertThat(failures.problem()).hasValueSatisfying(p -> assertThat(p).contains("a bug")
                .contains("article a1").contains("NullPointerException: extractor state is null"));
    }

    @Test
    void givenTheRegistryRefusesOurCredentials_whenDeserializing_thenFailAndReadinessSaysWhy() {
        Exception e = new SerializationException("Cannot fetch schema id 3",
                new SchemaRegistryException("Schema Registry error 401 (HTTP 401): Unauthorized", 401, 401));

        DeserializationExceptionHandler.Response r = handler.handleError(context(), consumerRecord(), e);

        assertThat(r.result()).isEqualTo(DeserializationExceptionHandler.Result.FAIL);
        assertThat(failures.failureCount(FailureClass.ENVIRONMENT)).isEqualTo(1);
        assertThat(failures.problem()).hasValueSatisfying(p -> assertThat(p).contains("environment").contains("401"));
        assertThat(failures.deadLetterCount(DeadLetterHandler.KIND_DESERIALIZATION)).isZero();
    }

    @Test
    void givenAWrongRegistryUrlAnswering404WithoutAConfluentCode_whenDeserializing_thenFail() {
        Exception e = new SerializationException("Cannot fetch schema id 3",
                new SchemaRegistryException("Schema Registry error 404 (HTTP 404): <html>", 404, 404));

        assertThat(handler.handleError(context(), consumerRecord(), e).result())
                .isEqualTo(DeserializationExceptionHandler.Result.FAIL);
    }

    @Test
    void givenASchemaIdTheRegistryDoesNotKnow_whenDeserializing_thenTheRecordIsDeadLettered() {
        Exception e = new SerializationException("Unknown schema id 99",
                new SchemaRegistryException("Schema 99 not found", 404, SchemaRegistryException.SCHEMA_NOT_FOUND));

        DeserializationExceptionHandler.Response r = handler.handleError(context(), consumerRecord(), e);

        assertThat(r.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
        assertThat(header(r.deadLetterQueueRecords().get(0).headers(), DeadLetterHandler.HEADER_KIND))
                .isEqualTo("deserialization");
        assertThat(failures.deadLetterCount(DeadLetterHandler.KIND_DESERIALIZATION)).isEqualTo(1);
    }

    @Test
    void givenAnOutputOverTheRecordLimit_whenSerializing_thenTheInputIsDeadLetteredAsTooLarge() {
        Exception e = new RecordTooLargeException("the record for news.enriched.v1 is 1700000 bytes");

        ProductionExceptionHandler.Response r = handler.handleSerializationError(context(),
                new ProducerRecord<>("news.enriched.v1", "a1", "v"), e,
                ProductionExceptionHandler.SerializationExceptionOrigin.VALUE);

        assertThat(r.result()).isEqualTo(ProductionExceptionHandler.Result.RESUME);
        ProducerRecord<byte[], byte[]> dead = r.deadLetterQueueRecords().get(0);
        assertThat(dead.value()).as("the input record, not the output").isEqualTo(VALUE);
        assertThat(header(dead.headers(), DeadLetterHandler.HEADER_KIND)).isEqualTo("too_large");
        assertThat(header(dead.headers(), DeadLetterHandler.HEADER_REASON)).contains("1700000 bytes");
    }

    @Test
    void givenAnInputLargerThanTheRecordLimit_whenDeadLettered_thenTheValueIsLeftOutAndItsPlaceNamed() {
        DeadLetterHandler small = new DeadLetterHandler(Clock.fixed(NOW, ZoneOffset.UTC));
        small.configure(Map.of(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "dlq",
                DeadLetterHandler.STAGE_CONFIG, "enrich", "max.request.size", "40000",
                DeadLetterHandler.FAILURES_CONFIG, failures));
        byte[] big = new byte[20_000];
        ErrorHandlerContext context = context(big);

        ProductionExceptionHandler.Response r = small.handleSerializationError(context,
                new ProducerRecord<>("news.enriched.v1", "a1", "v"), new RecordTooLargeException("too large"),
                ProductionExceptionHandler.SerializationExceptionOrigin.VALUE);

        ProducerRecord<byte[], byte[]> dead = r.deadLetterQueueRecords().get(0);
        assertThat(dead.value()).isNull();
        assertThat(header(dead.headers(), DeadLetterHandler.HEADER_VALUE_OMITTED))
                .contains("20000 bytes").contains("news.raw.v1-2@42");
    }

    @Test
    void givenTheRegistryDoesNotKnowTheSubjectWithAutoRegisterOff_whenSerializing_thenFail() {
        Exception e = new SerializationException("cannot look up",
                new SchemaRegistryException("Subject not found", 404, SchemaRegistryException.SUBJECT_NOT_FOUND));

        ProductionExceptionHandler.Response r = handler.handleSerializationError(context(),
                new ProducerRecord<>("news.enriched.v1", "a1", "v"), e,
                ProductionExceptionHandler.SerializationExceptionOrigin.VALUE);

        assertThat(r.result()).isEqualTo(ProductionExceptionHandler.Result.FAIL);
        assertThat(failures.failureCount(FailureClass.ENVIRONMENT)).isEqualTo(1);
    }

    @Test
    void givenTheBrokerRefusesASendAsTooLarge_whenHandled_thenFailAsAnEnvironmentProblemNamingTheLimits() {
        ProductionExceptionHandler.Response r = handler.handleError(context(),
                new ProducerRecord<>("news.enriched.v1", KEY, VALUE), new RecordTooLargeException("broker says no"));

        assertThat(r.result()).isEqualTo(ProductionExceptionHandler.Result.FAIL);
        assertThat(failures.problem()).hasValueSatisfying(p -> assertThat(p).contains("max.message.bytes"));
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
                .containsEntry(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
                        DeadLetterHandler.class.getName())
                .containsEntry(DeadLetterHandler.STAGE_CONFIG, "publish");
    }

    @Test
    void givenABlankStage_whenInstalled_thenErrorSaysTheStageIsMissing() {
        assertThatThrownBy(() -> DeadLetterHandler.installedIn(PipelineConfig.builder().build(), " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stage");
    }

    private DeadLetterHandler configured() {
        DeadLetterHandler h = new DeadLetterHandler(Clock.fixed(NOW, ZoneOffset.UTC));
        h.configure(Map.of(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "dlq",
                DeadLetterHandler.STAGE_CONFIG, "enrich", DeadLetterHandler.FAILURES_CONFIG, failures));
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
        return context(VALUE);
    }

    private static ErrorHandlerContext context(byte[] value) {
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
                return value;
            }
        };
    }
}
