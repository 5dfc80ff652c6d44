package io.newspipe.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The entry point of one {@link KafkaCluster} node in its own JVM, so that killing the process (even with SIGKILL)
 * is a real broker failure. Arguments: {@code DATA_DIR NODE_ID PORT CONTROLLER_PORT VOTERS CLUSTER_ID SIZE}. Prints
 * {@value #READY_LINE} once the node answers clients. Stops cleanly on SIGTERM, and stops when its standard input
 * ends: the parent holds that pipe open, so a parent killed with SIGKILL takes its brokers with it instead of leaving
 * them running on the ports of the next start.
 */
public final class BrokerProcess {

    static final String READY_LINE = "newspipe.broker.ready";

    private BrokerProcess() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 7) {
            System.err.println("usage: BrokerProcess DATA_DIR NODE_ID PORT CONTROLLER_PORT VOTERS CLUSTER_ID SIZE");
            System.exit(2);
        }
        var membership = new EmbeddedKafkaBroker.Membership(Integer.parseInt(args[1]), args[4], args[5],
                Integer.parseInt(args[6]));
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(Path.of(args[0]), Integer.parseInt(args[2]),
                Integer.parseInt(args[3]), membership, Map.of());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.stop();
            stopped.countDown();
        }, "broker-stop"));
        Thread parentWatch = new Thread(() -> {
            try (InputStream in = System.in) {
                while (in.read() >= 0) {
                    // nothing is sent; the read returns -1 when the parent is gone
                }
            } catch (IOException e) {
                // the pipe broke: the parent is gone too
            }
            System.exit(0); // runs the shutdown hook
        }, "parent-watch");
        parentWatch.setDaemon(true);
        parentWatch.start();
        broker.start();
        System.out.println(READY_LINE + " node=" + membership.nodeId() + " bootstrap=" + broker.bootstrapServers());
        System.out.flush();
        stopped.await();
    }
}
