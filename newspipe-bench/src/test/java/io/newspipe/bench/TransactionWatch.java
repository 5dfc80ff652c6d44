package io.newspipe.bench;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;

/**
 * Prints, every few seconds, the broker's transactions that are not finished (state, age, partitions). Diagnostics
 * for the fault tests' output file: when a service hangs after a broker restart, this shows which transaction
 * holds its group's offsets, and in which state the coordinator left it.
 */
final class TransactionWatch implements AutoCloseable {

    private final Admin admin;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "transaction-watch");
        t.setDaemon(true);
        return t;
    });

    TransactionWatch(String bootstrapServers, long periodMs) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "4000");
        admin = Admin.create(p);
        timer.scheduleWithFixedDelay(this::print, periodMs, periodMs, TimeUnit.MILLISECONDS);
    }

    private void print() {
        try {
            List<String> open = admin.listTransactions().all().get(5, TimeUnit.SECONDS).stream()
                    .filter(t -> t.state() != TransactionState.COMPLETE_COMMIT
                            && t.state() != TransactionState.COMPLETE_ABORT && t.state() != TransactionState.EMPTY)
                    .map(TransactionListing::transactionalId).toList();
            if (open.isEmpty()) {
                System.out.println(Instant.now() + " transaction-watch: no open transactions");
                return;
            }
            Map<String, TransactionDescription> described =
                    admin.describeTransactions(open).all().get(5, TimeUnit.SECONDS);
            described.forEach((id, d) -> System.out.println(Instant.now() + " transaction-watch: " + id + " "
                    + d.state() + " producerId=" + d.producerId() + " epoch=" + d.producerEpoch() + " started="
                    + d.transactionStartTimeMs().stream().mapToObj(ms -> Instant.ofEpochMilli(ms).toString())
                            .findFirst().orElse("-")
                    + " timeoutMs=" + d.transactionTimeoutMs() + " partitions=" + d.topicPartitions()));
        } catch (Exception e) {
            System.out.println(Instant.now() + " transaction-watch: " + e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        admin.close(java.time.Duration.ofSeconds(2));
    }
}
