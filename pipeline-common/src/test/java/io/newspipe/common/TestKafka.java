package io.newspipe.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.newspipe.devstack.EmbeddedKafkaBroker;

/** One real embedded KRaft broker per test JVM, started on first use and stopped when the JVM exits. */
final class TestKafka {

    private static EmbeddedKafkaBroker broker;

    private TestKafka() {
    }

    static synchronized EmbeddedKafkaBroker broker() {
        if (broker == null) {
            try {
                Path dir = Files.createTempDirectory("pipeline-common-kafka");
                broker = new EmbeddedKafkaBroker(dir, 0, 0, Map.of()).start();
                EmbeddedKafkaBroker started = broker;
                Runtime.getRuntime().addShutdownHook(new Thread(started::stop));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return broker;
    }

    static String bootstrapServers() {
        return broker().bootstrapServers();
    }
}
