package io.newspipe.publish;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

import io.newspipe.schemas.AwardItem;
import io.newspipe.schemas.PublishedArticle;

/**
 * The Java recipe of docs/consumers.md, verbatim between the recipe markers (ConsumersDocTest holds the two
 * together), run by EmptyItemsIntegrationTest against the real broker and registry.
 */
final class JavaConsumerRecipe {

    /** What the recipe keeps: the latest revision of each article, and each article's awards. */
    final Map<String, PublishedArticle> articles = new HashMap<>();
    final Map<String, List<AwardItem>> awards = new HashMap<>();

    // recipe:start
    private final Map<String, Integer> awardsRevision = new HashMap<>();

    void follow(String bootstrap, String registry, String publishedTopic, String awardsTopic, Duration howLong) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("group.id", "my-team");
        p.put("auto.offset.reset", "earliest");      // from the beginning: the compacted topic rebuilds state
        p.put("isolation.level", "read_committed");  // only what newspipe's transactions committed
        p.put("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        p.put("value.deserializer", "io.newspipe.serde.AvroDeserializer"); // or Confluent's KafkaAvroDeserializer
        p.put("schema.registry.url", registry);
        p.put("specific.avro.reader", "true");       // PublishedArticle, AwardItem: the generated classes
        try (KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(publishedTopic, awardsTopic));
            long end = System.nanoTime() + howLong.toNanos();
            while (System.nanoTime() < end) {
                for (ConsumerRecord<String, SpecificRecord> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.topic().equals(publishedTopic)) {
                        articles.put(r.key(), (PublishedArticle) r.value()); // the latest revision wins
                        continue;
                    }
                    // an award of a revision, or the empty-set marker: null value, revision in a header
                    AwardItem item = (AwardItem) r.value();
                    int revision = item != null ? item.getRevision() : Integer.parseInt(new String(
                            r.headers().lastHeader("newspipe.revision").value(), StandardCharsets.UTF_8));
                    if (revision > awardsRevision.getOrDefault(r.key(), 0)) { // a newer revision replaces all
                        awardsRevision.put(r.key(), revision);
                        awards.put(r.key(), new ArrayList<>());
                    }
                    if (item != null && revision == awardsRevision.get(r.key())) {
                        awards.get(r.key()).add(item);
                    }
                }
            }
        }
    }
    // recipe:end
}
