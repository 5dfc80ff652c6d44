package io.newspipe.console;

import java.util.List;

/** The replay form and the pages of runs (re-drives and replays started here) with their progress. */
final class ReplayPages {

    private ReplayPages() {
    }

    static String form(String timeFormats, String from, String to, String ids) {
        return "<p>Re-enrich articles after an extractor change, as <code>./newspipe replay</code> does: the latest "
                + "raw record of each selected article is copied to the replay topic; enrich reads it again and "
                + "publish makes a new revision only where the result changed. A dry run counts them first.</p>"
                + "<form method=\"post\" action=\"/replay\" class=\"replay\"><fieldset><legend>Articles</legend>"
                + "<p class=\"meta\" id=\"time-help\">" + Html.esc(timeFormats) + ".</p>"
                + "<p><label for=\"from\">From</label> <input type=\"text\" id=\"from\" name=\"from\" value=\""
                + Html.esc(from) + "\" placeholder=\"-2h\" aria-describedby=\"time-help\"></p>"
                + "<p><label for=\"to\">To (optional)</label> <input type=\"text\" id=\"to\" name=\"to\" value=\""
                + Html.esc(to) + "\" aria-describedby=\"time-help\"></p>"
                + "<p><label for=\"ids\">Article ids (optional; comma or line separated)</label><br>"
                + "<textarea id=\"ids\" name=\"ids\" rows=\"3\" cols=\"60\">" + Html.esc(ids) + "</textarea></p>"
                + "<p><button type=\"submit\" name=\"action\" value=\"dry-run\" class=\"primary\">Dry run</button>"
                + "</p></fieldset></form>";
    }

    static String runs(List<ActionRuns.Run> runs) {
        if (runs.isEmpty()) {
            return "<p>No re-drive or replay was started from this console since it started.</p>";
        }
        StringBuilder b = new StringBuilder("<table><thead><tr><th scope=\"col\">Run</th><th scope=\"col\">What</th>")
                .append("<th scope=\"col\">State</th><th scope=\"col\">Started</th></tr></thead><tbody>");
        for (ActionRuns.Run r : runs) {
            b.append("<tr><td><a href=\"/runs/").append(r.id()).append("\">#").append(r.id()).append("</a></td><td>")
                    .append(Html.esc(r.title())).append("</td><td>").append(r.state()).append("</td><td>")
                    .append(Html.time(r.started())).append("</td></tr>");
        }
        return b.append("</tbody></table>").toString();
    }

    static String run(ActionRuns.Run r) {
        boolean finished = r.state() == ActionRuns.State.DONE || r.state() == ActionRuns.State.FAILED;
        StringBuilder b = new StringBuilder();
        b.append("<div id=\"run\" data-run=\"").append(r.id()).append("\" data-state=\"").append(r.state())
                .append("\"><dl class=\"facts\"><dt>State</dt><dd id=\"run-state\">").append(r.state())
                .append("</dd><dt>Started</dt><dd>").append(Html.time(r.started())).append("</dd>");
        if (r.finished() != null) {
            b.append("<dt>Finished</dt><dd>").append(Html.time(r.finished())).append("</dd>");
        }
        b.append("</dl><p id=\"run-progress\" role=\"status\" aria-live=\"polite\">")
                .append(Html.esc(r.progress().isEmpty() ? (finished ? "" : "Starting…") : r.progress()))
                .append("</p>");
        if (r.outcome() != null) {
            if (!r.outcome().output().isBlank()) {
                b.append("<h2>Result</h2><pre id=\"run-output\">").append(Html.esc(r.outcome().output().strip()))
                        .append("</pre>");
            }
            if (!r.outcome().errors().isBlank()) {
                b.append("<h2>Messages</h2><pre id=\"run-errors\"").append(r.outcome().ok() ? "" : " role=\"alert\"")
                        .append('>').append(Html.esc(r.outcome().errors().strip())).append("</pre>");
            }
        }
        if (r.state() == ActionRuns.State.DONE && r.dryRun()) {
            b.append(startForm(r));
        }
        return b.append("</div>").toString();
    }

    /** After a successful dry run: the same request, for real. */
    private static String startForm(ActionRuns.Run r) {
        StringBuilder b = new StringBuilder();
        if (r.replay() != null) {
            OperatorActions.ReplayRequest q = r.replay();
            b.append("<form method=\"post\" action=\"/replay\">").append(hidden("from", q.from()))
                    .append(hidden("to", q.to())).append(hidden("ids", String.join(",", q.ids())))
                    .append("<button type=\"submit\" name=\"action\" value=\"start\" class=\"primary\">")
                    .append("Start this replay</button></form>");
        } else {
            OperatorActions.RedriveRequest q = r.redrive();
            b.append("<form method=\"post\" action=\"/dead-letters/redrive\">");
            q.ids().forEach(id -> b.append(hidden("id", id)));
            if (q.ids().isEmpty()) {
                b.append(hidden("all", "yes"));
            }
            b.append(hidden("stage", q.stage()))
                    .append("<button type=\"submit\" name=\"action\" value=\"start\" class=\"primary\">")
                    .append("Re-drive these now</button></form>");
        }
        return b.toString();
    }

    private static String hidden(String name, String value) {
        return value == null ? "" : "<input type=\"hidden\" name=\"" + name + "\" value=\"" + Html.esc(value) + "\">";
    }

    /** The run as JSON for the page's progress poll. */
    static String json(ActionRuns.Run r) {
        return "{\"id\":" + r.id() + ",\"state\":\"" + r.state() + "\",\"progress\":" + jsonString(r.progress())
                + "}";
    }

    static String jsonString(String s) {
        try {
            return ConsoleServer.JSON.writeValueAsString(s);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
