package io.newspipe.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.Test;

class ShutdownTest {

    @Test
    void givenRegisteredResources_whenClosedNow_thenClosedInReverseOrderEvenWhenOneFailsAndAwaitReturns() {
        List<String> closed = new ArrayList<>();
        Shutdown shutdown = Shutdown.install("shutdown-test");
        shutdown.onExit(() -> closed.add("broker"));
        shutdown.onExit(() -> {
            closed.add("streams");
            throw new IllegalStateException("close failed");
        });
        shutdown.onExit(() -> closed.add("http"));

        shutdown.closeNow();
        shutdown.await();

        assertThat(closed).containsExactly("http", "streams", "broker");
    }

    @Test
    void givenLog4jCoreOnTheClassPath_whenClosed_thenLoggingIsStoppedAfterEverythingElse() {
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        List<Boolean> loggingStoppedWhenClosing = new ArrayList<>();
        Shutdown shutdown = Shutdown.install("shutdown-logging-test");
        shutdown.onExit(() -> loggingStoppedWhenClosing.add(logging.isStopped()));

        shutdown.closeNow();

        assertThat(loggingStoppedWhenClosing).containsExactly(false);
        assertThat(logging.isStopped()).isTrue();
    }
}
