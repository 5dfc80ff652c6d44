package io.newspipe.console;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.newspipe.schemas.Award;
import io.newspipe.schemas.Entity;
import io.newspipe.schemas.KpiMention;
import io.newspipe.schemas.PublishedArticle;

/** The articles pages: search, and one article with its highlighted text, tables, revisions and story. */
final class ArticlePages {

    static final int MAX_HITS = 50;
    /** Revisions read for the history (the newest ones; each is one read of the topic). */
    static final int HISTORY = 10;
    static final Duration SEARCH_BUDGET = Duration.ofSeconds(10);

    private final ArticleIndex index;
    private final ArticleReader reader;
    private final StoryLinks stories;

    ArticlePages(ArticleIndex index, ArticleReader reader, StoryLinks stories) {
        this.index = index;
        this.reader = reader;
        this.stories = stories;
    }

    String search(String query) {
        StringBuilder b = new StringBuilder();
        String q = query == null ? "" : query.strip();
        b.append("<form method=\"get\" action=\"/articles\" class=\"search\" role=\"search\">")
                .append("<label for=\"q\">Search by id, URL or text</label>")
                .append("<input type=\"search\" id=\"q\" name=\"q\" value=\"").append(Html.esc(q))
                .append("\" size=\"50\"> <button type=\"submit\">Search</button></form>");
        ArticleIndex.State state = index.state();
        if (q.isEmpty()) {
            b.append("<h2>Latest articles</h2>");
            b.append(table(index.latest(MAX_HITS)));
            b.append("<p class=\"meta\">").append(state.articles()).append(" articles indexed from ")
                    .append(Html.esc(index.topic())).append(state.caughtUp() ? "" : " (still reading the topic)")
                    .append(".</p>");
            return b.toString();
        }
        List<ArticleSummary> byField = index.matching(q, MAX_HITS);
        b.append("<h2>Id, URL or title containing “").append(Html.esc(q)).append("”</h2>").append(table(byField));
        ArticleReader.ScanResult text = reader.searchText(q, SEARCH_BUDGET, MAX_HITS);
        b.append("<h2>Text containing “").append(Html.esc(q)).append("”</h2>").append(table(text.hits()));
        b.append("<p class=\"meta\">Scanned ").append(text.scanned()).append(" of ").append(text.total())
                .append(" records of ").append(Html.esc(index.topic()))
                .append(text.complete() ? "." : ": stopped at " + SEARCH_BUDGET.toSeconds() + " s or " + MAX_HITS
                        + " articles; narrow the search for more.")
                .append("</p>");
        return b.toString();
    }

    private static String table(List<ArticleSummary> articles) {
        if (articles.isEmpty()) {
            return "<p>None.</p>";
        }
        StringBuilder b = new StringBuilder("<table class=\"articles\"><thead><tr><th scope=\"col\">Title</th>")
                .append("<th scope=\"col\">Id</th><th scope=\"col\">Source</th><th scope=\"col\" class=\"num\">")
                .append("Revision</th><th scope=\"col\">Published</th></tr></thead><tbody>");
        for (ArticleSummary a : articles) {
            b.append("<tr><td><a href=\"/articles/").append(Html.esc(Html.url(a.id()))).append("\">")
                    .append(a.title() == null ? "(untitled)" : Html.esc(a.title())).append("</a></td><td><code>")
                    .append(Html.esc(a.id())).append("</code></td><td>").append(Html.orDash(a.source()))
                    .append("</td><td class=\"num\">").append(a.revision()).append("</td><td>")
                    .append(Html.time(a.publishedAt())).append("</td></tr>");
        }
        return b.append("</tbody></table>").toString();
    }

