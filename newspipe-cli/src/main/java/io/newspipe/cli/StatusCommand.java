package io.newspipe.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.newspipe.cli.stack.StackStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Lists the processes of a running {@code up} with their health. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"List every process of the stack 'up' runs on --data-dir: role, instance, pid, address,",
            "health and restarts. A service is healthy when GET /health/ready answers 200, the registry when",
            "GET /subjects does, a broker when it answers a cluster request.",
            "Exit status: 0 all healthy, 1 some process unhealthy, 2 no stack running on that directory."})
final class StatusCommand implements Callable<Integer> {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();

    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "./.newspipe",
            description = "The data directory of the 'up' to ask. Default: ${DEFAULT-VALUE}.")
    Path dataDir;

    @Option(names = "--json", description = "Print {\"processes\":[{\"role\",\"instance\",\"pid\",\"url\",\"healthy\",\"restarts\"}]}.")
    boolean json;

    /** A process with its health, as printed. */
    record Row(String role, int instance, long pid, String url, boolean healthy, int restarts) {
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path dir = dataDir.toAbsolutePath().normalize();
        Optional<StackStatus.Snapshot> snapshot = new StackStatus(dir).readLive();
        if (snapshot.isEmpty()) {
            err.println("newspipe status: no stack is running on " + dir + " (start one with ./newspipe up"
                    + (dir.equals(Path.of("./.newspipe").toAbsolutePath().normalize()) ? "" : " --data-dir " + dir)
                    + ")");
            return 2;
        }
        List<Row> rows = new ArrayList<>();
        for (StackStatus.Entry e : snapshot.get().processes()) {
            rows.add(new Row(e.role(), e.instance(), e.pid(), e.url(), healthy(e), e.restarts()));
        }
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("processes", rows);
            out.println(new ObjectMapper().writeValueAsString(doc));
        } else {
            out.printf(Locale.ROOT, "%-9s %-8s %-8s %-28s %-8s %s%n", "ROLE", "INSTANCE", "PID", "ADDRESS", "HEALTHY",
                    "RESTARTS");
            for (Row r : rows) {
                out.printf(Locale.ROOT, "%-9s %-8d %-8s %-28s %-8s %d%n", r.role(), r.instance(),
                        r.pid() < 0 ? "-" : String.valueOf(r.pid()), r.url(), r.healthy() ? "yes" : "NO", r.restarts());
            }
        }
        out.flush();
        return rows.stream().allMatch(Row::healthy) ? 0 : 1;
    }

    static boolean healthy(StackStatus.Entry e) {
        if (e.pid() < 0 || !ProcessHandle.of(e.pid()).map(ProcessHandle::isAlive).orElse(false)) {
            return false;
        }
        return switch (e.role()) {
            case "broker" -> brokerAnswers(e.url());
            case "registry" -> httpOk(URI.create(e.url() + "/subjects"));
            default -> httpOk(URI.create(e.url() + "/health/ready"));
        };
    }

    private static boolean httpOk(URI uri) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri).timeout(PROBE_TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Asked alone (its own address as the only bootstrap server), the node answers a cluster description. */
    private static boolean brokerAnswers(String address) {
        int timeoutMs = (int) PROBE_TIMEOUT.toMillis();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, address,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs))) {
            admin.describeCluster().clusterId().get(timeoutMs, TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
