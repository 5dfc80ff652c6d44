package io.newspipe.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.newspipe.common.PipelineConfig;
import io.newspipe.common.Shutdown;
import io.newspipe.common.Topic;
import io.newspipe.common.TopicCatalog;
import io.newspipe.schemas.Award;
import io.newspipe.schemas.Entity;
import io.newspipe.schemas.EntityType;
import io.newspipe.schemas.KpiMention;
import io.newspipe.schemas.PublishedArticle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The README's first command: the whole pipeline (as {@code up}, on free ports), the sample articles through it, a
 * readable summary of what was published, then everything stops.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the whole pipeline once on the sample articles and show what it published.",
            "Starts Kafka, the Schema Registry and the three services (each in its own process, on free ports, so a",
            "running 'up' is not disturbed), sends samples/articles/*.txt to ingest over HTTP, waits until every",
            "article is on news.published.v1, prints a summary per article, and stops everything.",
            "A second run finds the articles already published (same ids) and summarizes them again.",
            "Exit 0 when every article was published, 1 otherwise (timeout, a service that died)."})
final class DemoCommand implements Callable<Integer> {

    static final String HOME_PROPERTY = "newspipe.home";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "./.newspipe/demo",
            description = "Kafka data, service state and logs of the demo. Default: ${DEFAULT-VALUE}.")
    Path dataDir;

    @Option(names = "--samples", paramLabel = "DIR",
            description = "Article .txt files to send. Default: samples/articles of the newspipe checkout.")
    Path samples;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "Longest wait for the services and for the articles to be published. Default: ${DEFAULT-VALUE}.")
    int timeoutSeconds;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long t0 = System.nanoTime();
        List<Path> files;
        try {
            files = sampleFiles();
        } catch (IOException | IllegalStateException e) {
            err.println("newspipe demo: " + e.getMessage());
            return 1;
        }
        Path dir = dataDir.toAbsolutePath().normalize();
        Path logDir = dir.resolve("logs");
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            err.println("newspipe demo: cannot create data directory " + dir + ": " + e.getMessage());
            return 1;
        }
        String lockProblem = UpCommand.lockDataDir(dir);
        if (lockProblem != null) {
            err.println("newspipe demo: " + lockProblem);
            return 1;
        }
        UpCommand.routeLogsTo(logDir);

        out.println("newspipe demo: " + files.size() + " sample articles from " + displayPath(files.get(0).getParent()));
        out.println("Starting Kafka and the Schema Registry...");
        out.flush();
        FullStack stack;
        try {
            stack = FullStack.startInfra(dir, new FullStack.Ports(0, 0, FullStack.freePort(), FullStack.freePort(),
                    FullStack.freePort()), out, err);
        } catch (RuntimeException e) {
            err.println("newspipe demo: could not start Kafka and the Schema Registry: " + UpCommand.rootMessage(e)
                    + " (details in " + logDir.resolve("newspipe.log") + ")");
            return 1;
        }
        Shutdown shutdown = Shutdown.install("newspipe-demo");
        shutdown.onExit(() -> UpCommand.closeWithin(stack.infra(), UpCommand.STOP_TIMEOUT, err, dir));
        shutdown.onExit(stack.supervisor());
        out.println("Kafka            " + stack.infra().bootstrapServers());
        out.println("Schema Registry  " + stack.infra().schemaRegistryUrl());
        out.println("Data and logs    " + dir);
        out.println("Starting ingest, enrich and publish (one process each)...");
        out.flush();
        int code;
        try {
            code = runDemo(stack, files, out, err);
        } finally {
            out.println();
            out.println("Stopping the services and Kafka...");
            out.flush();
            shutdown.closeNow();
        }
        out.printf(Locale.ROOT, "Done in %.1f s.%n", (System.nanoTime() - t0) / 1e9);
        out.flush();
        return code;
    }

    private int runDemo(FullStack stack, List<Path> files, PrintWriter out, PrintWriter err) {
        String problem = stack.startServices(Duration.ofSeconds(timeoutSeconds));
        if (problem != null) {
            err.println("newspipe demo: " + problem);
            return 1;
        }
        URI ingest = stack.serviceUrl("ingest");
        Map<String, Path> idToFile = new LinkedHashMap<>();
        int duplicates = 0;
        out.println();
        for (Path f : files) {
            try {
                Sent sent = post(ingest, f);
                idToFile.put(sent.id(), f);
                if (sent.duplicate()) {
                    duplicates++;
                }
            } catch (IOException | InterruptedException e) {
                err.println("newspipe demo: sending " + f.getFileName() + " to " + ingest + " failed: " + e.getMessage());
                return 1;
            }
        }
        out.printf("Sent %d articles to %sv1/articles (%d new, %d already known from an earlier run).%n", files.size(),
                ingest, files.size() - duplicates, duplicates);
        out.println("Waiting for them on news.published.v1...");
        out.flush();
        PipelineConfig config = PipelineConfig.builder().bootstrapServers(stack.infra().bootstrapServers())
                .schemaRegistryUrl(stack.infra().schemaRegistryUrl()).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
        Map<String, PublishedArticle> published = readPublished(new TopicCatalog(config).published(),
                config, idToFile.keySet(), deadline, stack);
        out.println();
        for (Map.Entry<String, Path> e : idToFile.entrySet()) {
            PublishedArticle a = published.get(e.getKey());
            if (a != null) {
                out.print(summarize(a, e.getValue().getFileName().toString()));
                out.println();
            }
        }
        storyLines(published.values()).forEach(out::println);
        out.printf("Published %d of %d articles%n", published.size(), idToFile.size());
        out.flush();
        if (published.size() < idToFile.size()) {
            var died = stack.supervisor().children().stream().filter(c -> c.exitStatus().isPresent()).findFirst();
            String why = died.map(c -> io.newspipe.cli.stack.Supervisor.exitMessage(c, c.exitStatus().get()))
                    .orElse("not all articles were published within " + timeoutSeconds + " s — see the logs in "
                            + stack.logFile("enrich").getParent());
            List<String> missing = idToFile.entrySet().stream().filter(x -> !published.containsKey(x.getKey()))
                    .map(x -> x.getValue().getFileName() + " (" + x.getKey() + ")").toList();
            err.println("newspipe demo: " + why + ". Missing: " + String.join(", ", missing));
            return 1;
        }
        return 0;
    }

    private record Sent(String id, boolean duplicate) {
    }

    private static Sent post(URI ingest, Path file) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(ingest.resolve("/v1/articles")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build();
        for (int attempt = 1;; attempt++) {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 202 || r.statusCode() == 200) {
                JsonNode n = JSON.readTree(r.body());
                return new Sent(n.path("id").asText(), n.path("duplicate").asBoolean());
            }
            if (r.statusCode() != 503 || attempt == 5) {
                throw new IOException("HTTP " + r.statusCode() + ": " + r.body());
            }
            Thread.sleep(1000);
        }
    }

    /** Reads the published topic from the beginning until every id is there (latest revision kept) or time is up. */
    private static Map<String, PublishedArticle> readPublished(Topic<String, PublishedArticle> topic,
            PipelineConfig config, Set<String> ids, long deadline, FullStack stack) {
        Map<String, PublishedArticle> found = new LinkedHashMap<>();
        var props = config.kafkaProperties();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        try (KafkaConsumer<String, PublishedArticle> consumer = new KafkaConsumer<>(props, topic.keyDeserializer(),
                topic.valueDeserializer())) {
            List<TopicPartition> partitions = List.of();
            while (System.nanoTime() < deadline && found.keySet().size() < ids.size()) {
                if (partitions.isEmpty()) {
                    // publish creates the topic when it starts; until then there is nothing to read
                    var infos = consumer.partitionsFor(topic.name(), Duration.ofSeconds(5));
                    if (infos == null || infos.isEmpty()) {
                        sleep(500);
                        continue;
                    }
                    partitions = infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
                    consumer.assign(partitions);
                    consumer.seekToBeginning(partitions);
                }
                for (ConsumerRecord<String, PublishedArticle> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.value() != null && ids.contains(r.key())) {
                        found.put(r.key(), r.value());
                    }
                }
                if (stack.supervisor().children().stream().anyMatch(c -> c.exitStatus().isPresent())) {
                    break;
                }
            }
        }
        return found;
    }

    /** One article, readable in a terminal. */
    static String summarize(PublishedArticle a, String fileName) {
        StringBuilder s = new StringBuilder();
        s.append("▌ ").append(fileName).append("   id ").append(a.getArticleId()).append(", revision ")
                .append(a.getRevision()).append('\n');
        s.append("  ").append(headline(a)).append('\n');
        List<String> people = new ArrayList<>();
        Set<String> orgs = new LinkedHashSet<>();
        Set<String> places = new LinkedHashSet<>();
        Set<String> seenPeople = new LinkedHashSet<>();
        for (Entity e : a.getEntities()) {
            if (e.getType() == EntityType.PERSON) {
                if (seenPeople.add(e.getCanonical())) {
                    people.add(e.getRole() == null ? e.getCanonical() : e.getCanonical() + " (" + e.getRole() + ")");
                }
            } else if (e.getType() == EntityType.ORGANIZATION) {
                orgs.add(e.getCanonical());
            } else if (e.getType() == EntityType.LOCATION) {
                places.add(e.getCanonical());
            }
        }
        if (a.getStoryId() != null) {
            s.append(String.format("  %-14s %s%s%n", "Story", a.getStoryId(),
                    a.getCopyOf() == null ? "" : " (a copy of " + a.getCopyOf() + ")"));
        }
        section(s, "People", people);
        section(s, "Organizations", List.copyOf(orgs));
        section(s, "Places", List.copyOf(places));
        section(s, "Awards", a.getAwards().stream().map(DemoCommand::award).toList());
        section(s, "KPIs", a.getKpis().stream().map(DemoCommand::kpi).toList());
        return s.toString();
    }

    /** "story ID: N articles from M outlets" ("(no outlet named)" when none is), one line per story of the articles, largest first. */
    static List<String> storyLines(java.util.Collection<PublishedArticle> articles) {
        Map<String, List<PublishedArticle>> byStory = new LinkedHashMap<>();
        for (PublishedArticle a : articles) {
            if (a.getStoryId() != null) {
                byStory.computeIfAbsent(a.getStoryId(), k -> new ArrayList<>()).add(a);
            }
        }
        List<String> lines = new ArrayList<>();
        byStory.entrySet().stream().sorted(java.util.Comparator.comparingInt(e -> -e.getValue().size())).forEach(e -> {
            int n = e.getValue().size();
            long outlets = e.getValue().stream().map(PublishedArticle::getSource).filter(java.util.Objects::nonNull)
                    .distinct().count();
            // The demo's samples name no outlet; "from 0 outlets" would read as a fault.
            String from = outlets == 0 ? " (no outlet named)"
                    : String.format(" from %d outlet%s", outlets, outlets == 1 ? "" : "s");
            lines.add(String.format("story %s: %d article%s%s", e.getKey(), n, n == 1 ? "" : "s", from));
        });
        return lines;
    }

    private static String headline(PublishedArticle a) {
        String h = a.getTitle();
        if (h == null || h.isBlank()) {
            h = a.getText().strip().lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        }
        h = h.strip();
        return h.length() > 110 ? h.substring(0, 107) + "..." : h;
    }

    private static void section(StringBuilder s, String label, List<String> items) {
        if (items.isEmpty()) {
            s.append(String.format("  %-14s -%n", label));
            return;
        }
        boolean first = true;
        for (String item : items) {
            s.append(String.format("  %-14s %s%n", first ? label : "", item));
            first = false;
        }
    }

    static String award(Award w) {
        StringBuilder s = new StringBuilder(w.getAward());
        if (w.getTitle() != null) {
            s.append(" “").append(w.getTitle()).append("”");
        }
        if (w.getConferrer() != null) {
            s.append(", from ").append(w.getConferrer());
        }
        if (w.getPresenter() != null) {
            s.append(", presented by ").append(w.getPresenter());
        }
        if (w.getYear() != null) {
            s.append(", ").append(w.getYear());
        }
        if (!w.getRecipients().isEmpty()) {
            s.append(" → ").append(String.join("; ", w.getRecipients()));
        }
        if (w.getRecipientCount() != null && w.getRecipientCount() != w.getRecipients().size()) {
            s.append(" (").append(w.getRecipientCount()).append(" recipients)");
        }
        return s.toString();
    }

    static String kpi(KpiMention k) {
        StringBuilder s = new StringBuilder(k.getMetric()).append(':');
        if (k.getValue() != null) {
            s.append(' ').append(number(k.getValue()));
            if (k.getTotal() != null) {
                s.append('/').append(number(k.getTotal()));
            }
        }
        if (k.getUnit() != null) {
            s.append(' ').append(k.getUnit());
        }
        if (k.getRank() != null) {
            s.append(", rank ").append(k.getRank());
        }
        if (k.getPeriod() != null) {
            s.append(", ").append(k.getPeriod());
        }
        if (k.getStatus() != null) {
            s.append(" [").append(k.getStatus()).append(']');
        }
        return s.toString();
    }

    private static String number(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    private List<Path> sampleFiles() throws IOException {
        Path dir = samples;
        if (dir == null) {
            String home = System.getProperty(HOME_PROPERTY);
            dir = (home == null ? Path.of(".") : Path.of(home)).resolve("samples").resolve("articles");
        }
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("no sample articles at " + dir.toAbsolutePath().normalize()
                    + "; run ./newspipe from the checkout or pass --samples DIR");
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> files = s.filter(p -> p.toString().endsWith(".txt")).sorted().collect(Collectors.toList());
            if (files.isEmpty()) {
                throw new IllegalStateException("no .txt articles in " + dir.toAbsolutePath().normalize());
            }
            return files;
        }
    }

    private static String displayPath(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
