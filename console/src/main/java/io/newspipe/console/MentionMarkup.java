package io.newspipe.console;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The article text as HTML with every mention wrapped in {@code <mark data-kind=... data-mention=... title=...>}.
 *
 * <p>Mentions may overlap (a person inside an award statement, a location inside an organization name, two spans
 * that cross). Nested spans become nested marks; a span that crosses another is split into parts, each a mark
 * with the same {@code data-mention} id and {@code data-part} 2, 3, ..., so the markup stays well formed and every
 * mention keeps at least one mark. A mention whose offsets do not fit the text is not drawn; {@link #render}
 * returns it among {@link Result#outside()} for the page to list.
 */
public final class MentionMarkup {

    /** @param html the marked-up text; @param outside mentions whose offsets fall outside the text */
    public record Result(String html, List<Mention> outside) {
    }

    private MentionMarkup() {
    }

    public static Result render(String text, List<Mention> mentions) {
        String t = text == null ? "" : text;
        List<Mention> drawn = new ArrayList<>();
        List<Mention> outside = new ArrayList<>();
        for (Mention m : mentions) {
            (m.fits(t.length()) ? drawn : outside).add(m);
        }
        // outer (longer) spans first at the same start, so they enclose the inner ones
        Comparator<Mention> outerFirst = Comparator.comparingInt(Mention::end).reversed()
                .thenComparingInt(Mention::id);
        TreeSet<Integer> boundaries = new TreeSet<>();
        boundaries.add(0);
        boundaries.add(t.length());
        for (Mention m : drawn) {
            boundaries.add(m.start());
            boundaries.add(m.end());
        }
        List<Mention> open = new ArrayList<>(); // a stack: the last element is the innermost open mark
        int[] parts = new int[drawn.stream().mapToInt(Mention::id).max().orElse(-1) + 1];
        StringBuilder html = new StringBuilder(t.length() + drawn.size() * 96);
        int previous = 0;
        for (int at : boundaries) {
            html.append(Html.esc(t.substring(previous, at)));
            previous = at;
            // close what ends here; marks opened inside one of those close first and reopen below
            List<Mention> reopen = new ArrayList<>();
            int outermostEnding = firstEnding(open, at);
            for (int i = open.size() - 1; i >= outermostEnding; i--) {
                Mention m = open.remove(i);
                html.append("</mark>");
                if (m.end() != at) {
                    reopen.add(m);
                }
            }
            List<Mention> opening = new ArrayList<>(reopen);
            for (Mention m : drawn) {
                if (m.start() == at) {
                    opening.add(m);
                }
            }
            opening.sort(outerFirst);
            for (Mention m : opening) {
                parts[m.id()]++;
                html.append("<mark data-kind=\"").append(m.kind().attribute()).append("\" data-mention=\"")
                        .append(m.id()).append('"');
                if (parts[m.id()] > 1) {
                    html.append(" data-part=\"").append(parts[m.id()]).append('"');
                }
                if (m.label() != null && !m.label().isEmpty()) {
                    html.append(" title=\"").append(Html.esc(m.label())).append('"');
                }
                html.append('>');
                open.add(m);
            }
        }
        for (int i = 0; i < open.size(); i++) {
            html.append("</mark>");
        }
        return new Result(html.toString(), outside);
    }

    /** Index of the outermost open mark that ends at {@code at}, or open.size() when none does. */
    private static int firstEnding(List<Mention> open, int at) {
        for (int i = 0; i < open.size(); i++) {
            if (open.get(i).end() == at) {
                return i;
            }
        }
        return open.size();
    }
}