    /** The article page, or empty when no revision of the id can be found. */
    Optional<String[]> article(String id, Integer wantedRevision) {
        Optional<ArticleSummary> summary = index.get(id);
        if (summary.isEmpty() && (index.isPartial() || !index.state().caughtUp())) {
            // the index dropped articles over its cap, or has not read the whole topic yet: look on the topic
            List<ArticleSummary> found = reader.findById(id, SEARCH_BUDGET).hits();
            summary = found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        }
        if (summary.isEmpty()) {
            return Optional.empty();
        }
        List<ArticleSummary.RevisionRef> refs = summary.get().revisions();
        List<ArticleReader.Revision> revisions = new ArrayList<>();
        for (ArticleSummary.RevisionRef ref : refs.subList(Math.max(0, refs.size() - HISTORY), refs.size())) {
            reader.read(id, ref).ifPresent(revisions::add);
        }
        if (revisions.isEmpty()) {
            return Optional.empty();
        }
        ArticleReader.Revision shown = revisions.get(revisions.size() - 1);
        if (wantedRevision != null) {
            for (ArticleReader.Revision r : revisions) {
                if (r.ref().revision() == wantedRevision) {
                    shown = r;
                }
            }
        }
        PublishedArticle a = shown.article();
        String title = a.getTitle() == null ? "Article " + id : a.getTitle();
        return Optional.of(new String[] {title, render(a, revisions, shown, summary.get())});
    }

    private String render(PublishedArticle a, List<ArticleReader.Revision> revisions, ArticleReader.Revision shown,
            ArticleSummary summary) {
        StringBuilder b = new StringBuilder();
        b.append("<dl class=\"facts\"><dt>Id</dt><dd><code>").append(Html.esc(a.getArticleId())).append("</code></dd>")
                .append("<dt>URL</dt><dd>").append(a.getUrl() == null ? "—" : "<a href=\"" + Html.esc(safeUrl(a.getUrl()))
                        + "\" rel=\"noreferrer noopener\">" + Html.esc(a.getUrl()) + "</a>").append("</dd>")
                .append("<dt>Source</dt><dd>").append(Html.orDash(a.getSource())).append("</dd>")
                .append("<dt>Revision</dt><dd>").append(a.getRevision())
                .append(a.getRevision() == summary.revision() ? " (latest)" : " of " + summary.revision())
                .append(", published ").append(Html.time(a.getPublishedAt())).append("</dd>")
                .append("<dt>Extractor</dt><dd>").append(Html.esc(a.getExtractorVersion())).append("</dd></dl>");

        List<Mention> mentions = ArticleMentions.of(a);
        MentionMarkup.Result marked = MentionMarkup.render(a.getText(), mentions);
        Map<Mention.Kind, Integer> counts = new EnumMap<>(Mention.Kind.class);
        mentions.forEach(m -> counts.merge(m.kind(), 1, Integer::sum));
        b.append("<section aria-labelledby=\"h-text\"><h2 id=\"h-text\">Text</h2>")
                .append("<ul class=\"legend\" aria-label=\"Legend\">");
        for (Mention.Kind k : Mention.Kind.values()) {
            b.append("<li><mark data-kind=\"").append(k.attribute()).append("\">").append(k.legend())
                    .append("</mark> ").append(counts.getOrDefault(k, 0)).append("</li>");
        }
        b.append("</ul><p class=\"meta\">Hover or click a highlighted span for what was read there; the tables below ")
                .append("list every mention.</p><p id=\"mention-detail\" role=\"status\" aria-live=\"polite\"></p>");
        if (!marked.outside().isEmpty()) {
            b.append(Layout.notice("warn", marked.outside().size() + " mention(s) have offsets outside the text "
                    + "and are not highlighted: " + Html.esc(marked.outside().stream()
                            .map(m -> m.label() + " [" + m.start() + "," + m.end() + ")").toList())));
        }
        b.append("<div class=\"article-text\" lang=\"").append(Html.esc(a.getLanguage())).append("\">")
                .append(marked.html()).append("</div></section>");

        b.append(entities(a.getEntities())).append(awards(a.getAwards())).append(kpis(a.getKpis()));
        b.append(history(revisions, shown, summary));
        b.append("<section aria-labelledby=\"h-story\"><h2 id=\"h-story\">Story</h2>");
        Optional<StoryLinks.Story> story = stories.storyOf(a, index);
        if (story.isEmpty()) {
            b.append("<p>").append(Html.esc(stories.absentNote())).append("</p>");
        } else {
            b.append("<p>Story <code>").append(Html.esc(story.get().storyId())).append("</code>; its other articles:</p>")
                    .append(table(story.get().others()));
        }
        return b.append("</section>").toString();
    }

