package io.newspipe.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Ingest refuses to start open to anyone unless told it is a local test. */
class IngestCommandTest {

    @Test
    void givenNoTokenAndNoLocalTestFlag_whenStarted_thenItRefusesWithExitTwoNamingBothWaysOut() {
        assumeTrue(System.getenv(IngestCommand.API_TOKEN_ENV) == null
                && System.getenv(IngestCommand.ALLOW_OPEN_API_ENV) == null, "the test JVM's environment is clean");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        int code;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = IngestCommand.execute("--bootstrap-servers", "127.0.0.1:1", "--http-port", "0");
        } finally {
            System.setErr(original);
        }

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(IngestCommand.API_TOKEN_ENV)
                .contains("--allow-open-api").contains(IngestCommand.ALLOW_OPEN_API_ENV);
    }
}
