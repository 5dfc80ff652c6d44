package io.newspipe.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a {@link DevStack} until SIGTERM/SIGINT: {@code --data-dir DIR --kafka-port N --registry-port N} (ports 0 =
 * free). Prints {@code bootstrap.servers=...} and {@code schema.registry.url=...} on stdout once both answer, so
 * scripts can wait for those lines.
 */
public final class DevStackMain {

    private DevStackMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = null;
        int kafkaPort = 9092;
        int registryPort = 8081;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--data-dir" -> dataDir = Path.of(require(args[i], value));
                case "--kafka-port" -> kafkaPort = Integer.parseInt(require(args[i], value));
                case "--registry-port" -> registryPort = Integer.parseInt(require(args[i], value));
                default -> {
                    System.err.println("Unknown argument '" + args[i]
                            + "'. Usage: DevStackMain --data-dir DIR [--kafka-port 9092] [--registry-port 8081]");
                    System.exit(2);
                }
            }
            i++;
        }
        if (dataDir == null) {
            dataDir = Path.of(System.getProperty("java.io.tmpdir"), "newspipe-devstack");
        }
        Files.createDirectories(dataDir);
        DevStack stack = DevStack.start(new DevStack.Options(dataDir, kafkaPort, registryPort));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            stopped.countDown();
        }, "devstack-stop"));
        System.out.println("bootstrap.servers=" + stack.bootstrapServers());
        System.out.println("schema.registry.url=" + stack.schemaRegistryUrl());
        System.out.println("started.ms=" + stack.startTime().toMillis());
        System.out.flush();
        stopped.await();
    }

    private static String require(String flag, String value) {
        if (value == null) {
            System.err.println(flag + " needs a value");
            System.exit(2);
        }
        return value;
    }
}
