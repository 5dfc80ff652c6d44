package io.newspipe.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

import io.newspipe.common.PipelineConfig;
import io.newspipe.common.TopicCatalog;
import io.newspipe.common.TopicProvisioner;
import io.newspipe.common.TopicReader;
import io.newspipe.common.TopicSpec;
import io.newspipe.devstack.DevStack;
import io.newspipe.enrich.EnrichService;
import io.newspipe.extraction.Extractor;
import io.newspipe.extraction.cli.ExtractBenchmark;
import io.newspipe.ingest.IngestService;
import io.newspipe.publish.PublishedArticleMapper;
import io.newspipe.schemas.RawArticle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./newspipe bench}: on a fresh embedded stack, measures (1) raw Kafka with the pipeline's record sizes and
 * hops (produce, two exactly-once byte[] copy stages, consume), (2) the pipeline (raw -> enrich -> publish) in
 * articles/s, ingest over HTTP in accepted articles/s, and end-to-end latency at a fixed rate, (3) extraction alone
 * on one core. Results on stdout (a table, or one JSON object with {@code --json}); progress on stderr. Speed is
 * measured here, never asserted in tests.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = {ExtractBenchCommand.class, IngestStartBenchCommand.class},
        description = {"Benchmark the pipeline against raw Kafka on a fresh embedded stack.",
            "'bench extract' times extraction alone on one thread; 'bench ingest-start' ingest's start-up with "
                    + "many records on the raw topic."})
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print one JSON object on stdout (the table then goes to stderr).")
    boolean json;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where the stack keeps its data (default: a new "
            + "temporary directory, deleted afterwards). Must not hold a running stack.")
    Path dataDir;

    @Option(names = "--articles", paramLabel = "N", description = "Articles (and baseline records) per throughput "
            + "run (default ${DEFAULT-VALUE}).")
    int articles = 10000;

    @Option(names = "--warm-up", paramLabel = "N", description = "Articles (and baseline records) sent through the "
            + "baseline and the pipeline, in batches of up to " + WARM_UP_BATCH + ", before each is timed; the HTTP "
            + "phase warms up with one batch (default ${DEFAULT-VALUE}).")
    int warmUp = 16000;

    /**
     * Warm-up batch size. Broker, registry, Streams, Avro and extraction share this JVM, and C2 keeps one compiler
     * thread busy for over a minute: timed after a fixed 200-article warm-up, the pipeline measured at a third to a
     * half of its warm rate.
     */
    static final int WARM_UP_BATCH = 2000;

    @Option(names = "--baseline-shape", paramLabel = "SHAPE", description = "What the baseline's hops write: PIPELINE "
            + "(the records the pipeline writes at each hop for the same article: enriched size, then published size "
            + "plus one record per award, KPI and entity item) or UNIFORM (the raw record, copied unchanged; the "
            + "earlier baseline). Default ${DEFAULT-VALUE}.")
    BaselineShape baselineShape = BaselineShape.PIPELINE;

    @Option(names = "--settle-seconds", paramLabel = "S", description = "After the warm-ups, alternating baseline "
            + "and pipeline batches go on until the JIT compilers spent under " + JIT_QUIET_PERCENT + "% of a batch pair's "
            + "wall time compiling, for at most S seconds; 0 skips it (default ${DEFAULT-VALUE}).")
    int settleSeconds = 180;

    /**
     * When the warm-up counts as done. Broker, clients, Streams, Avro and extraction in one JVM give C2 more hot code
     * than its one thread on two cores compiles in the fixed warm-up: after 16,000 articles it still took 35% of the
     * process's CPU during the timed runs (12.9 of 37.5 CPU-seconds, per-thread /proc figures).
     */
    static final int JIT_QUIET_PERCENT = 5;

    @Option(names = "--rounds", paramLabel = "R", description = "Timed baseline and pipeline runs, alternating: "
            + "baseline, pipeline, baseline, ... (default ${DEFAULT-VALUE}). Their figures are totals over the rounds, "
            + "so both see the same stretches of a machine whose speed drifts.")
    int rounds = 3;

    @Option(names = "--latency-rate", paramLabel = "PER_S", description = "Articles/s for the latency run (default ${DEFAULT-VALUE}).")
    int latencyRate = 100;

    @Option(names = "--latency-seconds", paramLabel = "S", description = "Length of the latency run (default ${DEFAULT-VALUE}).")
    int latencySeconds = 10;

    @Option(names = "--http-clients", paramLabel = "N", description = "Concurrent HTTP clients (default ${DEFAULT-VALUE}).")
    int httpClients = 4;

    @Option(names = "--extract-seconds", paramLabel = "S", description = "Timed extraction run, after as long a warm-up "
            + "(default ${DEFAULT-VALUE}).")
    int extractSeconds = 5;

    @Option(names = "--service-config", paramLabel = "KEY=VALUE", description = "Extra Kafka/Streams property for "
            + "the enrich and publish services (as their --config); repeatable. For trying tuning knobs.")
    Map<String, String> serviceConfig = new LinkedHashMap<>();

    @Option(names = "--enrich-threads", paramLabel = "N", description = "num.stream.threads of enrich and of the "
            + "baseline's first copy stage (default: the "
            + "service's own).")
    Integer enrichThreads;

    @Option(names = "--skip", paramLabel = "PHASE", split = ",", description = "Phases to leave out: baseline, "
            + "latency, http, extract (their figures are then absent).")
    Set<String> skip = new HashSet<>();

    private static final Duration WAIT = Duration.ofMinutes(3);
    private final PrintStream progress = System.err;

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (warmUp < 0 || settleSeconds < 0) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--warm-up and --settle-seconds must not "
                    + "be negative");
        }
        if (articles < 1 || rounds < 1 || latencyRate < 1 || latencySeconds < 1 || httpClients < 1 || extractSeconds < 1) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--articles, --rounds, --latency-rate, "
                    + "--latency-seconds, --http-clients and --extract-seconds must be positive");
        }
        boolean temporary = dataDir == null;
        Path dir = temporary ? Files.createTempDirectory("newspipe-bench-") : dataDir;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("articles", articles);
        try (DevStack stack = DevStack.start(DevStack.Options.inDir(dir.resolve("stack")))) {
            progress.printf("bench: stack up (Kafka %s, registry %s)%n", stack.bootstrapServers(), stack.schemaRegistryUrl());
            PipelineConfig base = PipelineConfig.builder().bootstrapServers(stack.bootstrapServers())
                    .schemaRegistryUrl(stack.schemaRegistryUrl()).httpPort(0).build();
            TopicCatalog topics = new TopicCatalog(base);
            try (Admin admin = Admin.create(base.kafkaProperties())) {
                TopicProvisioner.ensureTopics(admin, topics.specs());
            }
            BenchArticles generator = new BenchArticles();
            // article indexes handed out in order, so no two runs (warm-up batches included) share an id
            AtomicInteger nextArticle = new AtomicInteger();
            java.util.function.IntFunction<List<RawArticle>> fresh = n -> generator.raws(nextArticle.getAndAdd(n), n);
            List<RawArticle> baselineArticles = fresh.apply(articles);

            Baseline baseline = skip.contains("baseline") ? null
                    : Baseline.start(base, topics, baselineArticles, baselineShape, streamThreads(true),
                            streamThreads(false), dir.resolve("baseline-state"), progress);
            PipelineConfig.Builder services = base.toBuilder().extraConfig(serviceConfig);
            if (enrichThreads != null) {
                services.extraConfig(StreamsConfig.NUM_STREAM_THREADS_CONFIG, String.valueOf(enrichThreads));
            }
            try (baseline; PipelineStages stages = new PipelineStages(base.toBuilder().extraConfig(serviceConfig).build(),
                    services.build(), dir.resolve("pipeline-state")).start(WAIT)) {
                if (baseline != null) {
                    int[] batch = {0};
                    warmUp("baseline", n -> baseline.run("warm" + batch[0]++ + "-", n));
                }
                warmUp("pipeline", n -> pipelineRun(base, topics, fresh.apply(n)));
                int[] settleBatch = {0};
                settle(baseline == null ? null : n -> baseline.run("settle" + settleBatch[0]++ + "-", n),
                        n -> pipelineRun(base, topics, fresh.apply(n)));
                // One untimed pair at the timed size: the baseline's first full-size run after the small settle
                // batches was its slowest in 6 of 6 runs (3,651-5,063 records/s against 5,231-7,473 later), which
                // flattered the ratio.
                if (baseline != null) {
                    progress.printf("bench: primer baseline: %.0f records/s%n", baseline.run("primer-", articles).perSecond());
                }
                progress.printf("bench: primer pipeline: %.0f articles/s%n",
                        pipelineRun(base, topics, fresh.apply(articles)).perSecond());
                long jit0 = compilationMillis();
                long timed0 = System.nanoTime();
                // Timed runs alternate, so a slow stretch of a shared machine falls on both phases alike (one
                // baseline run then one pipeline run, a minute apart, read ratios from 0.16 to 0.40).
                Rate baselineTotal = new Rate(0, 0, 0);
                Rate pipelineTotal = new Rate(0, 0, 0);
                for (int r = 1; r <= rounds; r++) {
                    if (baseline != null) {
                        progress.printf("bench: round %d/%d baseline throughput (%d records)%n", r, rounds, articles);
                        Rate b = baseline.run("m" + r + "-", articles);
                        baselineTotal = baselineTotal.plus(b);
                        progress.printf("bench: round %d/%d baseline: %.0f records/s%n", r, rounds, b.perSecond());
                    }
                    progress.printf("bench: round %d/%d pipeline throughput (%d articles)%n", r, rounds, articles);
                    Rate p = pipelineRun(base, topics, fresh.apply(articles));
                    pipelineTotal = pipelineTotal.plus(p);
                    progress.printf("bench: round %d/%d pipeline: %.0f articles/s%n", r, rounds, p.perSecond());
                }
                result.put("timed_jit_percent", round(jitPercentSince(jit0, timed0)));
                if (baseline != null) {
                    baseline.close();
                    result.put("baseline_records_per_s", round(baselineTotal.perSecond()));
                    result.put("baseline_records_per_cpu_s", round(baselineTotal.perCpuSecond()));
                }
                double pipeline = pipelineTotal.perSecond();
                result.put("pipeline_articles_per_s", round(pipeline));
                result.put("pipeline_articles_per_cpu_s", round(pipelineTotal.perCpuSecond()));
                if (baseline != null) {
                    result.put("ratio_to_baseline", Math.round(pipeline / baselineTotal.perSecond() * 1000) / 1000.0);
                }
                result.put("rounds", rounds);
                if (baseline != null) {
                    result.put("baseline_shape", baselineShape.name().toLowerCase(Locale.ROOT));
                }
                if (!skip.contains("latency")) {
                    progress.printf("bench: latency at %d articles/s for %d s%n", latencyRate, latencySeconds);
                    double[] latency = latency(base, topics,
                            fresh.apply(latencyRate * latencySeconds));
                    result.put("p50_ms", round(latency[0]));
                    result.put("p99_ms", round(latency[1]));
                    result.put("latency_rate_per_s", latencyRate);
                }
            }
            if (!skip.contains("http")) {
                Rate h = http(base, new BenchArticles("-http"), Math.min(warmUp, WARM_UP_BATCH),
                        dir.resolve("ingest-state"));
                result.put("http_articles_per_s", round(h.perSecond()));
                result.put("http_articles_per_cpu_s", round(h.perCpuSecond()));
            }
        } finally {
            if (temporary) {
                deleteQuietly(dir);
            }
        }
        if (!skip.contains("extract")) {
            double[] extract = extraction(new BenchArticles());
            result.put("extract_mb_per_s", round(extract[0]));
            result.put("extract_mb_per_s_wall", round(extract[1]));
        }
        print(result);
        return 0;
    }

    // ---------------------------------------------------------------- 1. baseline: raw Kafka, same sizes and hops

    /**
     * Records per wall-clock second, and per CPU-second of this whole process (broker, registry, services and
     * clients all run in it): the second figure is the one that survives a machine shared with other work.
     */
    record Rate(int count, long wallNanos, long cpuNanos) {

        static long processCpuNanos() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
        }

        static Rate of(int count, long wallStart, long cpuStart) {
            return new Rate(count, System.nanoTime() - wallStart, processCpuNanos() - cpuStart);
        }

        double perSecond() {
            return count / (wallNanos / 1e9);
        }

        double perCpuSecond() {
            return count / (cpuNanos / 1e9);
        }

        /** This run and another of the same phase added up: records over the summed wall-clock and CPU time. */
        Rate plus(Rate other) {
            return new Rate(count + other.count, wallNanos + other.wallNanos, cpuNanos + other.cpuNanos);
        }
    }

    /** The articles as the raw topic's serde writes them (done before any clock starts). */
    private static List<byte[]> serialized(TopicCatalog topics, List<RawArticle> articles) {
        var serializer = topics.raw().valueSerializer();
        return articles.stream().map(a -> serializer.serialize(topics.raw().name(), a)).toList();
    }

    /** What the baseline's copy stages write; see {@code --baseline-shape}. */
    enum BaselineShape {
        /** Each hop writes the records the pipeline writes there: enriched size, then published size plus items. */
        PIPELINE,
        /** Each hop copies the raw record as it is: one raw-sized record per hop (the earlier sessions' baseline). */
        UNIFORM
    }

    /**
     * The baseline, kept running between its timed runs: the raw articles' bytes produced like ingest produces
     * (idempotent, acks=all) to a; two exactly_once_v2 Streams apps with the services' commit interval, one per
     * service hop: a -> b, b -> c (and, in the PIPELINE shape, the item topics); consumed read_committed from c.
     * In the PIPELINE shape each hop writes, for the record of article i, the bytes the pipeline writes for that
     * article there ({@link HopRecords}): the same record sizes and counts, without extraction, Avro or validation.
     */
    private static final class Baseline implements AutoCloseable {
        private static final String A = "bench.baseline.a";
        private static final String B = "bench.baseline.b";
        private static final String C = "bench.baseline.c";
        /** One baseline topic per item topic of publish, by its logical name. */
        private static final List<String> ITEM_LOGICAL_NAMES = PublishedArticleMapper.ITEM_TOPICS.stream()
                .map(item -> item.row().logicalName()).toList();
        private final PipelineConfig base;
        private final List<HopRecords> records;
        private final KafkaStreams first;
        private final KafkaStreams second;
        private final KafkaProducer<String, byte[]> producer;

        private Baseline(PipelineConfig base, List<HopRecords> records, BaselineShape shape, int enrichThreads,
                int publishThreads, Path stateDir) {
            this.base = base;
            this.records = records;
            boolean pipelineShape = shape == BaselineShape.PIPELINE;
            this.first = copyStage(base, "bench-baseline-ab", enrichThreads, stateDir.resolve("ab"), builder -> {
                var in = builder.stream(A, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()));
                (pipelineShape ? in.mapValues((k, v) -> recordOf(k).enriched()) : in)
                        .to(B, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
            });
            this.second = copyStage(base, "bench-baseline-bc", publishThreads, stateDir.resolve("bc"), builder -> {
                var in = builder.stream(B, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()));
                Produced<byte[], byte[]> bytes = Produced.with(Serdes.ByteArray(), Serdes.ByteArray());
                if (!pipelineShape) {
                    in.to(C, bytes);
                    return;
                }
                in.mapValues((k, v) -> recordOf(k).published()).to(C, bytes);
                for (String item : ITEM_LOGICAL_NAMES) {
                    in.flatMapValues((k, v) -> recordOf(k).items().get(item)).to(itemTopic(item), bytes);
                }
            });
            this.producer = new KafkaProducer<>(base.producerProperties("bench-baseline"), new StringSerializer(),
                    new ByteArraySerializer());
        }

        static Baseline start(PipelineConfig base, TopicCatalog topics, List<RawArticle> articles, BaselineShape shape,
                int enrichThreads, int publishThreads, Path stateDir, PrintStream progress) throws Exception {
            try (Admin admin = Admin.create(base.kafkaProperties())) {
                TopicProvisioner.ensureTopics(admin, Stream.concat(Stream.of(A, B, C),
                                ITEM_LOGICAL_NAMES.stream().map(Baseline::itemTopic))
                        .map(t -> new TopicSpec(t, base.topicPartitions(), base.topicReplicationFactor(), Map.of())).toList());
            }
            progress.printf("bench: baseline: serializing what each hop writes for %d articles%n", articles.size());
            Extractor extractor = Extractor.create();
            List<HopRecords> records = articles.stream().map(a -> HopRecords.of(topics, extractor, a)).toList();
            progress.printf("bench: baseline (%s shape): raw records of %d bytes on average; per article the pipeline "
                    + "writes %d records, %d bytes (means); 2 exactly-once copy stages with %d and %d stream threads%n",
                    shape.name().toLowerCase(Locale.ROOT),
                    (int) records.stream().mapToInt(r -> r.raw().length).average().orElse(0),
                    Math.round(2 + records.stream().mapToInt(HopRecords::publishRecords).average().orElse(0)),
                    Math.round(records.stream().mapToLong(HopRecords::totalBytes).average().orElse(0)), enrichThreads,
                    publishThreads);
            Baseline baseline = new Baseline(base, records, shape, enrichThreads, publishThreads, stateDir);
            awaitRunning(baseline.first);
            awaitRunning(baseline.second);
            return baseline;
        }

        private static String itemTopic(String logicalName) {
            return "bench.baseline." + logicalName;
        }

        /** The article a baseline key stands for: record i of a run is article i mod size. */
        private HopRecords recordOf(byte[] key) {
            return records.get(runIndex(key) % records.size());
        }

        /** n raw records (article i mod size) under keys with a fresh prefix; timed until all reach c. */
        Rate run(String keyPrefix, int n) {
            List<byte[]> batch = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                batch.add(records.get(i % records.size()).raw());
            }
            return timedRun(base, producer, A, C, keyPrefix, batch);
        }

        private boolean closed;

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            producer.close();
            first.close(Duration.ofSeconds(30));
            second.close(Duration.ofSeconds(30));
        }
    }

    /**
     * Stream threads of the enrich (or publish) service in this run, which its baseline copy stage gets too: a hop
     * of the baseline runs as many threads as the service it stands for.
     */
    int streamThreads(boolean enrich) {
        String configured = serviceConfig.get(StreamsConfig.NUM_STREAM_THREADS_CONFIG);
        if (enrich && enrichThreads != null) {
            return enrichThreads;
        }
        if (configured != null) {
            return Integer.parseInt(configured.trim());
        }
        return enrich ? EnrichService.DEFAULT_STREAM_THREADS : 1;
    }

    /** i of a baseline key {@code prefix + "-" + i} (UTF-8), read from its trailing digits without a String. */
    static int runIndex(byte[] key) {
        int i = 0;
        int place = 1;
        for (int k = key.length - 1; k >= 0 && key[k] >= '0' && key[k] <= '9'; k--, place *= 10) {
            i += (key[k] - '0') * place;
        }
        return i;
    }

    private static KafkaStreams copyStage(PipelineConfig base, String appId, int threads, Path stateDir,
            java.util.function.Consumer<StreamsBuilder> topology) {
        Properties props = base.toBuilder().stateDir(stateDir).build().streamsProperties(appId);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, String.valueOf(threads));
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class.getName());
        props.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class.getName());
        StreamsBuilder builder = new StreamsBuilder();
        topology.accept(builder);
        KafkaStreams streams = new KafkaStreams(builder.build(), props);
        streams.start();
        return streams;
    }

    private static void awaitRunning(KafkaStreams streams) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Baseline copy stage not RUNNING after " + WAIT + ": " + streams.state());
            }
            PipelineStages.sleep(50);
        }
    }

    /** Sends --warm-up articles through a phase in batches, reporting each batch's rate on stderr. */
    private void warmUp(String phase, java.util.function.IntFunction<Rate> batch) {
        int batches = (warmUp + WARM_UP_BATCH - 1) / WARM_UP_BATCH;
        for (int b = 1, left = warmUp; left > 0; b++, left -= WARM_UP_BATCH) {
            int n = Math.min(WARM_UP_BATCH, left);
            Rate r = batch.apply(n);
            progress.printf("bench: %s warm-up %d/%d (%d): %.0f/s%n", phase, b, batches, n, r.perSecond());
        }
    }

    /**
     * Alternating baseline and pipeline batches until a pair of them saw the JIT compilers busy under
     * {@link #JIT_QUIET_PERCENT}% of its wall time (compile time summed over compiler threads), or --settle-seconds
     * ran out; the timed runs then measure compiled code, not the compiler.
     */
    private void settle(java.util.function.IntFunction<Rate> baseline, java.util.function.IntFunction<Rate> pipeline) {
        if (settleSeconds == 0 || compilationMillis() < 0) {
            return;
        }
        long deadline = System.nanoTime() + settleSeconds * 1_000_000_000L;
        for (int pair = 1; ; pair++) {
            long jit0 = compilationMillis();
            long t0 = System.nanoTime();
            Rate b = baseline == null ? null : baseline.apply(WARM_UP_BATCH);
            Rate p = pipeline.apply(WARM_UP_BATCH);
            double percent = jitPercentSince(jit0, t0);
            progress.printf("bench: settling %d: %s%.0f articles/s, JIT compiling %.0f%% of the time%n", pair,
                    b == null ? "" : String.format(Locale.ROOT, "baseline %.0f records/s, ", b.perSecond()),
                    p.perSecond(), percent);
            if (percent < JIT_QUIET_PERCENT) {
                return;
            }
            if (System.nanoTime() > deadline) {
                progress.printf("bench: JIT still busy after --settle-seconds %d; timing anyway%n", settleSeconds);
                return;
            }
        }
    }

    /** Compile time since {@code jit0} ({@link #compilationMillis}) as a share of the wall time since {@code t0}. */
    private static double jitPercentSince(long jit0, long t0) {
        return 100.0 * (compilationMillis() - jit0) / ((System.nanoTime() - t0) / 1e6);
    }

    /** Milliseconds the JIT compilers have spent so far, summed over their threads; -1 if the JVM does not say. */
    static long compilationMillis() {
        var jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
    }

    /** Sends the values under fresh keys to {@code in}; records/s until all of them are read from {@code out}. */
    private static Rate timedRun(PipelineConfig base, KafkaProducer<String, byte[]> producer, String in, String out,
            String keyPrefix, List<byte[]> values) {
        try (TopicReader reader = TopicReader.following(base, "bench-reader", out, false)) {
            long cpu0 = Rate.processCpuNanos();
            long t0 = System.nanoTime();
            for (int i = 0; i < values.size(); i++) {
                producer.send(new ProducerRecord<>(in, keyPrefix + "-" + i, values.get(i)));
            }
            producer.flush();
            awaitKeys(reader, values.size(), k -> k.startsWith(keyPrefix + "-"), out);
            return Rate.of(values.size(), t0, cpu0);
        }
    }

    private static void awaitKeys(TopicReader reader, int expected, java.util.function.Predicate<String> counted,
            String topic) {
        Set<String> seen = new HashSet<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (seen.size() < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Only " + seen.size() + " of " + expected + " records reached " + topic
                        + " within " + WAIT);
            }
            reader.poll(Duration.ofMillis(100), (r, t) -> {
                String k = TopicReader.key(r);
                if (counted.test(k)) {
                    seen.add(k);
                }
            });
        }
    }

    // ---------------------------------------------------------------- 2. the pipeline

    /**
     * Produces the articles to news.raw.v1; articles/s until every one is on news.published.v1. The articles are
     * serialized before the clock starts, as the baseline's records are: both phases time bytes produced to bytes
     * consumed (turning an article into a RawArticle record is ingest's work, timed by the HTTP phase).
     */
    private static Rate pipelineRun(PipelineConfig base, TopicCatalog topics, List<RawArticle> articles) {
        Set<String> ids = new HashSet<>();
        articles.forEach(a -> ids.add(a.getArticleId()));
        List<byte[]> values = serialized(topics, articles);
        try (TopicReader reader = TopicReader.following(base, "bench-reader", topics.published().name(), false);
                KafkaProducer<String, byte[]> producer = new KafkaProducer<>(base.producerProperties("bench-raw"),
                        new StringSerializer(), new ByteArraySerializer())) {
            producer.partitionsFor(topics.raw().name()); // metadata outside the timed run
            long cpu0 = Rate.processCpuNanos();
            long t0 = System.nanoTime();
            for (int i = 0; i < articles.size(); i++) {
                producer.send(new ProducerRecord<>(topics.raw().name(), articles.get(i).getArticleId(), values.get(i)));
            }
            producer.flush();
            awaitKeys(reader, ids.size(), ids::contains, topics.published().name());
            return Rate.of(ids.size(), t0, cpu0);
        }
    }

    /** Sends at a fixed rate; per article, nanoseconds from just before the send to when it is read published. */
    private double[] latency(PipelineConfig base, TopicCatalog topics, List<RawArticle> articles) throws Exception {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, Long> latencies = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService readerThread = Executors.newSingleThreadExecutor();
        try (TopicReader reader = TopicReader.following(base, "bench-reader", topics.published().name(), false);
                KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(base.producerProperties("bench-latency"),
                        new StringSerializer(), topics.raw().valueSerializer())) {
            Future<?> reading = readerThread.submit(() -> {
                while (!stop.get()) {
                    reader.poll(Duration.ofMillis(20), (r, seenAt) -> {
                        Long sent = sentAt.get(TopicReader.key(r));
                        if (sent != null) {
                            latencies.putIfAbsent(TopicReader.key(r), seenAt - sent);
                        }
                    });
                }
                return null;
            });
            long intervalNanos = 1_000_000_000L / latencyRate;
            long t0 = System.nanoTime();
            for (int i = 0; i < articles.size(); i++) {
                long due = t0 + i * intervalNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                RawArticle a = articles.get(i);
                sentAt.put(a.getArticleId(), System.nanoTime());
                producer.send(new ProducerRecord<>(topics.raw().name(), a.getArticleId(), a));
            }
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (latencies.size() < articles.size() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            stop.set(true);
            reading.get();
        } finally {
            readerThread.shutdownNow();
        }
        if (latencies.size() < articles.size()) {
            throw new IllegalStateException("Only " + latencies.size() + " of " + articles.size()
                    + " latency-run articles were published within " + WAIT);
        }
        long[] sorted = latencies.values().stream().mapToLong(Long::longValue).sorted().toArray();
        return new double[] {percentile(sorted, 0.50) / 1e6, percentile(sorted, 0.99) / 1e6};
    }

    static long percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** Ingest alone over HTTP on its own raw topic (the Streams services are stopped): accepted articles/s. */
    private Rate http(PipelineConfig base, BenchArticles generator, int warmUp, Path stateDir) throws Exception {
        PipelineConfig config = base.toBuilder().applicationId(IngestService.DEFAULTS.applicationId())
                .topicName(io.newspipe.common.TopicNames.LOGICAL_RAW, "bench.http.raw")
                .stateDir(stateDir).build();
        IngestService service = new IngestService(config, IngestService.Options.defaults()).start();
        try {
            if (!service.awaitReady(WAIT)) {
                throw new IllegalStateException("Ingest service not ready: " + service.readiness());
            }
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            URI uri = URI.create(service.baseUrl().replaceAll("/$", "") + "/v1/articles");
            progress.println("bench: HTTP warm-up (" + warmUp + " articles, " + httpClients + " clients)");
            post(client, uri, generator, 0, warmUp);
            progress.println("bench: HTTP ingest (" + articles + " articles, " + httpClients + " clients)");
            long cpu0 = Rate.processCpuNanos();
            long t0 = System.nanoTime();
            int accepted = post(client, uri, generator, warmUp, articles);
            if (accepted < articles) {
                progress.printf("bench: HTTP: only %d of %d articles accepted%n", accepted, articles);
            }
            return Rate.of(accepted, t0, cpu0);
        } finally {
            service.stop();
        }
    }

    private int post(HttpClient client, URI uri, BenchArticles generator, int from, int count) throws Exception {
        AtomicInteger next = new AtomicInteger(from);
        AtomicInteger accepted = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(httpClients);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < httpClients; c++) {
                futures.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < from + count) {
                        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                                .header("Content-Type", "text/plain; charset=utf-8")
                                .POST(HttpRequest.BodyPublishers.ofString(generator.text(i), StandardCharsets.UTF_8))
                                .build();
                        HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 202) {
                            accepted.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return accepted.get();
    }

    // ---------------------------------------------------------------- 3. extraction alone

    /**
     * {@code ./newspipe bench extract}'s measurement ({@link ExtractBenchmark#measure}) on 16 of the bench's articles:
     * normalize + extract in a loop on this one thread, after a warm-up as long as the timed run. Returns {MB per
     * CPU-second, MB per wall-second}; the first is the one-core figure on a shared machine.
     */
    private double[] extraction(BenchArticles generator) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            texts.add(generator.text(i));
        }
        progress.printf("bench: extraction warm-up %d s, then %d s on one thread%n", extractSeconds, extractSeconds);
        ExtractBenchmark.Figures f = ExtractBenchmark.measure(texts, extractSeconds, extractSeconds, false);
        return new double[] {f.mbPerCpuSecond(), f.mbPerWallSecond()};
    }

    // ---------------------------------------------------------------- output

    /** The table on stdout; with --json the JSON object on stdout and the table on stderr (read by people). */
    private void print(Map<String, Object> r) {
        if (json) {
            StringBuilder b = new StringBuilder("{");
            // numbers as they are, the one text value (a lower-case enum name) in quotes
            r.forEach((k, v) -> b.append(b.length() > 1 ? ", " : "").append('"').append(k).append("\": ")
                    .append(v instanceof String text ? "\"" + text + "\"" : v));
            System.out.println(b.append('}'));
        }
        table(json ? System.err : System.out, r);
    }

    private void table(PrintStream out, Map<String, Object> r) {
        out.printf(Locale.ROOT, "newspipe bench: %s articles, embedded stack, %d cores%n", r.get("articles"),
                Runtime.getRuntime().availableProcessors());
        out.printf(Locale.ROOT, "  %-46s %12s%n", "measure", "value");
        row(out, "raw Kafka baseline (2 EOS hops, " + baselineShape.name().toLowerCase(Locale.ROOT) + " shape)",
                r.get("baseline_records_per_s"), "records/s");
        row(out, "pipeline raw -> enrich -> publish", r.get("pipeline_articles_per_s"), "articles/s");
        row(out, "pipeline / baseline", r.get("ratio_to_baseline"), "");
        row(out, "baseline per CPU-second (whole process)", r.get("baseline_records_per_cpu_s"), "records/CPU-s");
        row(out, "pipeline per CPU-second (whole process)", r.get("pipeline_articles_per_cpu_s"), "articles/CPU-s");
        row(out, "JIT compiling during the timed rounds", r.get("timed_jit_percent"), "% of wall time");
        row(out, "ingest over HTTP (" + httpClients + " clients)", r.get("http_articles_per_s"), "articles/s");
        row(out, "ingest over HTTP per CPU-second (incl. clients)", r.get("http_articles_per_cpu_s"), "articles/CPU-s");
        row(out, "latency p50 at " + latencyRate + " articles/s", r.get("p50_ms"), "ms");
        row(out, "latency p99 at " + latencyRate + " articles/s", r.get("p99_ms"), "ms");
        row(out, "extraction, one core", r.get("extract_mb_per_s"), "MB/CPU-s");
        row(out, "extraction, wall clock", r.get("extract_mb_per_s_wall"), "MB/s");
    }

    private static void row(PrintStream out, String label, Object value, String unit) {
        if (value == null) {
            return; // phase skipped
        }
        out.printf(Locale.ROOT, "  %-46s %12s %s%n", label, value, unit);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
