package io.newspipe.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.newspipe.common.TopicReader;
import io.newspipe.common.deadletter.DeadLetterHandler;
import io.newspipe.devstack.DevStack;
import io.newspipe.devstack.junit.DevStackExtension;
import io.newspipe.enrich.EnrichService;
import io.newspipe.extraction.Extractor;
import io.newspipe.publish.PublishService;
import io.newspipe.schemas.RawArticle;

/**
 * 1,000 malformed records straight onto news.raw.v1, mixed with good articles: each malformed one is parked on
 * news.dlq.v1 with its reason, each good one is published, and nothing stops the pipeline.
 *
 * <p>An oversized article (5 MiB of text) is refused at the door: news.raw.v1 keeps Kafka's default 1 MiB limit and
 * the producer gets a {@link RecordTooLargeException} naming the size, so it never enters the pipeline. Raising the
 * raw topic's limit would only move the failure downstream: the enriched record is larger than the raw one, so
 * enrich's output would exceed news.enriched.v1's limit inside a transaction.
 */
@ExtendWith(DevStackExtension.class)
class PoisonRecordsFaultTest {

    private static final int PER_KIND = 250;
    private static final int GOOD = 200;
    private static final Duration WAIT = Duration.ofSeconds(120);

    enum Malformed { BAD_MAGIC_BYTE, UNKNOWN_SCHEMA_ID, TRUNCATED_AVRO, INVALID_UTF8_TEXT }

    @Test
    void givenThousandMalformedRecordsAmongGoodOnes_whenPipelineRuns_thenEachBadOneDeadLetteredWithReasonAndEachGoodOnePublished(
            DevStack stack, @TempDir Path dir) throws Exception {
        try (FaultRun run = new FaultRun(stack.bootstrapServers(), stack.schemaRegistryUrl(), dir);
                EnrichService enrich = new EnrichService(run.config("poison-enrich", dir.resolve("enrich")),
                        Extractor.create(), Clock.systemUTC()).start();
                PublishService publish = new PublishService(run.config("poison-publish", dir.resolve("publish")),
                        Clock.systemUTC()).start();
                KafkaProducer<String, byte[]> bytes = new KafkaProducer<>(run.base.producerProperties("poison-" + run.run),
                        new StringSerializer(), new ByteArraySerializer())) {
            String raw = run.topics.raw().name();
            var serializer = run.topics.raw().valueSerializer();
            Map<String, Malformed> badKeys = new HashMap<>();
            List<String> goodIds = new ArrayList<>();
            Malformed[] kinds = Malformed.values();
            int bad = 0;
            int good = 0;
            for (int i = 0; bad < PER_KIND * kinds.length || good < GOOD; i++) {
                if (i % 6 == 0 && good < GOOD) {
                    RawArticle a = run.articles.raw(good++);
                    goodIds.add(a.getArticleId());
                    bytes.send(new ProducerRecord<>(raw, a.getArticleId(), serializer.serialize(raw, a)));
                } else if (bad < PER_KIND * kinds.length) {
                    Malformed kind = kinds[bad % kinds.length];
                    RawArticle source = run.articles.raw(100_000 + bad);
                    // the undecodable-text records carry their own article id as key, as a real producer's would
                    String key = kind == Malformed.INVALID_UTF8_TEXT ? source.getArticleId()
                            : "malformed-" + kind.name().toLowerCase() + "-" + bad;
                    byte[] value = malformed(kind, source, serializer, raw);
                    badKeys.put(key, kind);
                    bytes.send(new ProducerRecord<>(raw, key, value));
                    bad++;
                }
            }
            bytes.flush();

            FaultRun.Audit audit = run.audit(goodIds, WAIT, Duration.ofSeconds(1));
            Map<String, List<ConsumerRecord<byte[], byte[]>>> deadLetters;
            try (TopicReader dlq = TopicReader.following(run.base, "bench-reader",
                    run.topics.deadLetters().name(), true)) {
                deadLetters = dlq.readByKey(WAIT, m -> m.keySet().containsAll(badKeys.keySet()));
            }
            Map<Malformed, Integer> parkedByKind = new HashMap<>();
            deadLetters.forEach((k, v) -> {
                if (badKeys.containsKey(k)) {
                    parkedByKind.merge(badKeys.get(k), v.size(), Integer::sum);
                }
            });
            System.out.println(audit.figures("poison records (malformed_in=" + badKeys.size()
                    + ", dead_lettered_by_kind=" + parkedByKind + ")", 0));

            assertThat(audit.missing()).as("good articles not published").isEmpty();
            assertThat(audit.duplicated()).as("good articles published more than once").isEmpty();
            assertThat(audit.notAtRevisionOne()).isEmpty();
            assertThat(badKeys.keySet()).as("malformed records missing from the dead-letter topic")
                    .allMatch(deadLetters::containsKey);
            for (String key : badKeys.keySet()) {
                List<ConsumerRecord<byte[], byte[]>> parked = deadLetters.get(key);
                assertThat(parked).as("dead letters of %s", key).hasSize(1);
                assertThat(header(parked.get(0), DeadLetterHandler.HEADER_REASON)).as("reason of %s", key).isNotBlank();
                assertThat(header(parked.get(0), DeadLetterHandler.HEADER_STAGE)).isEqualTo(EnrichService.STAGE);
            }
            assertThat(deadLetters.keySet()).as("good articles dead-lettered").doesNotContainAnyElementsOf(goodIds);
        }
    }

