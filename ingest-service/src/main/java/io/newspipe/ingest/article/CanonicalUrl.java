package io.newspipe.ingest.article;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one spelling of an article URL that decides its id, so the same article posted with tracking parameters, a
 * fragment, an upper-case host, another parameter order, {@code ./} segments or a trailing slash still gets the same
 * id, and a corrected text posted under it becomes the article's next version instead of a new article.
 *
 * <ul>
 *   <li>only absolute {@code http}/{@code https} URLs with a host are accepted;</li>
 *   <li>scheme and host lower-cased, default ports (80 for http, 443 for https) dropped, user info dropped;</li>
 *   <li>fragment dropped;</li>
 *   <li>dot segments resolved ({@code /a/./b/../c} = {@code /a/c});</li>
 *   <li>tracking query parameters dropped: {@code utm_*} and the click/campaign ids in {@link #TRACKING_PARAMS};
 *       the remaining parameters sorted (by name, then value): sites that care about order are rarer than links
 *       that differ only in it;</li>
 *   <li>trailing slashes of the path dropped ({@code https://a.vn/x/} = {@code https://a.vn/x}; the bare root
 *       becomes {@code https://a.vn}).</li>
 * </ul>
 * The path keeps its case and percent-encoding as given: servers may treat them as significant. {@code http} and
 * {@code https} name the same article: the canonical URL keeps the scheme it was given, the {@link #identity} that
 * decides the id does not.
 */
public final class CanonicalUrl {

    /** Query parameters that identify a click or a campaign, never the article. */
    static final Set<String> TRACKING_PARAMS = Set.of("fbclid", "gclid", "gclsrc", "dclid", "msclkid", "yclid",
            "twclid", "igshid", "mc_cid", "mc_eid", "_ga", "_gl", "zarsrc", "gidzl", "ocid", "cmpid", "wt.mc_id",
            "ref_src", "spm");

    private CanonicalUrl() {
    }

    /**
     * @throws InvalidArticleException ({@code invalid_url}) when the text is not an absolute http(s) URL
     */
    public static String canonicalize(String url) {
        String trimmed = url.strip();
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw invalid(url, "it is not a valid URI (" + e.getReason() + " at index " + e.getIndex() + ")");
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw invalid(url, "only absolute http:// or https:// URLs are accepted");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw invalid(url, "it has no host");
        }
        StringBuilder sb = new StringBuilder(trimmed.length());
        sb.append(scheme).append("://").append(host.toLowerCase(Locale.ROOT));
        int port = uri.getPort();
        if (port != -1 && !(port == 80 && scheme.equals("http")) && !(port == 443 && scheme.equals("https"))) {
            sb.append(':').append(port);
        }
        String path = uri.getRawPath() == null ? "" : uri.normalize().getRawPath();
        int end = path.length();
        while (end > 0 && path.charAt(end - 1) == '/') {
            end--;
        }
        sb.append(path, 0, end);
        String query = canonicalQuery(uri.getRawQuery());
        if (!query.isEmpty()) {
            sb.append('?').append(query);
        }
        return sb.toString();
    }

    private static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = (eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
            if (name.startsWith("utm_") || TRACKING_PARAMS.contains(name)) {
                continue;
            }
            kept.add(pair);
        }
        kept.sort(java.util.Comparator.comparing((String pair) -> pair.contains("=")
                ? pair.substring(0, pair.indexOf('=')) : pair).thenComparing(pair -> pair));
        return String.join("&", kept);
    }

    /**
     * What decides the article id: the canonical URL with {@code http} read as {@code https} (a site moved to TLS,
     * or a scraper dropped the s: the same article either way).
     */
    public static String identity(String canonicalUrl) {
        return canonicalUrl.startsWith("http://") ? "https://" + canonicalUrl.substring("http://".length())
                : canonicalUrl;
    }

    private static InvalidArticleException invalid(String url, String why) {
        String shown = url.length() > 200 ? url.substring(0, 200) + "…" : url;
        return new InvalidArticleException("invalid_url", "url '" + shown + "' is not accepted: " + why);
    }
}
