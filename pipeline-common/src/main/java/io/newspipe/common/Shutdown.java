package io.newspipe.common;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Graceful stop on SIGTERM / SIGINT / Ctrl-C: a JVM shutdown hook closes what the service opened, in reverse
 * order, and {@link #await()} lets the main thread block until then. Logging is stopped last (see
 * {@link #stopLogging()}), so the log lines of the stop itself are kept.
 *
 * <pre>{@code
 * Shutdown shutdown = Shutdown.install("enrich-service");
 * shutdown.onExit(app);          // closed last
 * shutdown.onExit(httpServer);   // closed first
 * shutdown.await();
 * }</pre>
 */
public final class Shutdown {

    private static final Logger log = LoggerFactory.getLogger(Shutdown.class);

    private final String name;
    private final List<AutoCloseable> closeables = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread hook;

    private Shutdown(String name) {
        this.name = name;
        this.hook = new Thread(this::closeAll, name + "-shutdown");
    }

    /** Registers the shutdown hook. */
    public static Shutdown install(String name) {
        Shutdown s = new Shutdown(name);
        Runtime.getRuntime().addShutdownHook(s.hook);
        return s;
    }

    /** Closes this on exit; things registered later are closed earlier. */
    public <T extends AutoCloseable> T onExit(T closeable) {
        closeables.add(closeable);
        return closeable;
    }

    /** Blocks until the shutdown hook has closed everything (or the thread is interrupted). */
    public void await() {
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closes everything now (without waiting for a signal), e.g. when the main thread ends on its own. */
    public void closeNow() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or ran: it closes everything
        }
        closeAll();
    }

    private void closeAll() {
        List<AutoCloseable> toClose;
        synchronized (closeables) {
            toClose = new ArrayList<>(closeables);
            closeables.clear();
        }
        Collections.reverse(toClose);
        for (AutoCloseable c : toClose) {
            try {
                c.close();
            } catch (Exception e) {
                log.warn("{}: closing {} failed", name, c, e);
            }
        }
        stopLogging();
        done.countDown();
    }

    /**
     * Flushes and stops log4j, the very last step. Our runtime log4j2 configs disable log4j's own shutdown hook
     * ({@code shutdownHook="disable"}) because it ran concurrently with this one and stopped logging while the
     * services were still logging their stop; so it is stopped here instead. Only when log4j-core is on the class
     * path: pipeline-common itself does not depend on log4j, hence reflection.
     */
    private void stopLogging() {
        ClassLoader loader = Shutdown.class.getClassLoader();
        try {
            Class.forName("org.apache.logging.log4j.core.LoggerContext", false, loader);
            // the context of this class loader, named explicitly: LogManager.shutdown() finds its context by its
            // caller's loader, and called by reflection that caller is the JDK's accessor, whose context may not
            // be ours (then nothing was stopped)
            Class<?> logManager = Class.forName("org.apache.logging.log4j.LogManager", true, loader);
            Class<?> context = Class.forName("org.apache.logging.log4j.spi.LoggerContext", true, loader);
            Object ours = logManager.getMethod("getContext", ClassLoader.class, boolean.class).invoke(null, loader, false);
            logManager.getMethod("shutdown", context).invoke(null, ours);
        } catch (ClassNotFoundException noLog4jCore) {
            // another slf4j binding (or none): nothing to stop
        } catch (ReflectiveOperationException | LinkageError e) {
            System.err.println(name + ": could not stop log4j: " + e);
        }
    }
}
