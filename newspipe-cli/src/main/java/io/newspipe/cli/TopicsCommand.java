package io.newspipe.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.admin.TopicListing;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import io.newspipe.common.CommonOptions;
import io.newspipe.common.ConfigException;
import io.newspipe.common.PipelineConfig;
import io.newspipe.common.ServiceDefaults;
import io.newspipe.common.TopicCatalog;
import io.newspipe.common.TopicProvisioner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newspipe topics}: what is on the cluster, with the configs that matter and how many offsets each holds. */
@Command(name = "topics", mixinStandardHelpOptions = true,
        description = {"List the topics: partitions, cleanup.policy, retention.ms and record counts.",
            "The count is end minus beginning offset summed over partitions: for compacted topics it counts",
            "offsets, not live keys, and transactional topics include commit markers.",
            "Internal topics (Kafka's, the registry's _schemas, Streams changelogs and repartition topics) are",
            "listed only with --all.",
            "--apply-configs brings the existing topics of the topic table (io.newspipe.common.TopicTable) to its",
            "configs (cleanup.policy, retention.ms, min.insync.replicas), printing each change; --dry-run only",
            "prints them. Topic names, replication factor and min ISR come from the same settings as the services'",
            "(--topic-name, --topic-replication-factor, ... or their NEWSPIPE_* variables). Partition counts are",
            "never changed, nor is min.insync.replicas on a topic whose replication factor is not the configured",
            "one; missing topics are not created (the services create them on start)."})
final class TopicsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--all", description = "Also list internal topics (marked with *).")
    boolean all;

    @Option(names = "--apply-configs", description = "Bring existing topics to the topic table's configs.")
    boolean applyConfigs;

    @Option(names = "--dry-run", description = "With --apply-configs: print what would change, change nothing.")
    boolean dryRun;

    /** The environment the settings are read from (tests replace it). */
    Map<String, String> env = System.getenv();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PipelineConfig config;
        try {
            config = common.toConfig(env, ServiceDefaults.none());
        } catch (ConfigException e) {
            err.println("newspipe topics: " + e.getMessage());
            return 2;
        }
        String bootstrapServers = config.bootstrapServers();
        if (dryRun && !applyConfigs) {
            err.println("newspipe topics: --dry-run goes with --apply-configs");
            return 2;
        }
        Properties props = new Properties();
        props.putAll(config.kafkaProperties());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        try (Admin admin = Admin.create(props)) {
            if (applyConfigs) {
                return applyConfigs(admin, config, out, err);
            }
            Collection<TopicListing> listings = admin.listTopics(new ListTopicsOptions().listInternal(true))
                    .listings().get(15, TimeUnit.SECONDS);
            List<String> names = new ArrayList<>();
            for (TopicListing l : listings) {
                if (all || !isInternal(l.name(), l.isInternal())) {
                    names.add(l.name());
                }
            }
            names.sort(null);
            Map<String, TopicDescription> descriptions = new TreeMap<>(
                    admin.describeTopics(names).allTopicNames().get(15, TimeUnit.SECONDS));
            List<ConfigResource> resources = names.stream()
                    .map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList();
            Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get(15, TimeUnit.SECONDS);
            Map<TopicPartition, Long[]> offsets = offsets(descriptions, config);

            String format = "%-" + Math.max(24, names.stream().mapToInt(String::length).max().orElse(0) + 2)
                    + "s %10s  %-15s %16s %12s%n";
            out.printf(Locale.ROOT, format, "TOPIC", "PARTITIONS", "CLEANUP", "RETENTION", "RECORDS");
            for (String name : names) {
                TopicDescription d = descriptions.get(name);
                Config c = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, name));
                long count = 0;
                for (var p : d.partitions()) {
                    Long[] be = offsets.get(new TopicPartition(name, p.partition()));
                    if (be != null) {
                        count += be[1] - be[0];
                    }
                }
                String label = isInternal(name, d.isInternal()) ? name + " *" : name;
                out.printf(Locale.ROOT, format, label, d.partitions().size(),
                        value(c, TopicConfig.CLEANUP_POLICY_CONFIG), retention(value(c, TopicConfig.RETENTION_MS_CONFIG)),
                        count);
            }
            if (names.isEmpty()) {
                out.println("(no topics" + (all ? "" : "; --all shows internal ones") + ")");
            }
            out.println("RECORDS = end - beginning offsets: for compacted topics these are offsets, not live keys;"
                    + " transactional topics include commit markers.");
            if (all) {
                out.println("* internal topic");
            }
            out.flush();
            return 0;
        } catch (ExecutionException | TimeoutException e) {
            err.println("newspipe topics: cannot read topics from Kafka at " + bootstrapServers + ": "
                    + (e.getCause() == null ? e : e.getCause()).toString() + " (is it running? './newspipe up')");
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private int applyConfigs(Admin admin, PipelineConfig config, PrintWriter out, PrintWriter err) {
        TopicProvisioner.Alignment alignment;
        try {
            alignment = TopicProvisioner.alignConfigs(admin, new TopicCatalog(config).allSpecs(), dryRun);
        } catch (IllegalStateException e) {
            err.println("newspipe topics: " + e.getMessage());
            return 1;
        }
        String verb = dryRun ? "would set" : "set";
        alignment.changes().forEach(c -> out.printf(Locale.ROOT, "%s: %s %s %s -> %s%n", c.topic(), verb, c.key(),
                c.current(), c.wanted()));
        alignment.leftAlone().forEach(line -> out.println(line));
        alignment.missing().forEach(topic -> out.println(topic + ": missing (created by the services on start)"));
        out.printf(Locale.ROOT, "%d config(s) %s%s%n", alignment.changes().size(), dryRun ? "would change" : "changed",
                dryRun ? " (dry run)" : "");
        out.flush();
        return 0;
    }

    static boolean isInternal(String name, boolean kafkaInternal) {
        return kafkaInternal || name.startsWith("_") || name.endsWith("-changelog") || name.endsWith("-repartition");
    }

    private static Map<TopicPartition, Long[]> offsets(Map<String, TopicDescription> descriptions,
            PipelineConfig config) {
        List<TopicPartition> partitions = new ArrayList<>();
        descriptions.values().forEach(d -> d.partitions()
                .forEach(p -> partitions.add(new TopicPartition(d.name(), p.partition()))));
        Properties props = config.kafkaProperties();
        Map<TopicPartition, Long[]> result = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, Duration.ofSeconds(15));
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(15));
            for (TopicPartition tp : partitions) {
                result.put(tp, new Long[] {begin.getOrDefault(tp, 0L), end.getOrDefault(tp, 0L)});
            }
        }
        return result;
    }

    private static String value(Config c, String key) {
        if (c == null || c.get(key) == null || c.get(key).value() == null) {
            return "?";
        }
        return c.get(key).value();
    }

    /** 604800000 -> "7d", -1 -> "forever". */
    static String retention(String ms) {
        try {
            long v = Long.parseLong(ms);
            if (v < 0) {
                return "forever";
            }
            if (v % 86_400_000L == 0) {
                return v / 86_400_000L + "d";
            }
            if (v % 3_600_000L == 0) {
                return v / 3_600_000L + "h";
            }
            return v + "ms";
        } catch (NumberFormatException e) {
            return ms;
        }
    }
}
