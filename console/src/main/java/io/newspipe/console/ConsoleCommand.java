package io.newspipe.console;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;

import io.newspipe.common.ApiToken;
import io.newspipe.common.CommonOptions;
import io.newspipe.common.PipelineConfig;
import io.newspipe.common.ServiceDefaults;
import io.newspipe.common.Shutdown;
import io.newspipe.enrich.EnrichService;
import io.newspipe.ingest.IngestService;
import io.newspipe.publish.PublishService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code newspipe service console [flags]}: the operator console in the foreground until SIGTERM / Ctrl-C. Takes the
 * services' shared flags (Kafka, registry, topic names, {@code --http-port} = the console's port, 8090 by default).
 */
@Command(name = "console", mixinStandardHelpOptions = true,
        description = {"The operator console (HTTP, port 8090 by default): pipeline health and lag, records/s, "
                + "articles with their extractions highlighted, revision diffs, dead letters with re-drive, replay.",
            "Protected by the ingest token (" + ApiToken.ENV + " or --api-token) when one is set."})
public final class ConsoleCommand implements Callable<Integer> {

    public static final String NAME = "console";
    public static final String SERVICES_ENV = "NEWSPIPE_CONSOLE_SERVICES";
    public static final String LAG_GROUPS_ENV = "NEWSPIPE_CONSOLE_LAG_GROUPS";
    public static final ServiceDefaults DEFAULTS =
            new ServiceDefaults("newspipe-console", ConsoleSettings.DEFAULT_PORT);

    @Mixin
    CommonOptions common;

    @Option(names = "--api-token", paramLabel = "TOKEN",
            description = "Token people and scripts must show. Env: " + ApiToken.ENV + " (formerly "
                    + ApiToken.DEPRECATED_ENV + "). Default: none (open; bind to 127.0.0.1).")
    String apiToken;

    @Option(names = "--service", paramLabel = "NAME=URL",
            description = "A service whose /health/ready the pipeline page shows; repeatable. Env: " + SERVICES_ENV
                    + " (comma-separated). Default: ingest, enrich and publish on 127.0.0.1 at their default ports.")
    Map<String, String> services = new LinkedHashMap<>();

    @Option(names = "--lag-group", paramLabel = "GROUP",
            description = "Consumer group / Streams application id whose lag to show; repeatable. Env: "
                    + LAG_GROUPS_ENV + " (comma-separated). Default: the enrich and publish application ids.")
    List<String> lagGroups = new ArrayList<>();

    @Option(names = "--max-indexed-articles", paramLabel = "N",
            description = "Articles the console's index keeps in memory. Default: 20000.")
    int maxIndexedArticles = ConsoleSettings.DEFAULT_MAX_ARTICLES;

    @Spec
    CommandSpec spec;

    private final Function<PipelineConfig, OperatorActions> actions;
    Map<String, String> env = System.getenv();

    /** @param actions builds the dead-letter and replay actions for the console's config (newspipe-cli's). */
    public ConsoleCommand(Function<PipelineConfig, OperatorActions> actions) {
        this.actions = actions;
    }

    @Override
    public Integer call() {
        ConsoleSettings settings = settings();
        Shutdown shutdown = Shutdown.install(NAME);
        shutdown.onExit(new ConsoleServer(settings, actions.apply(settings.config()), StoryLinks.BY_STORY_ID,
                Clock.systemUTC()).start());
        shutdown.await();
        return 0;
    }

    ConsoleSettings settings() {
        PipelineConfig config = common.toConfig(env, DEFAULTS);
        String token = apiToken != null ? apiToken : ApiToken.fromEnvironment(env).orElse(null);
        if (maxIndexedArticles < 1) {
            throw new ParameterException(spec.commandLine(), "--max-indexed-articles must be at least 1");
        }
        return ConsoleSettings.of(config, serviceUrls(), groups(), token).withMaxArticles(maxIndexedArticles);
    }

    private Map<String, URI> serviceUrls() {
        Map<String, String> given = new LinkedHashMap<>(services);
        if (given.isEmpty() && env.get(SERVICES_ENV) != null) {
            for (String pair : env.get(SERVICES_ENV).split(",")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new ParameterException(spec.commandLine(), SERVICES_ENV + ": '" + pair
                            + "' is not NAME=URL");
                }
                given.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
        }
        if (given.isEmpty()) {
            given.put("ingest", "http://127.0.0.1:" + IngestService.DEFAULTS.httpPort() + "/");
            given.put("enrich", "http://127.0.0.1:" + EnrichService.DEFAULTS.httpPort() + "/");
            given.put("publish", "http://127.0.0.1:" + PublishService.DEFAULTS.httpPort() + "/");
        }
        Map<String, URI> out = new LinkedHashMap<>();
        given.forEach((name, url) -> {
            try {
                URI u = URI.create(url.endsWith("/") ? url : url + "/");
                if (u.getScheme() == null || u.getHost() == null) {
                    throw new IllegalArgumentException("no scheme or host");
                }
                out.put(name, u);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--service " + name + "=" + url
                        + ": not an http URL (" + e.getMessage() + ")");
            }
        });
        return out;
    }

    private List<String> groups() {
        List<String> out = new ArrayList<>(lagGroups);
        if (out.isEmpty() && env.get(LAG_GROUPS_ENV) != null) {
            for (String g : env.get(LAG_GROUPS_ENV).split(",")) {
                if (!g.isBlank()) {
                    out.add(g.strip());
                }
            }
        }
        if (out.isEmpty()) {
            out.add(EnrichService.DEFAULTS.applicationId());
            out.add(PublishService.DEFAULTS.applicationId());
        }
        return out;
    }
}
