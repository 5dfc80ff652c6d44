package io.newspipe.console;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import io.newspipe.schemas.Award;
import io.newspipe.schemas.Entity;
import io.newspipe.schemas.KpiMention;
import io.newspipe.schemas.PublishedArticle;

/**
 * What changed from one revision of an article to the next: the fields whose value differs and, per kind, the
 * mentions added and removed. Mentions are compared by what they say (kind, canonical name and role; award and
 * recipients; metric, value, unit, period, status), not by offset, so an edit earlier in the text that shifts every
 * offset is not reported as every mention changing. Counts matter: a name found twice and then once is one removal.
 */
public record RevisionDiff(List<FieldChange> fields, List<String> added, List<String> removed) {

    public record FieldChange(String field, String before, String after) {
    }

    public boolean isEmpty() {
        return fields.isEmpty() && added.isEmpty() && removed.isEmpty();
    }

    public static RevisionDiff between(PublishedArticle before, PublishedArticle after) {
        List<FieldChange> fields = new ArrayList<>();
        field(fields, "title", before.getTitle(), after.getTitle());
        field(fields, "url", before.getUrl(), after.getUrl());
        field(fields, "source", before.getSource(), after.getSource());
        field(fields, "language", before.getLanguage(), after.getLanguage());
        field(fields, "articlePublishedAt", before.getArticlePublishedAt(), after.getArticlePublishedAt());
        if (!Objects.equals(before.getText(), after.getText())) {
            fields.add(new FieldChange("text", before.getText().length() + " characters",
                    after.getText().length() + " characters"));
        }
        field(fields, "extractorVersion", before.getExtractorVersion(), after.getExtractorVersion());
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        compare(before.getEntities(), after.getEntities(), RevisionDiff::describe, added, removed);
        compare(before.getAwards(), after.getAwards(), RevisionDiff::describe, added, removed);
        compare(before.getKpis(), after.getKpis(), RevisionDiff::describe, added, removed);
        return new RevisionDiff(fields, added, removed);
    }

    private static void field(List<FieldChange> out, String name, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            out.add(new FieldChange(name, show(before), show(after)));
        }
    }

    private static String show(Object v) {
        if (v == null) {
            return null;
        }
        return v instanceof Instant t ? Html.time(t) : v.toString();
    }

    private static <T> void compare(List<T> before, List<T> after, Function<T, String> describe, List<String> added,
            List<String> removed) {
        Map<String, Integer> counts = new HashMap<>();
        before.forEach(x -> counts.merge(describe.apply(x), 1, Integer::sum));
        for (T x : after) {
            String d = describe.apply(x);
            if (counts.getOrDefault(d, 0) > 0) {
                counts.merge(d, -1, Integer::sum);
            } else {
                added.add(d);
            }
        }
        // what is left over from before was removed, in its original order
        for (T x : before) {
            String d = describe.apply(x);
            if (counts.getOrDefault(d, 0) > 0) {
                counts.merge(d, -1, Integer::sum);
                removed.add(d);
            }
        }
    }

    static String describe(Entity e) {
        return ArticleMentions.kind(e).legend() + " " + e.getCanonical()
                + (e.getRole() == null ? "" : " (" + e.getRole() + ")");
    }

    static String describe(Award w) {
        return "award " + w.getAward() + (w.getRecipients().isEmpty() ? "" : " → " + String.join(", ", w.getRecipients()))
                + (w.getConferrer() == null ? "" : ", from " + w.getConferrer())
                + (w.getYear() == null ? "" : ", " + w.getYear());
    }

    static String describe(KpiMention k) {
        return "KPI " + k.getMetric() + ": " + (k.getQualifier() == null ? "" : k.getQualifier() + " ")
                + ArticleMentions.number(k.getValue()) + (k.getTotal() == null ? "" : "/" + ArticleMentions.number(k.getTotal()))
                + (k.getUnit() == null ? "" : " " + k.getUnit()) + (k.getPeriod() == null ? "" : ", " + k.getPeriod())
                + (k.getStatus() == null ? "" : " [" + k.getStatus() + "]");
    }
}
