package io.newspipe.console;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Consumer;

/**
 * Re-drives and replays started from the console, run one at a time on a thread of their own (a browser request
 * only starts one and is redirected to its page), with their progress line and output. The last {@link #KEEP} runs
 * are kept; older ones are forgotten.
 */
public final class ActionRuns implements AutoCloseable {

    static final int KEEP = 20;

    public enum State { QUEUED, RUNNING, DONE, FAILED }

    /** A run as the page shows it. {@code replay} is set for replays, so a dry run can be started for real. */
    public record Run(long id, String title, OperatorActions.ReplayRequest replay,
            OperatorActions.RedriveRequest redrive, State state, String progress, OperatorActions.Outcome outcome,
            Instant started, Instant finished) {

        public boolean dryRun() {
            return replay != null ? replay.dryRun() : redrive.dryRun();
        }
    }

    private final Clock clock;
    private final ExecutorService executor;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Run> runs = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Run> eldest) {
            return size() > KEEP;
        }
    });

    public ActionRuns(Clock clock) {
        this.clock = clock;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "console-actions");
            t.setDaemon(true);
            return t;
        });
    }

    public Run replay(OperatorActions actions, OperatorActions.ReplayRequest request) {
        String title = (request.dryRun() ? "Dry run of a replay" : "Replay") + describe(request);
        return start(new Run(ids.incrementAndGet(), title, request, null, State.QUEUED, "", null, clock.instant(),
                null), progress -> actions.replay(request, progress));
    }

    public Run redrive(OperatorActions actions, OperatorActions.RedriveRequest request) {
        String title = (request.dryRun() ? "Dry run of a re-drive" : "Re-drive of dead letters")
                + (request.ids().isEmpty() ? "" : " for " + String.join(", ", request.ids()))
                + (request.stage() == null ? "" : " (stage " + request.stage() + ")");
        return start(new Run(ids.incrementAndGet(), title, null, request, State.QUEUED, "", null, clock.instant(),
                null), progress -> actions.redrive(request, progress));
    }

    private Run start(Run run, Function<Consumer<String>, OperatorActions.Outcome> action) {
        runs.put(run.id(), run);
        executor.submit(() -> {
            update(run.id(), r -> with(r, State.RUNNING, r.progress(), null, null));
            try {
                OperatorActions.Outcome outcome = action.apply(line ->
                        update(run.id(), r -> with(r, State.RUNNING, line, null, null)));
                update(run.id(), r -> with(r, outcome.ok() ? State.DONE : State.FAILED, r.progress(), outcome,
                        clock.instant()));
            } catch (RuntimeException e) {
                update(run.id(), r -> with(r, State.FAILED, r.progress(),
                        new OperatorActions.Outcome(1, "", String.valueOf(e.getMessage())), clock.instant()));
            }
        });
        return run;
    }

    private static Run with(Run r, State state, String progress, OperatorActions.Outcome outcome, Instant finished) {
        return new Run(r.id(), r.title(), r.replay(), r.redrive(), state, progress, outcome, r.started(), finished);
    }

    private void update(long id, java.util.function.UnaryOperator<Run> change) {
        runs.computeIfPresent(id, (k, r) -> change.apply(r));
    }

    public Optional<Run> get(long id) {
        return Optional.ofNullable(runs.get(id));
    }

    /** Newest first. */
    public List<Run> recent() {
        List<Run> all;
        synchronized (runs) {
            all = new ArrayList<>(runs.values());
        }
        Collections.reverse(all);
        return all;
    }

    static String describe(OperatorActions.ReplayRequest r) {
        List<String> parts = new ArrayList<>();
        if (r.from() != null) {
            parts.add("from " + r.from());
        }
        if (r.to() != null) {
            parts.add("to " + r.to());
        }
        if (!r.ids().isEmpty()) {
            parts.add("ids " + String.join(", ", r.ids()));
        }
        return parts.isEmpty() ? "" : " " + String.join(", ", parts);
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
