package io.newspipe.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.newspipe.common.PipelineConfig;
import io.newspipe.common.TopicCatalog;
import io.newspipe.common.TopicTable;
import io.newspipe.common.TopicProvisioner;
import io.newspipe.devstack.DevStack;
import io.newspipe.ingest.IngestService;
import io.newspipe.ingest.intake.KafkaRawArticleLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./newspipe bench ingest-start}: how long ingest takes to become ready, and the heap it holds then, with N
 * records on news.raw.v1 (issue 17: start-up must not grow with the raw topic). Ingest runs as a process of its own
 * (its heap is not the embedded broker's) three times: a first start on a stack from before the article index (it
 * fills the index from the raw topic), a restart on the same state directory, and a new instance with an empty state
 * directory (it restores the whole index topic). Heap is read from its /metrics after a full GC (jcmd GC.run).
 * Figures on stdout; nothing is asserted.
 */
@Command(name = "ingest-start", mixinStandardHelpOptions = true,
        description = {"Time ingest's start-up to /health/ready, and its heap after start, with N records on the raw "
                + "topic: first start (fills the article index), restart, new instance (restores the index topic)."})
public final class IngestStartBenchCommand implements Callable<Integer> {

    @Option(names = "--records", paramLabel = "N", description = "Records on news.raw.v1, each a distinct article "
            + "(default ${DEFAULT-VALUE}).")
    int records = 1_000_000;

    @Option(names = "--value-bytes", paramLabel = "B", description = "Size of each raw record's value (random bytes; "
            + "ingest reads the version headers, never the value, of records that have them). Default ${DEFAULT-VALUE}.")
    int valueBytes = 1024;

    @Option(names = "--heap", paramLabel = "SIZE", description = "Ingest's -Xmx (default ${DEFAULT-VALUE}).")
    String heap = "256m";

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where the stack and ingest keep their data "
            + "(default: a new temporary directory, deleted afterwards).")
    Path dataDir;

    @Spec
    CommandSpec spec;

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(15);

    /** One start of ingest, as measured. */
    record Start(String what, double secondsToReady, long heapUsedBytes, long restoredRecords, long rawRecordsRead) {
        String row() {
            return String.format("%-48s %10.1f s %10.1f MiB %14d %14d", what, secondsToReady, heapUsedBytes / 1048576.0,
                    restoredRecords, rawRecordsRead);
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean temporary = dataDir == null;
        Path dir = temporary ? Files.createTempDirectory("newspipe-bench-ingest-") : dataDir;
        try (DevStack stack = DevStack.start(DevStack.Options.inDir(dir.resolve("stack")))) {
            PipelineConfig config = PipelineConfig.builder().bootstrapServers(stack.bootstrapServers())
                    .schemaRegistryUrl(stack.schemaRegistryUrl()).build();
            TopicCatalog topics = new TopicCatalog(config);
            try (Admin admin = Admin.create(config.kafkaProperties())) {
                TopicProvisioner.ensureTopics(admin, List.of(topics.spec(TopicTable.RAW)));
            }
            long t0 = System.nanoTime();
            writeRaw(config, topics.raw().name());
            err.printf("bench ingest-start: %d raw records of %d bytes written in %.1f s%n", records, valueBytes,
                    (System.nanoTime() - t0) / 1e9);
            err.flush();
            List<Start> starts = new ArrayList<>();
            starts.add(start("first start (fills the index from the raw topic)", stack, dir.resolve("ingest-a"), dir,
                    err));
            starts.add(start("restart (same state directory)", stack, dir.resolve("ingest-a"), dir, err));
            starts.add(start("new instance (empty state directory)", stack, dir.resolve("ingest-b"), dir, err));
            out.printf("ingest start-up, %d records on %s (%d-byte values), ingest -Xmx%s%n", records,
                    topics.raw().name(), valueBytes, heap);
            out.printf("%-48s %12s %14s %14s %14s%n", "", "to ready", "heap after GC", "index restored",
                    "raw read");
            starts.forEach(s -> out.println(s.row()));
            out.flush();
        } finally {
            if (temporary) {
                deleteTree(dir);
            }
        }
        return 0;
    }

    /** Distinct article ids, version 1, a content hash each: what ingest wrote before the index existed. */
    private void writeRaw(PipelineConfig config, String topic) throws Exception {
        Properties p = config.producerProperties("bench-ingest-start");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "50");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(512 * 1024));
        Random random = new Random(17);
        byte[] value = new byte[valueBytes];
        byte[] hash = new byte[32];
        HexFormat hex = HexFormat.of();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < records; i++) {
                random.nextBytes(value);
                random.nextBytes(hash);
                ProducerRecord<String, byte[]> r = new ProducerRecord<>(topic, String.format("t-%020x", i),
                        value.clone());
                r.headers().add(KafkaRawArticleLog.HEADER_VERSION, "1".getBytes(StandardCharsets.UTF_8));
                r.headers().add(KafkaRawArticleLog.HEADER_CONTENT_HASH,
                        hex.formatHex(hash).getBytes(StandardCharsets.UTF_8));
                producer.send(r);
            }
            producer.flush();
        }
    }

    private Start start(String what, DevStack stack, Path stateDir, Path dir, PrintWriter err) throws Exception {
        int port = io.newspipe.devstack.LocalPorts.free();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx" + heap, "-cp", System.getProperty("java.class.path"),
                IngestService.class.getName(), "--bootstrap-servers", stack.bootstrapServers(),
                "--schema-registry-url", stack.schemaRegistryUrl(), "--http-port", String.valueOf(port),
                "--state-dir", stateDir.toString(), "--allow-open-api"));
        Path log = dir.resolve("ingest-" + System.nanoTime() + ".log");
        err.printf("bench ingest-start: %s ...%n", what);
        err.flush();
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            URI ready = URI.create("http://127.0.0.1:" + port + "/health/ready");
            long deadline = started + READY_TIMEOUT.toNanos();
            while (status(http, ready) != 200) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("ingest did not become ready (" + what + "); see " + log);
                }
                Thread.sleep(100);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            new ProcessBuilder("jcmd", String.valueOf(process.pid()), "GC.run").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(60, TimeUnit.SECONDS);
            String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            Start s = new Start(what, seconds, (long) sum(metrics, "jvm_memory_used_bytes{area=\"heap\""),
                    (long) sum(metrics, "ingest_article_index_restored_records{"),
                    (long) sum(metrics, "ingest_article_index_raw_records_read{"));
            err.println("bench ingest-start: " + s.row());
            err.flush();
            return s;
        } finally {
            process.destroy(); // SIGTERM: a clean stop writes the store's checkpoint
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static int status(HttpClient http, URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The sum of the Prometheus samples whose line starts with {@code prefix}. */
    static double sum(String metrics, String prefix) {
        double total = 0;
        for (String line : metrics.split("\n")) {
            if (line.startsWith(prefix)) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return total;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
