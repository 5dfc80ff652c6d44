package io.newspipe.console;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newspipe.common.TopicCatalog;
import io.newspipe.serde.AvroSerdeConfig;
import io.newspipe.serde.RestSchemaRegistryClient;

/**
 * Samples the pipeline in the background every few seconds: end offsets of the contract topics (for records/s),
 * the consumer lag of the services' groups per partition, the broker, the registry and each service's
 * {@code /health/ready}. Pages read the latest {@link Status} and never wait on Kafka; every call has a timeout, so
 * a stuck broker or service makes the sample say so instead of piling up threads.
 */
public final class PipelineMonitor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PipelineMonitor.class);

    public record ServiceHealth(String name, URI url, boolean up, int httpStatus, String detail) {
    }

    public record PartitionLag(String topic, int partition, long committed, long end) {
        public long lag() {
            return Math.max(0, end - committed);
        }
    }

    /** @param problem why the group could not be read, or null */
    public record GroupLag(String group, String state, int members, List<PartitionLag> partitions, String problem) {
        public long total() {
            return partitions.stream().mapToLong(PartitionLag::lag).sum();
        }
    }

    public record Component(boolean up, String detail) {
    }

    public record Status(Instant at, Component broker, Component registry, List<ServiceHealth> services,
            List<GroupLag> lag, Map<String, Long> endOffsets) {

        static Status initial(Instant at) {
            return new Status(at, new Component(false, "not sampled yet"), new Component(false, "not sampled yet"),
                    List.of(), List.of(), Map.of());
        }
    }

    private final ConsoleSettings settings;
    private final Clock clock;
    private final Admin admin;
    private final HttpClient http;
    private final RestSchemaRegistryClient registry;
    private final RateHistory rates;
    private final List<String> topics;
    private final ScheduledExecutorService sampler;
    private volatile Status status;

    public PipelineMonitor(ConsoleSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.admin = new KafkaClients(settings).admin("newspipe-console-monitor");
        this.http = HttpClient.newBuilder().connectTimeout(settings.callTimeout()).build();
        AvroSerdeConfig serde = AvroSerdeConfig.from(settings.config().serdeConfig());
        this.registry = new RestSchemaRegistryClient(serde.requireUrls(), 0, Duration.ofMillis(100),
                settings.callTimeout(), serde.basicAuthUserInfo());
        this.rates = new RateHistory(settings.rateSamples());
        TopicCatalog catalog = new TopicCatalog(settings.config());
        Set<String> names = new LinkedHashSet<>();
        catalog.all().forEach(t -> names.add(t.name()));
        this.topics = List.copyOf(names);
        this.status = Status.initial(clock.instant());
        this.sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "console-pipeline-sampler");
            t.setDaemon(true);
            return t;
        });
    }

    public PipelineMonitor start() {
        sampler.scheduleWithFixedDelay(this::sampleQuietly, 0, settings.sampleEvery().toMillis(),
                TimeUnit.MILLISECONDS);
        return this;
    }

    public Status status() {
        return status;
    }

    public RateHistory rates() {
        return rates;
    }

    public Duration sampleEvery() {
        return settings.sampleEvery();
    }

    /** The contract topics whose rates are drawn, in catalogue order. */
    public List<String> topics() {
        return topics;
    }

    private void sampleQuietly() {
        try {
            status = sample();
        } catch (RuntimeException e) {
            log.warn("Sampling the pipeline failed", e);
        }
    }

    /** One sample of everything, each part bounded by the call timeout. Package-private for tests. */
    Status sample() {
        Instant at = clock.instant();
        CompletableFuture<List<ServiceHealth>> services = CompletableFuture.supplyAsync(this::services);
        CompletableFuture<Component> registryStatus = CompletableFuture.supplyAsync(this::registry);
        Component broker;
        Map<String, Long> ends = new LinkedHashMap<>();
        List<GroupLag> lag = new ArrayList<>();
        try {
            broker = broker();
            Map<TopicPartition, OffsetSpec> query = new HashMap<>();
            existingPartitions(topics).values().forEach(list -> list.forEach(tp -> query.put(tp, OffsetSpec.latest())));
            Map<TopicPartition, Long> endOffsets = endOffsets(query);
            for (String t : topics) {
                long sum = 0;
                boolean any = false;
                for (Map.Entry<TopicPartition, Long> e : endOffsets.entrySet()) {
                    if (e.getKey().topic().equals(t)) {
                        sum += e.getValue();
                        any = true;
                    }
                }
                if (any) {
                    ends.put(t, sum);
                }
            }
            rates.add(new RateHistory.Sample(at, ends));
            for (String group : settings.lagGroups()) {
                lag.add(groupLag(group));
            }
        } catch (KafkaCallException e) {
            broker = new Component(false, e.getMessage());
        }
        return new Status(at, broker, join(registryStatus, new Component(false, "no answer")), join(services, List.of()),
                lag, ends);
    }

    private <T> T join(CompletableFuture<T> f, T fallback) {
        try {
            return f.get(settings.callTimeout().toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fallback;
        } catch (ExecutionException | TimeoutException e) {
            return fallback;
        }
    }

    private Component broker() {
        DescribeClusterResult r = admin.describeCluster();
        Collection<org.apache.kafka.common.Node> nodes = get(r.nodes(), "describe the cluster");
        String clusterId = get(r.clusterId(), "describe the cluster");
        return new Component(true, nodes.size() + " broker" + (nodes.size() == 1 ? "" : "s") + " at "
                + settings.config().bootstrapServers() + ", cluster " + clusterId);
    }

    private Component registry() {
        try {
            List<String> subjects = registry.getAllSubjects();
            return new Component(true, subjects.size() + " subject" + (subjects.size() == 1 ? "" : "s") + " at "
                    + String.join(", ", registry.urls()));
        } catch (RuntimeException e) {
            return new Component(false, String.join(", ", registry.urls()) + ": " + e.getMessage());
        }
    }

    private List<ServiceHealth> services() {
        List<CompletableFuture<ServiceHealth>> checks = new ArrayList<>();
        new TreeMap<>(settings.services()).forEach((name, url) -> checks.add(health(name, url)));
        return checks.stream().map(CompletableFuture::join).toList();
    }

    private CompletableFuture<ServiceHealth> health(String name, URI base) {
        URI ready = base.resolve("/health/ready");
        HttpRequest request = HttpRequest.newBuilder(ready).timeout(settings.callTimeout()).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .thenApply(r -> new ServiceHealth(name, base, r.statusCode() == 200, r.statusCode(),
                        abbreviate(r.body(), 300)))
                .exceptionally(e -> new ServiceHealth(name, base, false, 0,
                        "no answer from " + ready + ": " + rootMessage(e)));
    }

    private Map<String, List<TopicPartition>> existingPartitions(List<String> names) {
        Set<String> existing = get(admin.listTopics().names(), "list topics");
        List<String> present = names.stream().filter(existing::contains).toList();
        Map<String, List<TopicPartition>> out = new LinkedHashMap<>();
        if (present.isEmpty()) {
            return out;
        }
        Map<String, TopicDescription> d = get(admin.describeTopics(present).allTopicNames(), "describe topics");
        d.forEach((name, desc) -> out.put(name, desc.partitions().stream()
                .map(p -> new TopicPartition(name, p.partition())).toList()));
        return out;
    }

    private Map<TopicPartition, Long> endOffsets(Map<TopicPartition, OffsetSpec> query) {
        Map<TopicPartition, Long> out = new HashMap<>();
        if (query.isEmpty()) {
            return out;
        }
        // read_committed: the last stable offset, so an open transaction does not show as lag
        get(admin.listOffsets(query, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all(), "list offsets")
                .forEach((tp, info) -> out.put(tp, info.offset()));
        return out;
    }

    private GroupLag groupLag(String group) {
        try {
            Map<String, ConsumerGroupDescription> described = get(
                    admin.describeConsumerGroups(List.of(group)).all(), "describe group " + group);
            ConsumerGroupDescription d = described.get(group);
            Map<TopicPartition, OffsetAndMetadata> committed = get(
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata(), "read offsets of " + group);
            Map<TopicPartition, OffsetSpec> query = new HashMap<>();
            committed.forEach((tp, o) -> {
                if (o != null) {
                    query.put(tp, OffsetSpec.latest());
                }
            });
            Map<TopicPartition, Long> ends = endOffsets(query);
            List<PartitionLag> parts = new ArrayList<>();
            committed.forEach((tp, o) -> {
                if (o != null && ends.containsKey(tp)) {
                    parts.add(new PartitionLag(tp.topic(), tp.partition(), o.offset(), ends.get(tp)));
                }
            });
            parts.sort((a, b) -> a.topic().equals(b.topic()) ? a.partition() - b.partition()
                    : a.topic().compareTo(b.topic()));
            return new GroupLag(group, d == null ? "UNKNOWN" : d.groupState().toString(),
                    d == null ? 0 : d.members().size(), parts, parts.isEmpty() ? "no committed offsets yet" : null);
        } catch (KafkaCallException e) {
            return new GroupLag(group, "UNKNOWN", 0, List.of(), e.getMessage());
        }
    }

    private <T> T get(KafkaFuture<T> future, String what) {
        try {
            return future.get(settings.callTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaCallException("interrupted while trying to " + what);
        } catch (TimeoutException e) {
            throw new KafkaCallException("no answer from Kafka at " + settings.config().bootstrapServers()
                    + " within " + settings.callTimeout().toMillis() + " ms (" + what + ")");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                throw new KafkaCallException("no such group yet");
            }
            throw new KafkaCallException("cannot " + what + ": " + rootMessage(e));
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    static String abbreviate(String s, int max) {
        if (s == null) {
            return null;
        }
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() <= max ? one : one.substring(0, max - 1) + "…";
    }

    @Override
    public void close() {
        sampler.shutdownNow();
        try {
            sampler.awaitTermination(settings.callTimeout().toMillis() * 3, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        admin.close(Duration.ofSeconds(5));
        registry.close();
    }

    /** A Kafka call that failed or timed out, with a message for the page. */
    static final class KafkaCallException extends RuntimeException {
        KafkaCallException(String message) {
            super(message);
        }
    }
}
