package io.newspipe.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.newspipe.devstack.junit.DevStackExtension;

/** Against the real embedded broker. Each test uses its own topic names, so order does not matter. */
@ExtendWith(DevStackExtension.class)
class TopicProvisionerTest {

    private static Admin admin;

    @BeforeAll
    static void connect() {
        Properties p = new Properties();
        p.put("bootstrap.servers", DevStackExtension.stack().bootstrapServers());
        admin = Admin.create(p);
    }

    @AfterAll
    static void disconnect() {
        admin.close();
    }

    private static PipelineConfig configWithPrefix(String prefix) {
        PipelineConfig.Builder b = PipelineConfig.builder().bootstrapServers(DevStackExtension.stack().bootstrapServers())
                .topicPartitions(2);
        for (String logical : TopicNames.LOGICAL_NAMES) {
            b.topicName(logical, prefix + "." + logical);
        }
        return b.build();
    }

    private static Config configOf(String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
    }

    @Test
    void givenMissingTopics_whenEnsured_thenAllAreCreatedWithContractConfigs() throws Exception {
        TopicCatalog catalog = new TopicCatalog(configWithPrefix("create"));

        List<String> created = TopicProvisioner.ensureTopics(admin, catalog.specs());

        assertThat(created).containsExactlyInAnyOrder("create.raw", "create.enriched", "create.published",
                "create.awards", "create.kpis", "create.entities", "create.dlq", "create.replay",
                "create.stories", "create.roles");
        assertThat(configOf("create.raw").get("retention.ms").value()).isEqualTo("-1");
        assertThat(configOf("create.dlq").get("retention.ms").value()).isEqualTo("-1");
        assertThat(configOf("create.published").get("cleanup.policy").value()).isEqualTo("compact");
        assertThat(configOf("create.stories").get("cleanup.policy").value()).isEqualTo("compact");
        assertThat(configOf("create.roles").get("cleanup.policy").value()).isEqualTo("compact");
        assertThat(configOf("create.kpis").get("retention.ms").value()).isEqualTo(String.valueOf(30L * 24 * 60 * 60 * 1000));
        assertThat(configOf("create.replay").get("retention.ms").value()).isEqualTo(String.valueOf(7L * 24 * 60 * 60 * 1000));
        TopicDescription raw = admin.describeTopics(List.of("create.raw")).allTopicNames().get(30, TimeUnit.SECONDS)
                .get("create.raw");
        assertThat(raw.partitions()).hasSize(2);
    }

