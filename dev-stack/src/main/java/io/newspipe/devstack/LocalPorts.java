package io.newspipe.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free ports on 127.0.0.1 for processes started later (Kafka nodes, service instances). A port the kernel hands out
 * for "any free port" comes from its ephemeral range, which it also uses for the local end of every outgoing
 * connection; between the check and the child's bind, a client connection could take it (seen once: a publish
 * instance that could never start). Ports below the ephemeral range are never taken that way, so they are chosen
 * there, at random so stacks started at once do not pick the same.
 */
public final class LocalPorts {

    private static final String HOST = "127.0.0.1";
    private static final int LOWEST = 10_000;
    private static final int ATTEMPTS = 200;

    private LocalPorts() {
    }

    /** A port nothing listens on right now, below the ephemeral range when there is room; else an ephemeral one. */
    public static int free() {
        int ephemeralStart = ephemeralRangeStart();
        if (ephemeralStart - LOWEST >= 1_000) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            for (int i = 0; i < ATTEMPTS; i++) {
                int port = random.nextInt(LOWEST, ephemeralStart);
                if (bindable(port)) {
                    return port;
                }
            }
        }
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on " + HOST, e);
        }
    }

    static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The first port of Linux's ephemeral range; IANA's 49152 where the kernel does not say. */
    static int ephemeralRangeStart() {
        // read a line, not the whole file: procfs reports a size that Files.readString trusts (it returned "3")
        try (var reader = Files.newBufferedReader(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))) {
            return Integer.parseInt(reader.readLine().trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return 49_152;
        }
    }
}
