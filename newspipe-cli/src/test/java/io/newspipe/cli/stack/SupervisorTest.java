package io.newspipe.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.newspipe.devstack.ChildService;

/** The supervision logic with tiny shell children instead of service JVMs. */
class SupervisorTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Supervisor supervisor = new Supervisor(new PrintWriter(out, true), new PrintWriter(err, true));

    private static ChildService shell(String name, String script, Path dir) {
        return new ChildService(name, List.of("sh", "-c", script), dir.resolve("logs").resolve(name + ".log"), null);
    }

    @Test
    void givenChildThatExitsWithThree_whenAwaitingExits_thenItIsReportedWithStatusAndLogFile(@TempDir Path dir)
            throws Exception {
        try (supervisor) {
            supervisor.start(shell("sleeper", "exec sleep 60", dir));
            ChildService crasher = supervisor.start(shell("enrich", "echo 'boom: no broker' >&2; exit 3", dir));

            Optional<ChildService> died = supervisor.awaitUnexpectedExit();

            assertThat(died).contains(crasher);
            assertThat(Supervisor.exitMessage(died.get(), died.get().exitStatus().orElseThrow()))
                    .isEqualTo("enrich exited with status 3 — see " + dir.resolve("logs/enrich.log"));
            assertThat(Files.readString(dir.resolve("logs/enrich.log"), StandardCharsets.UTF_8))
                    .contains("boom: no broker");
        }
    }

    @Test
    void givenChildThatDiesWhileStarting_whenAwaitingReady_thenTheExitIsTheAnswer(@TempDir Path dir)
            throws Exception {
        try (supervisor) {
            // a health URL nothing listens on: the child can only answer by exiting
            supervisor.start(new ChildService("publish", List.of("sh", "-c", "sleep 0.2; exit 1"),
                    dir.resolve("logs/publish.log"), java.net.URI.create("http://127.0.0.1:1/")));

            String problem = supervisor.awaitReady(Duration.ofSeconds(60));

            assertThat(problem).isEqualTo("publish exited with status 1 — see " + dir.resolve("logs/publish.log"));
        }
    }

    @Test
    void givenRunningChildren_whenClosed_thenAllStoppedAndNoExitIsReportedAsUnexpected(@TempDir Path dir)
            throws Exception {
        ChildService a = supervisor.start(shell("ingest", "exec sleep 60", dir));
        ChildService b = supervisor.start(shell("enrich", "exec sleep 60", dir));

        supervisor.close();

        assertThat(a.process().isAlive()).isFalse();
        assertThat(b.process().isAlive()).isFalse();
        assertThat(supervisor.awaitUnexpectedExit()).isEmpty();
    }

    @Test
    void givenChildThatIgnoresSigterm_whenStoppedWithShortGrace_thenItIsKilled(@TempDir Path dir) throws Exception {
        ChildService stubborn = supervisor.start(shell("stubborn",
                "trap '' TERM; echo started; while true; do sleep 0.1; done", dir));
        while (!Files.readString(stubborn.logFile()).contains("started")) {
            Thread.sleep(20); // the trap must be in place before SIGTERM
        }

        stubborn.stop(Duration.ofMillis(300), new PrintWriter(err, true));

        assertThat(stubborn.process().isAlive()).isFalse();
        assertThat(err.toString()).contains("stubborn did not stop within 300 ms of SIGTERM; killing it");
        supervisor.close();
    }

    @Test
    void givenRestartPolicy_whenChildDies_thenItIsStartedAgainAfterABackoffAndReportedEachTime(@TempDir Path dir)
            throws Exception {
        Supervisor restarting = new Supervisor(new PrintWriter(out, true), new PrintWriter(err, true),
                Supervisor.Policy.RESTART);
        try (restarting) {
            // dies at once the first two times, then stays up: two restarts, 1 s and then 2 s apart
            ChildService flaky = restarting.start(shell("enrich-2",
                    "n=$(cat " + dir.resolve("runs") + " 2>/dev/null || echo 0); echo $((n+1)) > " + dir.resolve("runs")
                            + "; [ $n -ge 2 ] && exec sleep 60; exit 7", dir));
            long t0 = System.nanoTime();
            while (restarting.restarts(flaky) < 2 && System.nanoTime() - t0 < 20_000_000_000L) {
                Thread.sleep(50);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;

            assertThat(restarting.restarts(flaky)).isEqualTo(2);
            assertThat(seconds).as("backoff 1 s + 2 s").isGreaterThanOrEqualTo(3.0);
            assertThat(flaky.process().isAlive()).isTrue();
            assertThat(out.toString()).contains("enrich-2   exited with status 7", "restarting in 1 s (restart 1)",
                    "restarting in 2 s (restart 2)", "enrich-2   restarted (pid " + flaky.processId() + ", restart 2)");
            assertThat(restarting.awaitUnexpectedExitNow()).as("nothing is reported as a stack failure").isEmpty();
        }
    }

    @Test
    void givenReadyChild_whenStatusLineIsPrinted_thenItNamesServiceUrlAndPid(@TempDir Path dir) throws Exception {
        ChildService c = new ChildService("ingest", List.of("sh", "-c", "exec sleep 60"),
                dir.resolve("ingest.log"), java.net.URI.create("http://127.0.0.1:8080/"));
        try (supervisor) {
            supervisor.start(c);

            assertThat(Supervisor.statusLine(c)).matches("ingest   ready  http://127\\.0\\.0\\.1:8080 +\\(pid "
                    + c.processId() + ", \\d+\\.\\d s\\)");
        }
    }
}
