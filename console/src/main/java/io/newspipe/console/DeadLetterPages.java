package io.newspipe.console;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** The dead-letter pages: the list with a re-drive form, and one letter's headers and bytes. */
final class DeadLetterPages {

    static final int DEFAULT_MAX = 100;
    static final int MAX = 2000;
    /** Bytes of a value shown as hex and as text; the rest is summarised. */
    static final int SHOWN_BYTES = 4096;

    private DeadLetterPages() {
    }

    static String list(List<OperatorActions.DeadLetterRow> letters, int max, String errorTopic) {
        StringBuilder b = new StringBuilder();
        b.append("<p class=\"meta\">The ").append(letters.size()).append(" newest dead letters of <code>")
                .append(Html.esc(errorTopic)).append("</code> (at most ").append(max)
                .append("; <a href=\"/dead-letters?max=").append(Math.min(MAX, max * 2)).append("\">show more</a>), ")
                .append("newest first, as <code>./newspipe dlq list</code> reads them.</p>");
        if (letters.isEmpty()) {
            return b.append("<p>No dead letters.</p>").toString();
        }
        b.append("<form method=\"post\" action=\"/dead-letters/redrive\" id=\"redrive-form\">")
                .append("<fieldset><legend>Re-drive</legend><p>Re-driving works by article id, as ")
                .append("<code>./newspipe dlq replay --ids</code> does: every dead letter of a selected id that was ")
                .append("not re-driven yet is sent back once.</p>")
                .append("<label for=\"stage\">Stage</label> <select id=\"stage\" name=\"stage\">")
                .append("<option value=\"\">enrich and publish</option><option value=\"enrich\">enrich only</option>")
                .append("<option value=\"publish\">publish only</option></select> ")
                .append("<label class=\"inline\"><input type=\"checkbox\" name=\"all\" value=\"yes\"> all ids, not only ")
                .append("the selected</label> ")
                .append("<button type=\"submit\" name=\"action\" value=\"dry-run\">Dry run</button> ")
                .append("<button type=\"submit\" name=\"action\" value=\"start\" class=\"primary\">Re-drive selected")
                .append("</button></fieldset>");
        b.append("<table class=\"dead-letters\"><thead><tr><th scope=\"col\">Select</th>")
                .append("<th scope=\"col\">Dead letter</th><th scope=\"col\">Article id</th><th scope=\"col\">Stage")
                .append("</th><th scope=\"col\">Kind</th><th scope=\"col\">Reason</th><th scope=\"col\">Failed at")
                .append("</th><th scope=\"col\">Read from</th><th scope=\"col\">Re-driven</th></tr></thead><tbody>");
        for (int i = letters.size() - 1; i >= 0; i--) {
            OperatorActions.DeadLetterRow d = letters.get(i);
            String checkboxId = "dl-" + i;
            b.append("<tr data-position=\"").append(Html.esc(d.position())).append("\"><td>");
            if (d.key() == null) {
                b.append("<span class=\"meta\">no key</span>");
            } else {
                b.append("<input type=\"checkbox\" name=\"id\" id=\"").append(checkboxId).append("\" value=\"")
                        .append(Html.esc(d.key())).append("\"><label class=\"visually-hidden\" for=\"")
                        .append(checkboxId).append("\">Select ").append(Html.esc(d.key())).append("</label>");
            }
            b.append("</td><td><a href=\"/dead-letters/").append(Html.esc(Html.url(d.topic()))).append('/')
                    .append(d.partition()).append('/').append(d.offset()).append("\">").append(Html.esc(d.position()))
                    .append("</a></td><td><code>").append(Html.orDash(d.key())).append("</code></td><td>")
                    .append(Html.orDash(d.stage())).append("</td><td>").append(Html.orDash(d.kind()))
                    .append("</td><td class=\"reason\">").append(Html.orDash(PipelineMonitor.abbreviate(d.why(), 200)))
                    .append("</td><td>").append(Html.orDash(d.failedAt())).append("</td><td>")
                    .append(d.originTopic() == null ? "—" : Html.esc(d.originTopic() + "-" + d.originPartition() + "@"
                            + d.originOffset()))
                    .append("</td><td>").append(d.redriven() ? "yes" + (d.redrivenTo() == null ? ""
                            : " <span class=\"meta\">(" + Html.esc(d.redrivenTo()) + ")</span>") : "no")
                    .append("</td></tr>");
        }
        return b.append("</tbody></table></form>").toString();
    }