    @Test
    void givenFiveMebibyteArticle_whenProducedToRawTopic_thenRefusedWithRecordTooLargeAndPipelineUnaffected(
            DevStack stack, @TempDir Path dir) throws Exception {
        try (FaultRun run = new FaultRun(stack.bootstrapServers(), stack.schemaRegistryUrl(), dir);
                KafkaProducer<String, byte[]> bytes = new KafkaProducer<>(oversizeProducer(run),
                        new StringSerializer(), new ByteArraySerializer())) {
            run.ensureTopics();
            String raw = run.topics.raw().name();
            RawArticle sample = run.articles.raw(0);
            String huge = sample.getText().repeat(5 * 1024 * 1024 / sample.getText().length() + 1);
            RawArticle oversized = RawArticle.newBuilder(sample).setArticleId("oversized-5mib").setText(huge)
                    .setOriginalText(huge).build();
            byte[] value = run.topics.raw().valueSerializer().serialize(raw, oversized);
            System.out.println("FAULT-FIGURES oversize: record of " + value.length + " bytes refused at produce time");

            assertThat(value.length).isGreaterThan(5 * 1024 * 1024);
            assertThatThrownBy(() -> bytes.send(new ProducerRecord<>(raw, "oversized-5mib", value)).get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(RecordTooLargeException.class);
        }
    }

    /** A client that would send up to 16 MiB, so it is the topic's own limit that refuses the record. */
    private static java.util.Properties oversizeProducer(FaultRun run) {
        java.util.Properties p = run.base.producerProperties("oversize-" + run.run);
        p.put("max.request.size", String.valueOf(16 * 1024 * 1024));
        p.put("buffer.memory", String.valueOf(64 * 1024 * 1024));
        return p;
    }

    private static byte[] malformed(Malformed kind, RawArticle article,
            org.apache.kafka.common.serialization.Serializer<RawArticle> serializer, String topic) {
        return switch (kind) {
            case BAD_MAGIC_BYTE -> {
                byte[] v = serializer.serialize(topic, article);
                v[0] = 0x01;
                yield v;
            }
            case UNKNOWN_SCHEMA_ID -> {
                byte[] v = serializer.serialize(topic, article);
                ByteBuffer.wrap(v, 1, 4).putInt(987_654);
                yield v;
            }
            case TRUNCATED_AVRO -> {
                byte[] v = serializer.serialize(topic, article);
                yield Arrays.copyOf(v, 5 + (v.length - 5) / 2);
            }
            case INVALID_UTF8_TEXT -> {
                // same byte length: "~~" becomes 0xC3 0x28, a lead byte followed by a non-continuation byte; the
                // hash is the producer's, over the text it meant to send
                String meant = article.getText() + " ~~";
                RawArticle marked = RawArticle.newBuilder(article).setText(meant).setContentHash(sha256(meant)).build();
                byte[] v = serializer.serialize(topic, marked);
                for (int k = 5; k + 1 < v.length; k++) {
                    if (v[k] == '~' && v[k + 1] == '~') {
                        v[k] = (byte) 0xC3;
                        v[k + 1] = 0x28;
                    }
                }
                yield v;
            }
        };
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
