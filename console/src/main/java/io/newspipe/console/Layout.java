package io.newspipe.console;

import java.util.List;

/** The page shell every console page shares: skip link, navigation, main landmark, the stylesheet and script. */
final class Layout {

    /** Navigation entries: path prefix and label. */
    static final List<String[]> NAV = List.of(new String[] {"/pipeline", "Pipeline"},
            new String[] {"/articles", "Articles"}, new String[] {"/dead-letters", "Dead letters"},
            new String[] {"/replay", "Replay"}, new String[] {"/runs", "Runs"});

    private Layout() {
    }

    /**
     * @param path        the request path, to mark the current section
     * @param title       the page's h1 and title
     * @param signedIn    whether to offer "Sign out" (only when a token protects the console)
     * @param body        the page content, already HTML
     */
    static String page(String path, String title, boolean signedIn, String body) {
        StringBuilder b = new StringBuilder(body.length() + 2048);
        b.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(Html.esc(title)).append(" · newspipe console</title>")
                .append("<link rel=\"stylesheet\" href=\"/static/console.css\">")
                .append("<script src=\"/static/console.js\" defer></script></head><body>")
                .append("<a class=\"skip\" href=\"#main\">Skip to content</a>")
                .append("<header class=\"top\"><span class=\"brand\">newspipe console</span>")
                .append("<nav aria-label=\"Sections\"><ul>");
        for (String[] item : NAV) {
            boolean current = path.equals(item[0]) || path.startsWith(item[0] + "/");
            b.append("<li><a href=\"").append(item[0]).append('"')
                    .append(current ? " aria-current=\"page\"" : "").append('>').append(item[1]).append("</a></li>");
        }
        b.append("</ul></nav>");
        if (signedIn) {
            b.append("<form method=\"post\" action=\"/logout\" class=\"signout\"><button type=\"submit\">Sign out")
                    .append("</button></form>");
        }
        b.append("</header><main id=\"main\" tabindex=\"-1\"><h1>").append(Html.esc(title)).append("</h1>")
                .append(body).append("</main></body></html>");
        return b.toString();
    }

    /** A notice box; {@code kind} is info, warn or error. */
    static String notice(String kind, String html) {
        return "<p class=\"notice " + kind + "\"" + (kind.equals("error") ? " role=\"alert\"" : "") + ">" + html
                + "</p>";
    }
}
