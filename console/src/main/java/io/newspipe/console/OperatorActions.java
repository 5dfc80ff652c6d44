package io.newspipe.console;

import java.util.List;
import java.util.function.Consumer;

/**
 * The operator actions the console offers, done by the same code as the command line: listing dead letters
 * ({@code ./newspipe dlq list}), re-driving them ({@code ./newspipe dlq replay}) and replaying articles
 * ({@code ./newspipe replay}). The console module does not hold that code; {@code newspipe-cli} supplies this when
 * it starts the console ({@code ./newspipe service console}), so there is one implementation of each action.
 */
public interface OperatorActions {

    /** A dead letter as {@code dlq list --format json} reports it. */
    record DeadLetterRow(String topic, int partition, long offset, String key, String stage, String kind,
            String reason, String message, String exception, String originTopic, Integer originPartition,
            Long originOffset, String failedAt, boolean redriven, String redrivenTo) {

        public String position() {
            return topic + "-" + partition + "@" + offset;
        }

        /** The reason for people: newspipe's reason, else Kafka's exception message. */
        public String why() {
            return reason != null ? reason : message;
        }
    }

    /** @param ids article ids (dead-letter keys); empty for all. @param stage enrich, publish or null for both */
    record RedriveRequest(List<String> ids, String stage, boolean dryRun) {
        public RedriveRequest {
            ids = List.copyOf(ids);
        }
    }

    /** @param from and @param to as the CLI reads them ({@link #timeFormats()}); null when not given */
    record ReplayRequest(String from, String to, List<String> ids, boolean dryRun) {
        public ReplayRequest {
            ids = List.copyOf(ids);
        }
    }

    /** What the command printed; exit code 0 is success, 2 bad input, 1 a failure of Kafka or the environment. */
    record Outcome(int exitCode, String output, String errors) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    /** The newest {@code max} dead letters, newest last. */
    List<DeadLetterRow> deadLetters(int max);

    Outcome redrive(RedriveRequest request, Consumer<String> progress);

    Outcome replay(ReplayRequest request, Consumer<String> progress);

    /** The time formats replay accepts, for the form's hint. */
    String timeFormats();

    /** Thrown by {@link #deadLetters} when the list cannot be read (Kafka unreachable...). */
    final class ActionFailedException extends RuntimeException {
        public ActionFailedException(String message) {
            super(message);
        }
    }
}
