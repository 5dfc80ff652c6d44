package io.newspipe.cli;

import java.io.PrintWriter;

import io.newspipe.common.SettingOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/** The {@code ./newspipe} command: runs the stack, the services, and offline and operator commands. */
@Command(name = "newspipe", mixinStandardHelpOptions = true, versionProvider = Newspipe.Version.class,
        description = "newspipe: raw news text in, enriched Avro records out, over Kafka.",
        subcommands = {UpCommand.class, DemoCommand.class, ServiceCommand.class, IngestFilesCommand.class,
            TopicsCommand.class, TailCommand.class, ExtractCommand.class, StatusCommand.class,
            io.newspipe.cli.ops.ReplayCommand.class, io.newspipe.cli.ops.DlqCommand.class,
            io.newspipe.cli.ops.ResetCommand.class,
            io.newspipe.bench.BenchCommand.class, CommandLine.HelpCommand.class})
public final class Newspipe implements Runnable {

    @Spec
    CommandSpec spec;

    /** Without a command: usage on stderr, exit 2. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new ParameterException(spec.commandLine(), "Missing command");
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command line and returns its exit code (tests call this instead of {@link #main}). */
    static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cmd = new CommandLine(new Newspipe());
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setParameterExceptionHandler(Newspipe::handleParameterException);
        cmd.setExecutionExceptionHandler(SettingOptions.CONFIG_ERRORS);
        // 'service <name> ...': everything after the name belongs to the service's own command line
        cmd.getSubcommands().get("service").setStopAtPositional(true).setUnmatchedOptionsArePositionalParams(true);
        return cmd.execute(args);
    }

    private static int handleParameterException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        if (ex instanceof UnmatchedArgumentException unmatched && cmd.getParent() == null
                && !unmatched.getUnmatched().isEmpty() && !unmatched.getUnmatched().get(0).startsWith("-")) {
            String name = unmatched.getUnmatched().get(0);
            String available = String.join(", ", cmd.getSubcommands().keySet());
            err.println("newspipe: unknown command '" + name + "'. Commands: " + available
                    + ". Run './newspipe help' for details.");
            return 2;
        }
        if ("Missing command".equals(ex.getMessage())) {
            return 2;
        }
        err.println("newspipe: " + ex.getMessage());
        if (!UnmatchedArgumentException.printSuggestions(ex, err)) {
            err.println("Usage: see './newspipe " + qualifiedName(cmd) + "--help'");
        }
        return 2;
    }

    private static String qualifiedName(CommandLine cmd) {
        return cmd.getParent() == null ? "" : cmd.getCommandName() + " ";
    }

    /** The version from the jar manifest (absent when run from classes). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Newspipe.class.getPackage().getImplementationVersion();
            return new String[] {"newspipe " + (v == null ? "(development build)" : v)};
        }
    }
}
