package io.newspipe.publish;

import java.util.ArrayList;
import java.util.List;

import io.newspipe.schemas.Award;
import io.newspipe.schemas.EnrichedArticle;
import io.newspipe.schemas.Entity;
import io.newspipe.schemas.KpiMention;

/**
 * Checks that an enriched record can be published: it names its article, its key is that article, and every mention
 * points at a span of the text that reads exactly as the mention says. No Kafka.
 */
public final class EnrichedArticleValidator {

    private EnrichedArticleValidator() {
    }

    /** @return what is wrong with the record, each a sentence naming the field; empty when it is valid */
    public static List<String> violations(String key, EnrichedArticle article) {
        List<String> problems = new ArrayList<>();
        if (article == null) {
            problems.add("record has no value (tombstone) for key '" + key + "'");
            return problems;
        }
        String id = article.getArticleId();
        if (id == null || id.isBlank()) {
            problems.add("articleId is blank");
        } else if (!id.equals(key)) {
            problems.add("key '" + key + "' is not the articleId '" + id + "'");
        }
        String text = article.getText();
        if (text == null || text.isBlank()) {
            problems.add("text is blank");
            return problems;
        }
        if (article.getLanguage() == null || article.getLanguage().isBlank()) {
            problems.add("language is blank");
        }
        if (article.getExtractorVersion() == null || article.getExtractorVersion().isBlank()) {
            problems.add("extractorVersion is blank");
        }
        List<Entity> entities = article.getEntities();
        for (int i = 0; i < entities.size(); i++) {
            Entity e = entities.get(i);
            checkSpan(problems, "entities[" + i + "]", text, e.getText(), e.getStart(), e.getEnd());
            if (e.getCanonical() == null || e.getCanonical().isBlank()) {
                problems.add("entities[" + i + "] canonical is blank");
            }
        }
        List<Award> awards = article.getAwards();
        for (int i = 0; i < awards.size(); i++) {
            Award a = awards.get(i);
            checkSpan(problems, "awards[" + i + "]", text, a.getText(), a.getStart(), a.getEnd());
            if (a.getAward() == null || a.getAward().isBlank()) {
                problems.add("awards[" + i + "] award is blank");
            }
        }
        List<KpiMention> kpis = article.getKpis();
        for (int i = 0; i < kpis.size(); i++) {
            KpiMention k = kpis.get(i);
            checkSpan(problems, "kpis[" + i + "]", text, k.getText(), k.getStart(), k.getEnd());
        }
        return problems;
    }

    private static void checkSpan(List<String> problems, String where, String text, String surface, int start,
            int end) {
        if (start < 0 || end > text.length() || start >= end) {
            problems.add(where + " offsets [" + start + ", " + end + ") are outside the text (length "
                    + text.length() + ") or empty");
            return;
        }
        String actual = text.substring(start, end);
        if (!actual.equals(surface)) {
            problems.add(where + " text '" + abbreviate(surface) + "' does not match the text at [" + start + ", "
                    + end + "): '" + abbreviate(actual) + "'");
        }
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "null";
        }
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