    private static String entities(List<Entity> entities) {
        StringBuilder b = new StringBuilder("<section aria-labelledby=\"h-entities\"><h2 id=\"h-entities\">")
                .append("Names</h2>");
        if (entities.isEmpty()) {
            return b.append("<p>None found.</p></section>").toString();
        }
        b.append("<table><thead><tr><th scope=\"col\">Kind</th><th scope=\"col\">As written</th>")
                .append("<th scope=\"col\">Canonical</th><th scope=\"col\">Role</th><th scope=\"col\" class=\"num\">")
                .append("Offsets</th></tr></thead><tbody>");
        for (Entity e : entities) {
            b.append("<tr><td>").append(ArticleMentions.kind(e).legend()).append("</td><td>")
                    .append(Html.esc(e.getText())).append("</td><td>").append(Html.esc(e.getCanonical()))
                    .append("</td><td>").append(Html.orDash(e.getRole())).append("</td><td class=\"num\">")
                    .append(e.getStart()).append('–').append(e.getEnd()).append("</td></tr>");
        }
        return b.append("</tbody></table></section>").toString();
    }

    private static String awards(List<Award> awards) {
        StringBuilder b = new StringBuilder("<section aria-labelledby=\"h-awards\"><h2 id=\"h-awards\">Awards</h2>");
        if (awards.isEmpty()) {
            return b.append("<p>None found.</p></section>").toString();
        }
        b.append("<table><thead><tr><th scope=\"col\">Award</th><th scope=\"col\">Conferred by</th>")
                .append("<th scope=\"col\">Presented by</th><th scope=\"col\">Title</th><th scope=\"col\">Recipients")
                .append("</th><th scope=\"col\" class=\"num\">Count</th><th scope=\"col\" class=\"num\">Year</th>")
                .append("</tr></thead><tbody>");
        for (Award w : awards) {
            b.append("<tr><td>").append(Html.esc(w.getAward())).append("</td><td>").append(Html.orDash(w.getConferrer()))
                    .append("</td><td>").append(Html.orDash(w.getPresenter())).append("</td><td>")
                    .append(Html.orDash(w.getTitle())).append("</td><td>")
                    .append(Html.orDash(String.join("; ", w.getRecipients()))).append("</td><td class=\"num\">")
                    .append(Html.orDash(w.getRecipientCount())).append("</td><td class=\"num\">")
                    .append(Html.orDash(w.getYear())).append("</td></tr>");
        }
        return b.append("</tbody></table></section>").toString();
    }

    private static String kpis(List<KpiMention> kpis) {
        StringBuilder b = new StringBuilder("<section aria-labelledby=\"h-kpis\"><h2 id=\"h-kpis\">KPI figures</h2>");
        if (kpis.isEmpty()) {
            return b.append("<p>None found.</p></section>").toString();
        }
        b.append("<table><thead><tr><th scope=\"col\">Metric</th><th scope=\"col\" class=\"num\">Value</th>")
                .append("<th scope=\"col\">Unit</th><th scope=\"col\" class=\"num\">Total</th>")
                .append("<th scope=\"col\" class=\"num\">Rank</th><th scope=\"col\">Period</th>")
                .append("<th scope=\"col\">Status</th><th scope=\"col\">As written</th></tr></thead><tbody>");
        for (KpiMention k : kpis) {
            b.append("<tr><td>").append(Html.esc(k.getMetric())).append("</td><td class=\"num\">")
                    .append(k.getQualifier() == null ? "" : Html.esc(k.getQualifier()) + " ")
                    .append(Html.orDash(ArticleMentions.number(k.getValue()))).append("</td><td>")
                    .append(Html.orDash(k.getUnit())).append("</td><td class=\"num\">")
                    .append(Html.orDash(ArticleMentions.number(k.getTotal()))).append("</td><td class=\"num\">")
                    .append(Html.orDash(k.getRank())).append("</td><td>").append(Html.orDash(k.getPeriod()))
                    .append("</td><td>").append(Html.orDash(k.getStatus())).append("</td><td>")
                    .append(Html.esc(k.getText())).append("</td></tr>");
        }
        return b.append("</tbody></table></section>").toString();
    }