    @Test
    void givenTopicsJustCreated_whenAProducerThatNeverRetriesWritesToEveryPartition_thenEveryLeaderTakesIt()
            throws Exception {
        TopicCatalog catalog = new TopicCatalog(configWithPrefix("leaders"));
        TopicProvisioner.ensureTopics(admin, catalog.specs());

        Properties p = new Properties();
        p.put("bootstrap.servers", DevStackExtension.stack().bootstrapServers());
        p.put("retries", "0");
        p.put("enable.idempotence", "false");
        p.put("acks", "all");
        try (org.apache.kafka.clients.producer.KafkaProducer<String, String> producer =
                new org.apache.kafka.clients.producer.KafkaProducer<>(p,
                        new org.apache.kafka.common.serialization.StringSerializer(),
                        new org.apache.kafka.common.serialization.StringSerializer())) {
            List<java.util.concurrent.Future<?>> sent = new java.util.ArrayList<>();
            for (TopicSpec spec : catalog.specs()) {
                for (int partition = 0; partition < spec.partitions(); partition++) {
                    sent.add(producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(spec.name(),
                            partition, "k", "v")));
                }
            }
            for (java.util.concurrent.Future<?> f : sent) {
                f.get(30, TimeUnit.SECONDS); // NOT_LEADER_OR_FOLLOWER here would mean a leader was not ready
            }
            assertThat(sent).hasSize(catalog.specs().stream().mapToInt(TopicSpec::partitions).sum());
        }
    }

    @Test
    void givenExistingTopicWithOtherSettings_whenEnsured_thenItIsLeftAlone() throws Exception {
        admin.createTopics(List.of(new NewTopic("existing.raw", 1, (short) 1)
                .configs(Map.of("retention.ms", "3600000")))).all().get(30, TimeUnit.SECONDS);
        TopicCatalog catalog = new TopicCatalog(configWithPrefix("existing"));

        List<String> created = TopicProvisioner.ensureTopics(admin, List.of(catalog.spec(TopicTable.RAW), catalog.spec(TopicTable.KPIS)));

        assertThat(created).containsExactly("existing.kpis");
        assertThat(configOf("existing.raw").get("retention.ms").value()).isEqualTo("3600000");
        TopicDescription raw = admin.describeTopics(List.of("existing.raw")).allTopicNames()
                .get(30, TimeUnit.SECONDS).get("existing.raw");
        assertThat(raw.partitions()).hasSize(1);
    }

    @Test
    void givenExistingTopicsWithOtherConfigs_whenAligned_thenTheyGetTheTablesConfigsAndKeepTheirPartitions()
            throws Exception {
        admin.createTopics(List.of(
                new NewTopic("align.raw", 1, (short) 1).configs(Map.of("retention.ms", "3600000")),
                new NewTopic("align.published", 1, (short) 1).configs(Map.of("cleanup.policy", "delete")),
                new NewTopic("align.kpis", 2, (short) 1).configs(Map.of("retention.ms",
                        String.valueOf(TopicTable.KPIS.retentionMs()))))).all().get(30, TimeUnit.SECONDS);
        TopicCatalog catalog = new TopicCatalog(configWithPrefix("align"));
        List<TopicSpec> specs = List.of(catalog.spec(TopicTable.RAW), catalog.spec(TopicTable.PUBLISHED),
                catalog.spec(TopicTable.KPIS), catalog.spec(TopicTable.ROLES));

        TopicProvisioner.Alignment dryRun = TopicProvisioner.alignConfigs(admin, specs, true);

        assertThat(dryRun.changes()).containsExactlyInAnyOrder(
                new TopicProvisioner.ConfigChange("align.raw", "retention.ms", "3600000", "-1"),
                new TopicProvisioner.ConfigChange("align.published", "cleanup.policy", "delete", "compact"));
        assertThat(configOf("align.raw").get("retention.ms").value()).isEqualTo("3600000");

        TopicProvisioner.Alignment applied = TopicProvisioner.alignConfigs(admin, specs, false);

        assertThat(applied.changes()).isEqualTo(dryRun.changes());
        assertThat(applied.missing()).containsExactly("align.roles");
        assertThat(applied.leftAlone()).anySatisfy(line -> assertThat(line).startsWith("align.raw: 1 partitions"))
                .anySatisfy(line -> assertThat(line).startsWith("align.published: 1 partitions"))
                .noneSatisfy(line -> assertThat(line).startsWith("align.kpis"));
        assertThat(configOf("align.raw").get("retention.ms").value()).isEqualTo("-1");
        assertThat(configOf("align.published").get("cleanup.policy").value()).isEqualTo("compact");
        assertThat(admin.describeTopics(List.of("align.raw")).allTopicNames().get(30, TimeUnit.SECONDS)
                .get("align.raw").partitions()).hasSize(1);
        assertThat(TopicProvisioner.alignConfigs(admin, specs, false).changes()).isEmpty();
    }

    @Test
    void givenATopicWithAnotherReplicationFactorThanConfigured_whenAligned_thenMinInSyncReplicasIsLeftAlone()
            throws Exception {
        admin.createTopics(List.of(new NewTopic("isr.raw", 2, (short) 1).configs(Map.of("retention.ms", "-1",
                "min.insync.replicas", "1")))).all().get(30, TimeUnit.SECONDS);
        PipelineConfig threeCopies = configWithPrefix("isr").toBuilder().topicReplicationFactor((short) 3).build();
        TopicSpec spec = new TopicCatalog(threeCopies).spec(TopicTable.RAW);
        assertThat(spec.configs()).containsEntry("min.insync.replicas", "2");

        TopicProvisioner.Alignment alignment = TopicProvisioner.alignConfigs(admin, List.of(spec), false);

        assertThat(alignment.changes()).extracting(TopicProvisioner.ConfigChange::key)
                .doesNotContain("min.insync.replicas");
        assertThat(alignment.leftAlone()).as(alignment.toString()).anySatisfy(line -> assertThat(line).contains("min.insync.replicas")
                .contains("--topic-replication-factor 1"));
        assertThat(configOf("isr.raw").get("min.insync.replicas").value()).isEqualTo("1");
    }

    @Test
    void givenTopicsAlreadyEnsured_whenEnsuredAgain_thenNothingIsCreated() {
        TopicCatalog catalog = new TopicCatalog(configWithPrefix("again"));
        TopicProvisioner.ensureTopics(admin, catalog.specs());

        List<String> createdAgain = TopicProvisioner.ensureTopics(admin, catalog.specs());

        assertThat(createdAgain).isEmpty();
    }

    @Test
    void givenTwoServicesProvisioningAtOnce_whenBothEnsure_thenEachTopicIsCreatedOnceAndNeitherFails()
            throws Exception {
        TopicCatalog catalog = new TopicCatalog(configWithPrefix("race"));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.Callable<List<String>> ensure = () -> {
                go.await();
                return TopicProvisioner.ensureTopics(admin, catalog.specs());
            };
            java.util.concurrent.Future<List<String>> first = pool.submit(ensure);
            java.util.concurrent.Future<List<String>> second = pool.submit(ensure);
            go.countDown();

            List<String> all = new java.util.ArrayList<>(first.get(60, TimeUnit.SECONDS));
            all.addAll(second.get(60, TimeUnit.SECONDS));

            assertThat(all).doesNotHaveDuplicates().hasSize(catalog.specs().size());
        } finally {
            pool.shutdownNow();
        }
    }
}
