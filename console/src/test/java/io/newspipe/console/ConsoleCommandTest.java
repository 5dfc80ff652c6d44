package io.newspipe.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.newspipe.enrich.EnrichService;
import io.newspipe.publish.PublishService;
import picocli.CommandLine;

class ConsoleCommandTest {

    private static ConsoleSettings parse(Map<String, String> env, String... args) {
        ConsoleCommand command = new ConsoleCommand(config -> null);
        command.env = env;
        new CommandLine(command).parseArgs(args);
        return command.settings();
    }

    @Test
    void givenNoFlags_thenPort8090TheServicesDefaultsAndTheIngestTokenFromTheEnvironment() {
        ConsoleSettings s = parse(Map.of(io.newspipe.common.ApiToken.ENV, "from-env"));

        assertThat(s.config().httpPort()).isEqualTo(8090);
        assertThat(s.apiToken()).isEqualTo("from-env");
        assertThat(s.services()).containsEntry("enrich", URI.create("http://127.0.0.1:8082/"))
                .containsEntry("ingest", URI.create("http://127.0.0.1:8080/"))
                .containsEntry("publish", URI.create("http://127.0.0.1:8083/"));
        assertThat(s.lagGroups()).containsExactly(EnrichService.DEFAULTS.applicationId(),
                PublishService.DEFAULTS.applicationId());
    }

    @Test
    void givenFlagsAndEnvironment_thenFlagsWinAndTheEnvironmentListsAreRead() {
        ConsoleSettings s = parse(Map.of(io.newspipe.common.ApiToken.ENV, "from-env",
                ConsoleCommand.SERVICES_ENV, "enrich-1=http://enrich-1:8082,enrich-2=http://enrich-2:8082",
                ConsoleCommand.LAG_GROUPS_ENV, "g1, g2"), "--api-token", "from-flag", "--http-port", "9000");

        assertThat(s.apiToken()).isEqualTo("from-flag");
        assertThat(s.config().httpPort()).isEqualTo(9000);
        assertThat(s.services()).containsOnlyKeys("enrich-1", "enrich-2");
        assertThat(s.lagGroups()).containsExactly("g1", "g2");
    }

    @Test
    void givenABusyPort_whenTheConsoleStarts_thenTheErrorNamesThePortAndTheFlag() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 50,
                java.net.InetAddress.getByName("127.0.0.1"))) {
            ConsoleSettings s = parse(Map.of(), "--http-port", String.valueOf(taken.getLocalPort()),
                    "--bootstrap-servers", "127.0.0.1:1");
            ConsoleServer server = new ConsoleServer(s, null, StoryLinks.NOT_YET, java.time.Clock.systemUTC());

            assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("127.0.0.1:" + taken.getLocalPort())
                    .hasMessageContaining("already in use").hasMessageContaining("--http-port");
        }
    }

    @Test
    void givenABadServiceUrl_thenTheFlagIsNamed() {
        assertThatThrownBy(() -> parse(Map.of(), "--service", "enrich=not a url"))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("--service enrich=not a url");
    }
}