    static String letter(String position, Optional<ConsumerRecord<byte[], byte[]>> found) {
        if (found.isEmpty()) {
            return Layout.notice("error", "No record at " + Html.esc(position) + " (past the end, or removed by "
                    + "retention).");
        }
        ConsumerRecord<byte[], byte[]> r = found.get();
        String key = r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
        StringBuilder b = new StringBuilder();
        b.append("<dl class=\"facts\"><dt>Position</dt><dd>").append(Html.esc(position)).append("</dd>")
                .append("<dt>Key</dt><dd><code>").append(Html.orDash(key)).append("</code></dd>")
                .append("<dt>Timestamp</dt><dd>").append(Html.timeMillis(r.timestamp())).append("</dd>")
                .append("<dt>Value</dt><dd>").append(r.value() == null ? "null" : r.value().length + " bytes")
                .append("</dd></dl>");
        if (key != null) {
            b.append("<form method=\"post\" action=\"/dead-letters/redrive\"><input type=\"hidden\" name=\"id\" ")
                    .append("value=\"").append(Html.esc(key)).append("\"><p>Re-drive the dead letters of <code>")
                    .append(Html.esc(key)).append("</code>: <button type=\"submit\" name=\"action\" value=\"dry-run\">")
                    .append("Dry run</button> <button type=\"submit\" name=\"action\" value=\"start\" ")
                    .append("class=\"primary\">Re-drive</button></p></form>");
        }
        b.append("<h2>Headers</h2><table class=\"headers\"><thead><tr><th scope=\"col\">Name</th>")
                .append("<th scope=\"col\">Value</th></tr></thead><tbody>");
        for (Header h : r.headers()) {
            b.append("<tr><th scope=\"row\"><code>").append(Html.esc(h.key())).append("</code></th><td><pre>")
                    .append(h.value() == null ? "null" : Html.esc(new String(h.value(), StandardCharsets.UTF_8)))
                    .append("</pre></td></tr>");
        }
        b.append("</tbody></table>");
        if (r.value() != null) {
            int shown = Math.min(SHOWN_BYTES, r.value().length);
            b.append("<h2>Value as text</h2><pre class=\"bytes\">")
                    .append(Html.esc(new String(r.value(), 0, shown, StandardCharsets.UTF_8))).append("</pre>")
                    .append("<h2>Value as bytes</h2><pre class=\"bytes\">").append(hexDump(r.value(), shown))
                    .append("</pre>");
            if (shown < r.value().length) {
                b.append("<p class=\"meta\">First ").append(shown).append(" of ").append(r.value().length)
                        .append(" bytes shown.</p>");
            }
        }
        return b.toString();
    }

    /** Offset, 16 bytes in hex, the printable ASCII of them: the usual dump. */
    static String hexDump(byte[] bytes, int length) {
        StringBuilder b = new StringBuilder();
        for (int row = 0; row < length; row += 16) {
            b.append(String.format("%08x  ", row));
            StringBuilder ascii = new StringBuilder();
            for (int i = row; i < row + 16; i++) {
                if (i < length) {
                    b.append(String.format("%02x ", bytes[i] & 0xff));
                    char c = (char) (bytes[i] & 0xff);
                    ascii.append(c >= 0x20 && c < 0x7f ? c : '.');
                } else {
                    b.append("   ");
                }
            }
            b.append(' ').append(Html.esc(ascii)).append('\n');
        }
        return b.toString();
    }
}
