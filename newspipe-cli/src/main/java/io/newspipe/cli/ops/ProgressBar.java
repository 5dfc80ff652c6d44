package io.newspipe.cli.ops;

import java.io.PrintWriter;

/**
 * A one-line progress bar redrawn in place on stderr ({@code \r}), at most every 200 ms, so stdout stays clean for
 * the summary and for piping.
 */
final class ProgressBar {

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintWriter err;
    private final String label;
    private long lastDraw;
    private int lastLength;
    private boolean drawn;

    ProgressBar(PrintWriter err, String label) {
        this.err = err;
        this.label = label;
    }

    /** Redraws when enough time passed since the last redraw. */
    void update(double fraction, String counts) {
        long now = System.nanoTime();
        if (drawn && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        draw(fraction, counts);
        lastDraw = now;
    }

    /** Draws the final state and ends the line. */
    void finish(double fraction, String counts) {
        draw(fraction, counts);
        err.println();
        err.flush();
    }

    private void draw(double fraction, String counts) {
        double f = Math.max(0, Math.min(1, fraction));
        int filled = (int) Math.round(f * WIDTH);
        String line = String.format("%s [%s%s] %3d%% %s", label, "#".repeat(filled), ".".repeat(WIDTH - filled),
                Math.round(f * 100), counts);
        // pad over a longer previous line
        String padded = line.length() < lastLength ? line + " ".repeat(lastLength - line.length()) : line;
        err.print("\r" + padded);
        err.flush();
        lastLength = line.length();
        drawn = true;
    }
}
