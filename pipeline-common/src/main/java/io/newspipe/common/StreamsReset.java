package io.newspipe.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.GroupNotEmptyException;
import org.apache.kafka.common.errors.UnknownMemberIdException;

/**
 * Makes a stopped Kafka Streams application reprocess its inputs from the beginning on its next start (bakdata
 * streams-bootstrap's reset, Kafka's {@code kafka-streams-application-reset}), with the Admin API: the committed
 * offsets of its input topics go back to each partition's earliest offset, its internal changelog and repartition
 * topics are deleted (with the group's offsets on them), and its local state directory is removed. Output topics are
 * left alone: they are contracts other services read. Refused while the consumer group has active members: a running
 * instance would commit its positions over the reset and rebuild its state from the old changelog.
 */
public final class StreamsReset {

    private static final long TIMEOUT_SECONDS = 30;

    /** The reset was not done, and nothing was changed; the message says why, for people. */
    public static final class RefusedException extends RuntimeException {

        RefusedException(String message) {
            super(message);
        }
    }

    /**
     * @param offsets       input partitions whose committed offset was moved, and where to
     * @param deletedTopics the internal topics deleted
     * @param stateDir      the local state directory, and whether it existed and was removed
     */
    public record Result(Map<TopicPartition, Long> offsets, List<String> deletedTopics, Path stateDir,
            boolean stateDeleted) {
    }

    private StreamsReset() {
    }

    /**
     * Resets the application. Run it on every host that ran an instance (with that host's state directory), or the
     * others rebuild their stores from the (now deleted and recreated) changelog on their own.
     *
     * @param stateDir the Streams {@code state.dir}; the application's directory in it is removed
     * @throws RefusedException when an instance of the application is running
     */
    public static Result reset(Admin admin, String applicationId, Path stateDir) {
        refuseWhileActive(admin, applicationId);
        Map<TopicPartition, OffsetAndMetadata> committed = call("list the offsets of group " + applicationId,
                () -> admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata()
                        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        Map<TopicPartition, Long> earliest = earliest(admin, committed.keySet().stream()
                .filter(tp -> !isInternalTopic(applicationId, tp.topic())).collect(Collectors.toSet()));
        Set<TopicPartition> internalOffsets = committed.keySet().stream()
                .filter(tp -> isInternalTopic(applicationId, tp.topic())).collect(Collectors.toSet());
        try {
            if (!earliest.isEmpty()) {
                Map<TopicPartition, OffsetAndMetadata> to = new HashMap<>();
                earliest.forEach((tp, offset) -> to.put(tp, new OffsetAndMetadata(offset)));
                admin.alterConsumerGroupOffsets(applicationId, to).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
            if (!internalOffsets.isEmpty()) {
                admin.deleteConsumerGroupOffsets(applicationId, internalOffsets).all()
                        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UnknownMemberIdException || cause instanceof GroupNotEmptyException) {
                throw new RefusedException(applicationId + " started while it was being reset; stop every instance "
                        + "and run the reset again");
            }
            throw failure("reset the offsets of group " + applicationId, e);
        } catch (TimeoutException | InterruptedException e) {
            throw failure("reset the offsets of group " + applicationId, e);
        }
        List<String> internalTopics = call("list topics", () -> admin.listTopics().names()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).stream()
                .filter(t -> isInternalTopic(applicationId, t)).sorted().toList();
        if (!internalTopics.isEmpty()) {
            call("delete the internal topics of " + applicationId,
                    () -> admin.deleteTopics(internalTopics).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        }
        Path appState = stateDir.resolve(applicationId);
        boolean stateDeleted = deleteRecursively(appState);
        return new Result(earliest, internalTopics, appState, stateDeleted);
    }

    /** Kafka Streams names internal topics {@code <application.id>-<name>-changelog|-repartition}. */
    static boolean isInternalTopic(String applicationId, String topic) {
        return topic.startsWith(applicationId + "-")
                && (topic.endsWith("-changelog") || topic.endsWith("-repartition"));
    }

    private static void refuseWhileActive(Admin admin, String applicationId) {
        ConsumerGroupDescription group;
        try {
            group = admin.describeConsumerGroups(List.of(applicationId)).all()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(applicationId);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return;
            }
            throw failure("describe group " + applicationId, e);
        } catch (TimeoutException | InterruptedException e) {
            throw failure("describe group " + applicationId, e);
        }
        if (group != null && !group.members().isEmpty()) {
            String members = group.members().stream().map(m -> m.clientId() + "@" + m.host()).sorted()
                    .collect(Collectors.joining(", "));
            throw new RefusedException(applicationId + " is running: its consumer group has " + group.members().size()
                    + " active member(s) (" + members + "); stop every instance first");
        }
    }

    private static Map<TopicPartition, Long> earliest(Admin admin, Set<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> query = new HashMap<>();
        partitions.forEach(tp -> query.put(tp, OffsetSpec.earliest()));
        Map<TopicPartition, ListOffsetsResultInfo> found = call("list the earliest offsets of the inputs",
                () -> admin.listOffsets(query).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        found.forEach((tp, info) -> offsets.put(tp, info.offset()));
        return offsets;
    }

    private static boolean deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return false;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove the local state " + dir, e);
        }
    }

    private interface AdminCall<T> {
        T get() throws ExecutionException, TimeoutException, InterruptedException;
    }

    private static <T> T call(String what, AdminCall<T> call) {
        try {
            return call.get();
        } catch (ExecutionException | TimeoutException | InterruptedException e) {
            throw failure(what, e);
        }
    }

    private static IllegalStateException failure(String what, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        String why = cause instanceof TimeoutException ? "no answer within " + TIMEOUT_SECONDS + " s"
                : String.valueOf(cause.getMessage());
        return new IllegalStateException("Cannot " + what + ": " + why, cause);
    }
}