    private static String history(List<ArticleReader.Revision> revisions, ArticleReader.Revision shown,
            ArticleSummary summary) {
        StringBuilder b = new StringBuilder("<section aria-labelledby=\"h-history\"><h2 id=\"h-history\">")
                .append("Revision history</h2>");
        int oldest = revisions.get(0).ref().revision();
        if (oldest > 1) {
            b.append("<p class=\"meta\">Revisions before ").append(oldest).append(" are no longer on the compacted ")
                    .append("topic (or beyond the ").append(HISTORY).append(" newest shown).</p>");
        }
        b.append("<ol class=\"revisions\" reversed>");
        for (int i = revisions.size() - 1; i >= 0; i--) {
            ArticleReader.Revision r = revisions.get(i);
            PublishedArticle a = r.article();
            boolean current = r == shown;
            b.append("<li value=\"").append(a.getRevision()).append("\" data-revision=\"").append(a.getRevision())
                    .append("\"><p><a href=\"/articles/").append(Html.esc(Html.url(a.getArticleId())))
                    .append("?revision=").append(a.getRevision()).append('"')
                    .append(current ? " aria-current=\"true\"" : "").append(">Revision ").append(a.getRevision())
                    .append("</a>, published ").append(Html.time(a.getPublishedAt())).append(", extractor ")
                    .append(Html.esc(a.getExtractorVersion())).append(", fingerprint <code>")
                    .append(Html.esc(a.getContentFingerprint().substring(0, Math.min(12, a.getContentFingerprint().length()))))
                    .append("</code></p>");
            if (i > 0) {
                PublishedArticle before = revisions.get(i - 1).article();
                b.append(diff(RevisionDiff.between(before, a), before.getRevision()));
            } else if (a.getRevision() == 1) {
                b.append("<p class=\"meta\">First revision.</p>");
            }
            b.append("</li>");
        }
        return b.append("</ol></section>").toString();
    }

    private static String diff(RevisionDiff d, int againstRevision) {
        StringBuilder b = new StringBuilder("<div class=\"diff\"><p>Changes since revision ").append(againstRevision)
                .append(":</p>");
        if (d.isEmpty()) {
            return b.append("<p>No field or mention changed (the fingerprint covers more, e.g. offsets).</p></div>")
                    .toString();
        }
        if (!d.fields().isEmpty()) {
            b.append("<table class=\"fields\"><thead><tr><th scope=\"col\">Field</th><th scope=\"col\">Before</th>")
                    .append("<th scope=\"col\">After</th></tr></thead><tbody>");
            for (RevisionDiff.FieldChange f : d.fields()) {
                b.append("<tr><td>").append(Html.esc(f.field())).append("</td><td>").append(Html.orDash(f.before()))
                        .append("</td><td>").append(Html.orDash(f.after())).append("</td></tr>");
            }
            b.append("</tbody></table>");
        }
        if (!d.added().isEmpty() || !d.removed().isEmpty()) {
            b.append("<ul class=\"mentions-diff\">");
            d.added().forEach(x -> b.append("<li class=\"added\"><span class=\"sign\">added</span> ")
                    .append(Html.esc(x)).append("</li>"));
            d.removed().forEach(x -> b.append("<li class=\"removed\"><span class=\"sign\">removed</span> ")
                    .append(Html.esc(x)).append("</li>"));
            b.append("</ul>");
        }
        return b.append("</div>").toString();
    }

    /** Only http(s) links are made clickable; anything else (javascript:...) is shown as text with no scheme. */
    static String safeUrl(String url) {
        String lower = url.strip().toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") ? url.strip() : "#";
    }
}
