package io.newspipe.cli.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.newspipe.devstack.Supervised;

/**
 * What a running {@code up} has started, in {@code DIR/stack.json}: its own pid and, per process, role, instance,
 * pid, address and restarts. {@code up} rewrites it (atomically) whenever a process is restarted and deletes it when
 * it stops; {@code newspipe status} reads it and asks each process whether it is healthy.
 */
public final class StackStatus {

    public static final String FILE = "stack.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One process of the stack. */
    public record Entry(String role, int instance, long pid, String url, int restarts) {
        public static Entry of(Supervised m, int restarts) {
            return new Entry(m.role(), m.instance(), m.pid().orElse(-1L), m.address(), restarts);
        }
    }

    /** The file's content. */
    public record Snapshot(long upPid, List<Entry> processes) {
    }

    private final Path file;

    public StackStatus(Path dataDir) {
        this.file = dataDir.resolve(FILE);
    }

    public Path file() {
        return file;
    }

    public synchronized void write(long upPid, List<Entry> entries) {
        Path tmp = file.resolveSibling(FILE + ".tmp");
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), new Snapshot(upPid, entries));
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The snapshot of a stack that is still running (its {@code up} process alive), else empty. */
    public Optional<Snapshot> readLive() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            Snapshot s = JSON.readValue(file.toFile(), Snapshot.class);
            boolean upAlive = ProcessHandle.of(s.upPid()).map(ProcessHandle::isAlive).orElse(false);
            return upAlive ? Optional.of(s) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public synchronized void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a stale file is recognised by its dead up pid
        }
    }
}
