package io.newspipe.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

import io.newspipe.schemas.Award;
import io.newspipe.schemas.Entity;
import io.newspipe.schemas.KpiMention;
import io.newspipe.schemas.PublishedArticle;

/** The mentions of a published article, in the order entities, awards, KPIs, with the tooltip of each. */
public final class ArticleMentions {

    private ArticleMentions() {
    }

    public static List<Mention> of(PublishedArticle a) {
        List<Mention> out = new ArrayList<>();
        for (Entity e : a.getEntities()) {
            out.add(new Mention(out.size(), kind(e), e.getStart(), e.getEnd(), entityLabel(e)));
        }
        for (Award w : a.getAwards()) {
            out.add(new Mention(out.size(), Mention.Kind.AWARD, w.getStart(), w.getEnd(), awardLabel(w)));
        }
        for (KpiMention k : a.getKpis()) {
            out.add(new Mention(out.size(), Mention.Kind.KPI, k.getStart(), k.getEnd(), kpiLabel(k)));
        }
        return out;
    }

    static Mention.Kind kind(Entity e) {
        // an entity type this build does not know (a newer schema) is shown as an organization, the schema's default
        return switch (e.getType().name()) {
            case "PERSON" -> Mention.Kind.PERSON;
            case "LOCATION" -> Mention.Kind.LOCATION;
            default -> Mention.Kind.ORGANIZATION;
        };
    }

    static String entityLabel(Entity e) {
        StringJoiner j = new StringJoiner("; ");
        j.add(e.getType().name().toLowerCase(Locale.ROOT) + ": " + e.getCanonical());
        if (e.getRole() != null) {
            j.add("role: " + e.getRole());
        }
        confidence(j, e.getConfidence());
        return j.toString();
    }

    static String awardLabel(Award w) {
        StringJoiner j = new StringJoiner("; ");
        j.add("award: " + w.getAward());
        if (w.getConferrer() != null) {
            j.add("from: " + w.getConferrer());
        }
        if (w.getPresenter() != null) {
            j.add("presented by: " + w.getPresenter());
        }
        if (w.getTitle() != null) {
            j.add("title: " + w.getTitle());
        }
        if (!w.getRecipients().isEmpty()) {
            j.add("to: " + String.join(", ", w.getRecipients()));
        }
        if (w.getRecipientCount() != null) {
            j.add("count: " + w.getRecipientCount());
        }
        if (w.getYear() != null) {
            j.add("year: " + w.getYear());
        }
        confidence(j, w.getConfidence());
        return j.toString();
    }

    static String kpiLabel(KpiMention k) {
        StringJoiner j = new StringJoiner("; ");
        j.add("KPI: " + k.getMetric());
        if (k.getValue() != null) {
            j.add("value: " + (k.getQualifier() == null ? "" : k.getQualifier() + " ") + number(k.getValue())
                    + (k.getTotal() == null ? "" : "/" + number(k.getTotal())));
        }
        if (k.getUnit() != null) {
            j.add("unit: " + k.getUnit());
        }
        if (k.getRank() != null) {
            j.add("rank: " + k.getRank());
        }
        if (k.getPeriod() != null) {
            j.add("period: " + k.getPeriod());
        }
        if (k.getStatus() != null) {
            j.add("status: " + k.getStatus());
        }
        confidence(j, k.getConfidence());
        return j.toString();
    }

    /** 842.238 stays 842.238, 7.0 is 7. */
    static String number(Double v) {
        if (v == null) {
            return "";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf(v.longValue()) : String.valueOf(v);
    }

    private static void confidence(StringJoiner j, Double c) {
        if (c != null) {
            j.add(String.format(Locale.ROOT, "confidence: %.2f", c));
        }
    }
}
