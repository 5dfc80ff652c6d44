package io.newspipe.console;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Records/s per topic over the sampled window as a small inline SVG (no script, no library): one polyline per topic,
 * the peak on the y axis, the window on the x axis. The page shows the same figures in a table beside it, for
 * screen readers and for exact values.
 */
public final class RateChart {

    static final int WIDTH = 640;
    static final int HEIGHT = 180;
    private static final int LEFT = 48;
    private static final int BOTTOM = 22;
    private static final int TOP = 10;
    private static final int RIGHT = 8;
    /** Colour per topic, cycled; CSS can override through the class. */
    private static final String[] COLOURS = {"#1f6feb", "#c2410c", "#15803d", "#7e22ce", "#b91c1c", "#0e7490",
        "#a16207", "#475569", "#be185d"};

    private RateChart() {
    }

    public static String svg(RateHistory history, Duration window, Instant now) {
        List<String> topics = history.topics();
        double peak = 1;
        for (String t : topics) {
            for (RateHistory.Point p : history.series(t)) {
                peak = Math.max(peak, p.perSecond());
            }
        }
        peak = niceCeiling(peak);
        Instant from = now.minus(window);
        StringBuilder b = new StringBuilder();
        b.append("<svg class=\"rate-chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" role=\"img\" aria-labelledby=\"rate-chart-title\">")
                .append("<title id=\"rate-chart-title\">Records per second per topic over the last ")
                .append(window.toMinutes()).append(" minutes; peak axis ").append(fmt(peak)).append("/s</title>");
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        b.append("<rect x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"").append(plotW)
                .append("\" height=\"").append(plotH).append("\" class=\"plot\"/>");
        b.append("<text x=\"").append(LEFT - 4).append("\" y=\"").append(TOP + 10)
                .append("\" text-anchor=\"end\">").append(fmt(peak)).append("</text>");
        b.append("<text x=\"").append(LEFT - 4).append("\" y=\"").append(TOP + plotH)
                .append("\" text-anchor=\"end\">0</text>");
        b.append("<text x=\"").append(LEFT).append("\" y=\"").append(HEIGHT - 6).append("\">−")
                .append(window.toMinutes()).append(" min</text>");
        b.append("<text x=\"").append(WIDTH - RIGHT).append("\" y=\"").append(HEIGHT - 6)
                .append("\" text-anchor=\"end\">now</text>");
        for (int i = 0; i < topics.size(); i++) {
            List<RateHistory.Point> points = history.series(topics.get(i));
            StringBuilder poly = new StringBuilder();
            for (RateHistory.Point p : points) {
                if (p.at().isBefore(from)) {
                    continue;
                }
                double x = LEFT + plotW * (Duration.between(from, p.at()).toMillis() / (double) window.toMillis());
                double y = TOP + plotH - plotH * (p.perSecond() / peak);
                poly.append(String.format(Locale.ROOT, "%.1f,%.1f ", Math.min(x, LEFT + plotW), y));
            }
            if (poly.length() > 0) {
                b.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(colour(i))
                        .append("\" data-topic=\"").append(Html.esc(topics.get(i))).append("\" points=\"")
                        .append(poly.toString().strip()).append("\"/>");
            }
        }
        return b.append("</svg>").toString();
    }

    public static String colour(int index) {
        return COLOURS[index % COLOURS.length];
    }

    /** 1, 2, 5 × 10^n at or above the value, so the axis label is a round number. */
    static double niceCeiling(double v) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (v <= step * magnitude) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    static String fmt(double v) {
        return v >= 10 || v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v)
                : String.format(Locale.ROOT, "%.1f", v);
    }
}
