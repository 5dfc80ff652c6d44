package io.newspipe.console;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The pipeline page: services and their health, broker and registry, records/s per topic, consumer lag. */
final class PipelinePage {

    private PipelinePage() {
    }

    static String body(PipelineMonitor monitor, ArticleIndex.State index, Instant now) {
        PipelineMonitor.Status s = monitor.status();
        StringBuilder b = new StringBuilder();
        b.append("<p class=\"meta\">Sampled at <time>").append(Html.time(s.at())).append("</time>. ")
                .append("<label class=\"inline\"><input type=\"checkbox\" id=\"auto-refresh\" checked> Refresh every ")
                .append("5 s</label></p>");

        b.append("<section aria-labelledby=\"h-services\"><h2 id=\"h-services\">Services</h2>");
        if (s.services().isEmpty()) {
            b.append(Layout.notice("info", "No service URLs are configured (<code>--service NAME=URL</code>)."));
        } else {
            b.append("<table><thead><tr><th scope=\"col\">Service</th><th scope=\"col\">Health</th>")
                    .append("<th scope=\"col\">Address</th><th scope=\"col\">Detail</th></tr></thead><tbody>");
            for (PipelineMonitor.ServiceHealth h : s.services()) {
                b.append("<tr data-service=\"").append(Html.esc(h.name())).append("\"><th scope=\"row\">")
                        .append(Html.esc(h.name())).append("</th><td>").append(badge(h.up()))
                        .append(h.httpStatus() > 0 ? " <span class=\"meta\">HTTP " + h.httpStatus() + "</span>" : "")
                        .append("</td><td><a href=\"").append(Html.esc(h.url())).append("health/ready\">")
                        .append(Html.esc(h.url())).append("</a></td><td>").append(Html.esc(h.detail()))
                        .append("</td></tr>");
            }
            b.append("</tbody></table>");
        }
        b.append("</section>");

        b.append("<section aria-labelledby=\"h-infra\"><h2 id=\"h-infra\">Kafka and Schema Registry</h2><dl class=\"facts\">")
                .append("<dt>Broker</dt><dd data-component=\"broker\">").append(badge(s.broker().up())).append(' ')
                .append(Html.esc(s.broker().detail())).append("</dd>")
                .append("<dt>Schema Registry</dt><dd data-component=\"registry\">").append(badge(s.registry().up()))
                .append(' ').append(Html.esc(s.registry().detail())).append("</dd>")
                .append("<dt>Console article index</dt><dd>").append(plural(index.articles(), "article"))
                .append(" from ").append(plural(index.recordsRead(), "record")).append(index.caughtUp() ? "" : " (still reading)")
                .append(index.undecodable() > 0 ? ", " + index.undecodable() + " undecodable" : "")
                .append(index.dropped() > 0 ? ", " + index.dropped() + " dropped over the cap" : "")
                .append("</dd></dl></section>");

        RateHistory rates = monitor.rates();
        Duration window = Duration.ofMillis(monitor.rates().size() < 2 ? 60_000
                : Math.max(60_000, rateWindow(monitor)));
        b.append("<section aria-labelledby=\"h-rates\"><h2 id=\"h-rates\">Records per second</h2>")
                .append("<div class=\"chart\">").append(RateChart.svg(rates, window, now)).append("</div>")
                .append("<table class=\"rates\"><thead><tr><th scope=\"col\">Topic</th>")
                .append("<th scope=\"col\" class=\"num\">Records/s now</th>")
                .append("<th scope=\"col\" class=\"num\">End offset (all partitions)</th></tr></thead><tbody>");
        List<String> chartTopics = rates.topics();
        for (String topic : monitor.topics()) {
            Long end = s.endOffsets().get(topic);
            int colour = chartTopics.indexOf(topic);
            b.append("<tr><th scope=\"row\">");
            if (colour >= 0) {
                b.append("<svg class=\"swatch\" width=\"12\" height=\"12\" aria-hidden=\"true\"><rect width=\"12\" ")
                        .append("height=\"12\" fill=\"").append(RateChart.colour(colour)).append("\"/></svg> ");
            }
            b.append(Html.esc(topic)).append("</th><td class=\"num\">")
                    .append(end == null ? "—" : String.format(Locale.ROOT, "%.1f", rates.latest(topic)))
                    .append("</td><td class=\"num\">").append(end == null ? "no such topic yet" : end)
                    .append("</td></tr>");
        }
        b.append("</tbody></table></section>");

        b.append("<section aria-labelledby=\"h-lag\"><h2 id=\"h-lag\">Consumer lag</h2>");
        for (PipelineMonitor.GroupLag g : s.lag()) {
            b.append("<h3 data-group=\"").append(Html.esc(g.group())).append("\">").append(Html.esc(g.group()))
                    .append(" <span class=\"meta\">").append(Html.esc(g.state())).append(", ").append(g.members())
                    .append(" member").append(g.members() == 1 ? "" : "s").append(", lag ").append(g.total())
                    .append("</span></h3>");
            if (g.problem() != null) {
                b.append("<p>").append(Html.esc(g.problem())).append("</p>");
                continue;
            }
            b.append("<table><thead><tr><th scope=\"col\">Topic</th><th scope=\"col\" class=\"num\">Partition</th>")
                    .append("<th scope=\"col\" class=\"num\">Committed</th><th scope=\"col\" class=\"num\">End</th>")
                    .append("<th scope=\"col\" class=\"num\">Lag</th></tr></thead><tbody>");
            for (PipelineMonitor.PartitionLag p : g.partitions()) {
                b.append("<tr><td>").append(Html.esc(p.topic())).append("</td><td class=\"num\">")
                        .append(p.partition()).append("</td><td class=\"num\">").append(p.committed())
                        .append("</td><td class=\"num\">").append(p.end()).append("</td><td class=\"num")
                        .append(p.lag() > 0 ? " behind" : "").append("\">").append(p.lag()).append("</td></tr>");
            }
            b.append("</tbody></table>");
        }
        if (s.lag().isEmpty()) {
            b.append("<p>No groups sampled yet.</p>");
        }
        return b.append("</section>").toString();
    }

    private static long rateWindow(PipelineMonitor monitor) {
        // the chart spans what the ring holds (ten minutes at the defaults)
        return monitor.rates().size() * monitorInterval(monitor);
    }

    private static long monitorInterval(PipelineMonitor monitor) {
        return monitor.sampleEvery().toMillis();
    }

    static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    static String badge(boolean up) {
        return up ? "<span class=\"badge up\">UP</span>" : "<span class=\"badge down\">DOWN</span>";
    }
}
