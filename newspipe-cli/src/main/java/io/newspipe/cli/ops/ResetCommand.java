package io.newspipe.cli.ops;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.kafka.clients.admin.Admin;

import io.newspipe.common.PipelineConfig;
import io.newspipe.common.ServiceDefaults;
import io.newspipe.common.StreamsReset;
import io.newspipe.enrich.EnrichService;
import io.newspipe.publish.PublishService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./newspipe reset enrich|publish}: make a stopped Streams service reprocess its inputs from the beginning on
 * its next start ({@link StreamsReset}: input offsets to the earliest, internal topics and local state removed).
 * Publish only with {@code --force}: its store numbers revisions and holds back unchanged content, so after a reset it
 * publishes every article again, as revision 1, on the public topics.
 */
@Command(name = "reset", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Make a stopped Streams service (enrich or publish) reprocess its inputs from the beginning: "
                + "its committed input offsets go back to the earliest, its internal topics and its local state "
                + "directory are deleted. Refused while any instance of it runs. Output topics are not touched.",
            "",
            "Run it on every host that ran an instance (with that host's --state-dir).",
            "",
            "Examples:",
            "  ./newspipe reset enrich --state-dir .newspipe/state/enrich",
            "  ./newspipe reset publish --force     # re-publishes every article as a new revision 1",
            ""})
public final class ResetCommand implements Callable<Integer> {

    static final Map<String, ServiceDefaults> SERVICES =
            Map.of("enrich", EnrichService.DEFAULTS, "publish", PublishService.DEFAULTS);

    @Parameters(index = "0", paramLabel = "SERVICE", description = "enrich or publish.")
    String service;

    @Option(names = "--force", description = "Reset publish too, although its output is public (see above).")
    boolean force;

    /** --application-id and --state-dir name the service's group and local state, as they do for the service. */
    @Mixin
    OperatorOptions connection = OperatorOptions.forStreamsService();

    @Spec
    CommandSpec spec;

    Map<String, String> env = System.getenv();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ServiceDefaults defaults = SERVICES.get(service);
        if (defaults == null) {
            err.println("newspipe reset: " + service + " is not a Streams service; enrich or publish");
            return 2;
        }
        if (service.equals("publish") && !force) {
            err.println("newspipe reset: refusing to reset publish without --force: its output is public, and after "
                    + "a reset it publishes every article again as revision 1 (use ./newspipe replay to re-enrich)");
            return 1;
        }
        PipelineConfig config = connection.toConfig(env, defaults);
        try (Admin admin = Admin.create(config.kafkaProperties())) {
            StreamsReset.Result r = StreamsReset.reset(admin, config.applicationId(), config.stateDir());
            out.println("Reset " + config.applicationId() + ": " + r.offsets().size() + " input partition(s) back to "
                    + "the earliest offset, internal topics deleted " + r.deletedTopics() + ", local state "
                    + r.stateDir() + (r.stateDeleted() ? " removed" : " absent") + ".");
            out.println("Its next start reprocesses " + String.join(", ", r.offsets().keySet().stream()
                    .map(org.apache.kafka.common.TopicPartition::topic).distinct().sorted().toList())
                    + " from the beginning.");
            return 0;
        } catch (StreamsReset.RefusedException | IllegalStateException e) {
            err.println("newspipe reset: " + e.getMessage());
            return 1;
        }
    }
}
