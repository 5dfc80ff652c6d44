package io.newspipe.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Ingest refuses to start open to anyone unless told it is a local test. */
class IngestCommandTest {

    @Test
    void givenNoTokenAndNoLocalTestFlag_whenStarted_thenItRefusesWithExitTwoNamingBothWaysOut() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        int code;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            IngestCommand command = new IngestCommand();
            command.env = java.util.Map.of(); // no token, whatever the test JVM's environment holds
            code = new picocli.CommandLine(command).execute("--bootstrap-servers", "127.0.0.1:1", "--http-port", "0");
        } finally {
            System.setErr(original);
        }

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(io.newspipe.common.ApiToken.ENV)
                .contains("--allow-open-api").contains(io.newspipe.common.ApiToken.ALLOW_OPEN_ENV);
    }
}
