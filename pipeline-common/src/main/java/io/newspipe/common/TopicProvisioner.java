package io.newspipe.common;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates missing topics with their explicit configs ({@link #ensureTopics}). The services leave existing topics
 * alone: their configs belong to whoever operates the cluster; a partition count that differs from the spec is only
 * logged. Safe when several services provision the same topics at once. An operator brings existing topics to the
 * table's configs with {@link #alignConfigs} ({@code ./newspipe topics --apply-configs}).
 */
public final class TopicProvisioner {

    private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);
    private static final long TIMEOUT_SECONDS = 60;

    private TopicProvisioner() {
    }

    /**
     * Ensures every topic exists.
     *
     * @return the names of the topics this call created
     */
    public static List<String> ensureTopics(Admin admin, Collection<TopicSpec> specs) {
        try {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            List<TopicSpec> present = new ArrayList<>();
            for (TopicSpec spec : specs) {
                if (existing.contains(spec.name())) {
                    present.add(spec);
                } else {
                    missing.add(spec.toNewTopic());
                }
            }
            List<String> created = new ArrayList<>();
            if (!missing.isEmpty()) {
                Map<String, KafkaFuture<Void>> results = admin.createTopics(missing).values();
                for (Map.Entry<String, KafkaFuture<Void>> e : results.entrySet()) {
                    try {
                        e.getValue().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                        created.add(e.getKey());
                        log.info("Created topic {}", e.getKey());
                    } catch (ExecutionException ex) {
                        if (!(ex.getCause() instanceof TopicExistsException)) {
                            throw ex; // another instance creating it at the same moment is fine, anything else not
                        }
                    }
                }
            }
            // Also the topics another instance created at the same moment: this one produces to them next.
            awaitVisible(admin, missing.stream().map(NewTopic::name).toList());
            warnOnPartitionMismatch(admin, present);
            return created;
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot create topics " + names(specs) + ": " + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Timed out after " + TIMEOUT_SECONDS + " s creating topics "
                    + names(specs) + "; is Kafka reachable?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        }
    }

    /**
     * Creation completes on the controller before every broker serves the topic; wait until it is described, so a
     * client started right after does not see it missing, and until every partition's leader answers for it (see
     * {@link #awaitLeaders}).
     */
    private static void awaitVisible(Admin admin, List<String> topics) throws InterruptedException, TimeoutException {
        if (topics.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (true) {
            try {
                admin.describeTopics(topics).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                admin.describeConfigs(topics.stream()
                        .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList())
                        .all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                awaitLeaders(admin, topics);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof RetriableException) || System.nanoTime() > deadline) {
                    throw new IllegalStateException("Created topics " + topics + " but cannot see them: "
                            + e.getCause().getMessage(), e.getCause());
                }
                Thread.sleep(50);
            }
        }
    }

    /**
     * A new partition is in the metadata before its leader has taken it up, and a produce in between is refused with
     * NOT_LEADER_OR_FOLLOWER. An idempotent producer that sent several batches then has its first one retried after
     * later ones were taken as the producer's first, and that batch fails with OutOfOrderSequence until its delivery
     * timeout (seen in CI: 1,500 records to a topic created the moment before, stuck for 120 s). ListOffsets is
     * answered only by a partition's leader, so once it succeeds for every partition a producer can start.
     */
    private static void awaitLeaders(Admin admin, List<String> topics)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
        for (TopicDescription d : admin.describeTopics(topics).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .values()) {
            d.partitions().forEach(p -> partitions.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest()));
        }
        admin.listOffsets(partitions).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private static void warnOnPartitionMismatch(Admin admin, List<TopicSpec> present)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (present.isEmpty()) {
            return;
        }
        Map<String, TopicDescription> descriptions = admin.describeTopics(names(present)).allTopicNames()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        for (TopicSpec spec : present) {
            TopicDescription d = descriptions.get(spec.name());
            if (d != null && d.partitions().size() != spec.partitions()) {
                log.warn("Topic {} exists with {} partitions, configuration asks for {}; leaving it as it is",
                        spec.name(), d.partitions().size(), spec.partitions());
            }
        }
    }

    /** One topic config that differs from the table: {@code current} is null when the topic has none. */
    public record ConfigChange(String topic, String key, String current, String wanted) {
        @Override
        public String toString() {
            return topic + ": " + key + " " + current + " -> " + wanted;
        }
    }

    /**
     * What {@link #alignConfigs} found and (unless a dry run) changed.
     *
     * @param changes the configs set, each from its current to the table's value
     * @param missing topics that do not exist (the programs that use them create them on start)
     * @param leftAlone what differs but was not changed, one readable line each (partition counts; min ISR where the
     *                  topic's replication factor is not the configured one)
     */
    public record Alignment(List<ConfigChange> changes, List<String> missing, List<String> leftAlone) {
    }

    /**
     * Brings existing topics' configs (each key a spec sets: cleanup.policy, retention.ms, min.insync.replicas) to the
     * spec's values with {@link Admin#incrementalAlterConfigs}; keys a spec does not set are left alone.
     * min.insync.replicas is only set on a topic whose replication factor is the spec's: otherwise the configuration
     * does not describe that topic (an operator who forgot {@code --topic-replication-factor 3} would lower it).
     * Partition counts are never changed: Kafka cannot remove partitions, and adding some moves keys to other
     * partitions (per-article order, compaction and Streams co-partitioning depend on a key staying on its
     * partition).
     *
     * @param dryRun only report what would change
     */
    public static Alignment alignConfigs(Admin admin, Collection<TopicSpec> specs, boolean dryRun) {
        try {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<TopicSpec> present = specs.stream().filter(s -> existing.contains(s.name())).toList();
            List<String> missing = specs.stream().map(TopicSpec::name).filter(n -> !existing.contains(n)).toList();
            Map<ConfigResource, Config> configs = admin.describeConfigs(present.stream()
                    .map(s -> new ConfigResource(ConfigResource.Type.TOPIC, s.name())).toList())
                    .all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<String, TopicDescription> descriptions = present.isEmpty() ? Map.of()
                    : admin.describeTopics(names(present)).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<ConfigChange> changes = new ArrayList<>();
            List<String> leftAlone = new ArrayList<>();
            Map<ConfigResource, Collection<AlterConfigOp>> ops = new java.util.LinkedHashMap<>();
            for (TopicSpec spec : present) {
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, spec.name());
                TopicDescription description = descriptions.get(spec.name());
                int partitions = description.partitions().size();
                if (partitions != spec.partitions()) {
                    leftAlone.add(spec.name() + ": " + partitions + " partitions, the configuration asks for "
                            + spec.partitions() + "; partition counts are never changed");
                }
                int replicas = description.partitions().get(0).replicas().size();
                for (Map.Entry<String, String> wanted : new java.util.TreeMap<>(spec.configs()).entrySet()) {
                    ConfigEntry entry = configs.get(resource).get(wanted.getKey());
                    String current = entry == null ? null : entry.value();
                    if (wanted.getValue().equals(current)) {
                        continue;
                    }
                    if (wanted.getKey().equals(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG)
                            && replicas != spec.replicationFactor()) {
                        leftAlone.add(spec.name() + ": " + wanted.getKey() + " " + current + " left as is: the topic "
                                + "has " + replicas + " replicas, the configuration " + spec.replicationFactor()
                                + " (pass --topic-replication-factor " + replicas + ")");
                    } else {
                        changes.add(new ConfigChange(spec.name(), wanted.getKey(), current, wanted.getValue()));
                        ops.computeIfAbsent(resource, r -> new ArrayList<>()).add(new AlterConfigOp(
                                new ConfigEntry(wanted.getKey(), wanted.getValue()), AlterConfigOp.OpType.SET));
                    }
                }
            }
            if (!dryRun && !ops.isEmpty()) {
                admin.incrementalAlterConfigs(ops).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                changes.forEach(c -> log.info("Set {}", c));
            }
            return new Alignment(List.copyOf(changes), missing, List.copyOf(leftAlone));
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot align the configs of topics " + names(specs) + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Timed out after " + TIMEOUT_SECONDS + " s aligning topic configs; "
                    + "is Kafka reachable?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while aligning topic configs", e);
        }
    }

    private static List<String> names(Collection<TopicSpec> specs) {
        return specs.stream().map(TopicSpec::name).toList();
    }
}
