package io.newspipe.cli;

import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.logging.log4j.core.config.Configurator;

import io.newspipe.cli.ops.CliOperatorActions;
import io.newspipe.common.SettingOptions;
import io.newspipe.console.ConsoleCommand;
import io.newspipe.ingest.IngestCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newspipe service ingest|enrich|publish [flags]}: one service in the foreground, by its own command line, so
 * flags and environment variables are exactly the service's. {@code up} runs each service this way in a child
 * process, and container images use it as their entry point.
 */
@Command(name = "service",
        description = {"Run one service in the foreground until Ctrl-C / SIGTERM: ingest, enrich, publish or console.",
            "Everything after the name goes to the service itself (e.g. --bootstrap-servers, --schema-registry-url,",
            "--state-dir, --http-port); './newspipe service enrich --help' lists them.",
            "Logs go to stdout at INFO; NEWSPIPE_LOG_FORMAT=json writes one JSON object per line, with the",
            "articleId of the record being processed in its context."})
final class ServiceCommand implements Callable<Integer> {

    static final List<String> SERVICES = List.of("ingest", "enrich", "publish");
    /** Every name 'service' runs: the pipeline's services and the operator console. */
    static final List<String> RUNNABLE = List.of("ingest", "enrich", "publish", ConsoleCommand.NAME);

    /** Picocli reads the service logging config from the classpath; the console gets INFO (docker-style). */
    static final String SERVICE_LOG_CONFIG = "log4j2-service.xml";
    /** The same as JSON lines, chosen with {@link #LOG_FORMAT_ENV}=json. */
    static final String SERVICE_JSON_LOG_CONFIG = "log4j2-service-json.xml";
    /** {@code text} (default) or {@code json}: how the services write their log to stdout. */
    static final String LOG_FORMAT_ENV = "NEWSPIPE_LOG_FORMAT";

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Parameters(index = "0", paramLabel = "SERVICE", description = "ingest, enrich, publish or console")
    String service;

    @Parameters(index = "1..*", paramLabel = "FLAG", description = "The service's own flags")
    List<String> serviceArgs = new ArrayList<>();

    @Override
    public Integer call() {
        CommandLine delegate = serviceCommandLine(service);
        if (delegate == null) {
            spec.commandLine().getErr().println("newspipe service: unknown service '" + service + "'; choose one of "
                    + String.join(", ", RUNNABLE));
            return 2;
        }
        String logConfig = serviceLogConfig(System.getenv(LOG_FORMAT_ENV));
        if (logConfig == null) {
            spec.commandLine().getErr().println("newspipe service: " + LOG_FORMAT_ENV + " must be text or json, was '"
                    + System.getenv(LOG_FORMAT_ENV) + "'");
            return 2;
        }
        useServiceLogging(logConfig);
        stopWhenParentIsGone(spec.commandLine().getErr());
        delegate.setOut(spec.commandLine().getOut());
        delegate.setErr(spec.commandLine().getErr());
        delegate.setCommandName("newspipe service " + service);
        delegate.setExecutionExceptionHandler(SettingOptions.CONFIG_ERRORS);
        return delegate.execute(serviceArgs.toArray(String[]::new));
    }

    /** The service's own picocli command, or null for an unknown name. */
    static CommandLine serviceCommandLine(String name) {
        return switch (name) {
            case "ingest" -> new CommandLine(new IngestCommand());
            // The enrich and publish commands are package-private nested classes; picocli instantiates them.
            case "enrich" -> new CommandLine(commandClass("io.newspipe.enrich.EnrichService$Cli"));
            case "publish" -> new CommandLine(commandClass("io.newspipe.publish.PublishService$Cli"));
            // the console's dead-letter and replay actions are this module's own commands
            case ConsoleCommand.NAME -> new CommandLine(new ConsoleCommand(CliOperatorActions::new));
            default -> null;
        };
    }

    private static Class<?> commandClass(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("The service command " + name + " is not on the class path", e);
        }
    }

    /**
     * A service started by 'up' stops (cleanly, through its shutdown hook) when 'up' is gone, even if 'up' was
     * killed with SIGKILL, so no orphan keeps the ports and the state directory.
     */
    private static void stopWhenParentIsGone(java.io.PrintWriter err) {
        String parent = System.getenv(io.newspipe.devstack.ChildService.PARENT_PID_ENV);
        if (parent == null || parent.isBlank()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(parent.strip());
        } catch (NumberFormatException e) {
            return;
        }
        var handle = ProcessHandle.of(pid);
        Runnable exit = () -> {
            err.println("newspipe service: the parent process " + pid + " is gone; stopping");
            err.flush();
            System.exit(143);
        };
        if (handle.isEmpty()) {
            new Thread(exit, "parent-gone").start();
        } else {
            handle.get().onExit().thenRun(exit);
        }
    }

    /** The logging config for a {@link #LOG_FORMAT_ENV} value (unset or blank: text); null for an unknown one. */
    static String serviceLogConfig(String format) {
        if (format == null || format.isBlank() || format.strip().equalsIgnoreCase("text")) {
            return SERVICE_LOG_CONFIG;
        }
        return format.strip().equalsIgnoreCase("json") ? SERVICE_JSON_LOG_CONFIG : null;
    }

    static void useServiceLogging(String config) {
        if (System.getProperty("log4j2.configurationFile") != null
                || System.getProperty("log4j.configurationFile") != null) {
            return; // the operator chose a logging config
        }
        var url = ServiceCommand.class.getClassLoader().getResource(config);
        if (url != null) {
            try {
                Configurator.reconfigure(url.toURI());
            } catch (URISyntaxException e) {
                // keep the default configuration
            }
        }
    }
}
