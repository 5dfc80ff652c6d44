package io.newspipe.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.newspipe.devstack.junit.DevStackExtension;

/**
 * The console's dead-letter list, re-drive and replay over HTTP, done by the command line's own commands (the same
 * code path as {@code ./newspipe dlq list|replay} and {@code ./newspipe replay}), on the real services.
 */
@ExtendWith(DevStackExtension.class)
class ConsoleActionsTest {

    private static RunningConsole c;

    @BeforeAll
    static void start(@TempDir Path stateDir) throws Exception {
        c = new RunningConsole("con-ops", stateDir);
    }

    @AfterAll
    static void stop() {
        if (c != null) {
            c.close();
        }
    }

    @Test
    void givenADeadLetter_whenTheListIsOpened_thenItShowsStageKindReasonAndWhereItWasRead() {
        String row = rawOriginRow();
        assertThat(row).contains("<td>enrich</td>").contains("<td>deserialization</td>")
                .contains("<code>" + RunningConsole.BROKEN_KEY + "</code>")
                .contains("name=\"id\"").contains("value=\"" + RunningConsole.BROKEN_KEY + "\"");
    }

    /** The list row of the dead letter enrich wrote when it read the broken record from the raw topic. */
    private static String rawOriginRow() {
        String html = c.get("/dead-letters").body();
        for (String row : html.split("<tr data-position=")) {
            String r = row.substring(0, Math.max(0, row.indexOf("</tr>")));
            if (r.contains("<code>" + RunningConsole.BROKEN_KEY + "</code>")
                    && r.contains(c.pipeline.topics().raw().name() + "-0@")) {
                return r;
            }
        }
        throw new AssertionError("no row of " + RunningConsole.BROKEN_KEY + " read from the raw topic in " + html);
    }

    @Test
    void givenASelectedDeadLetter_whenDryRunThenReDriven_thenItGoesBackOnceWithItsOrigin() throws Exception {
        assertThat(rawOriginRow()).contains("<td>no</td>");
        String dry = c.runToEnd("/dead-letters/redrive", "id=" + RunningConsole.BROKEN_KEY + "&action=dry-run");
        assertThat(dry).contains("data-state=\"DONE\"").contains("Dry run: would re-drive 1 of")
                .contains("Re-drive these now");

        String done = c.runToEnd("/dead-letters/redrive", "id=" + RunningConsole.BROKEN_KEY + "&action=start");

        assertThat(done).contains("data-state=\"DONE\"").contains("Re-drove 1 of");
        String replayTopic = c.pipeline.topics().replay().name();
        assertThat(c.records(replayTopic)).anySatisfy(r -> {
            assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo(RunningConsole.BROKEN_KEY);
            Header from = r.headers().lastHeader("newspipe.dlq.replayed-from");
            assertThat(from).isNotNull();
            assertThat(new String(from.value(), StandardCharsets.UTF_8))
                    .startsWith(c.pipeline.config().errorTopic() + "-0@");
        });
        assertThat(rawOriginRow()).contains("<td>yes <span class=\"meta\">(" + replayTopic);
        // a second re-drive of the same id finds nothing left to send
        assertThat(c.runToEnd("/dead-letters/redrive", "id=" + RunningConsole.BROKEN_KEY + "&action=dry-run"))
                .contains("already re-driven");
    }

    @Test
    void givenNoSelection_whenReDriveIsAsked_thenItIsRefusedWithTheReason() {
        var r = c.post("/dead-letters/redrive", "action=start");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("Select at least one dead letter");
    }

    @Test
    void givenAnArticleId_whenADryRunIsStartedThenTheReplay_thenTheCountComesFirstAndTheCopyAfter() throws Exception {
        String dry = c.runToEnd("/replay", "ids=" + c.articleId + "&action=dry-run");
        assertThat(dry).contains("data-state=\"DONE\"").contains("Dry run: would replay 1 article")
                .contains("Start this replay").contains("name=\"ids\" value=\"" + c.articleId + "\"");
        String replayTopic = c.pipeline.topics().replay().name();
        long before = c.records(replayTopic).stream()
                .filter(r -> c.articleId.equals(new String(r.key(), StandardCharsets.UTF_8))).count();
        assertThat(before).isZero();

        String done = c.runToEnd("/replay", "ids=" + c.articleId + "&action=start");

        assertThat(done).contains("data-state=\"DONE\"").contains("Replayed 1 article");
        assertThat(c.records(replayTopic)).filteredOn(r -> c.articleId.equals(new String(r.key(),
                StandardCharsets.UTF_8))).hasSize(1);
    }

    @Test
    void givenATimeTheCommandCannotRead_whenReplaying_thenTheRunFailsWithTheCommandsMessage() throws Exception {
        String page = c.runToEnd("/replay", "from=yesterday&action=dry-run");
        assertThat(page).contains("data-state=\"FAILED\"").contains("cannot read time &#39;yesterday&#39;");
        assertThat(c.get("/replay").body()).contains("relative (-30s, -15m, -2h, -1d, -1w)");
    }
}
