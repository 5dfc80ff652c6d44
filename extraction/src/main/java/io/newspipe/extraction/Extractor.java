package io.newspipe.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.newspipe.extraction.awards.AwardExtractor;
import io.newspipe.extraction.entities.EntityExtractor;
import io.newspipe.extraction.entities.EntityLexicon;
import io.newspipe.extraction.kpi.KpiExtractor;
import io.newspipe.extraction.text.ParsedArticle;

/**
 * The extraction engine: normalized article text in, entities, awards and KPI mentions out.
 * Thread-safe; create once and share.
 */
public final class Extractor {

    /** Bump when a rule changes; lexicon edits change the version through their hash. */
    static final String RULES_VERSION = "2.6.0";

    private final EntityExtractor entities;
    private final AwardExtractor awards;
    private final KpiExtractor kpis;
    private final String version;

    private Extractor(EntityLexicon lexicon) {
        this.entities = new EntityExtractor(lexicon);
        this.awards = new AwardExtractor();
        this.kpis = new KpiExtractor();
        this.version = RULES_VERSION + "+lex." + lexicon.contentHash().substring(0, 12)
                + "+" + awardKpiResourceHash();
    }

    /** The engine with its built-in lexicons. */
    public static Extractor create() {
        return new Extractor(EntityLexicon.builtIn());
    }

    /** The engine with explicit entity lexicons (tests, tooling). */
    public static Extractor create(EntityLexicon lexicon) {
        return new Extractor(lexicon);
    }

    /** Changes whenever rules or lexicons change; replay decisions depend on it. */
    public String version() {
        return version;
    }

    /**
     * @param text text already passed through {@link TextNormalizer#normalize(String)}; offsets refer to exactly
     *             this string. (Not normalized again: that would cost a quarter of the time, and offsets must point
     *             into what the caller holds. Un-normalized text still works, but tone variants may be missed.)
     */
    public ExtractionResult extract(String text) {
        // parsed, split and lower-cased once for all three extractors
        ParsedArticle article = ParsedArticle.of(text);
        List<EntityMention> found = entities.extract(article);
        List<AwardMention> a = awards.extract(article);
        List<KpiMention> k = withoutAwardRecipients(kpis.extract(article), a, text);
        return new ExtractionResult(version, found, a, k);
    }

    /**
     * A counted group an award went to ("122 doanh nghiệp được Chủ tịch UBND tỉnh tặng Bằng khen", "… cho 253 cá nhân
     * và 153 hộ gia đình") is no KPI: counts of award recipients are excluded. The award extractor has read who
     * received; a figure in its statement that counts one of those groups is dropped. So is a count a form goes to
     * when the statement is no conferral ("xét duyệt cờ thi đua … cho 69 đơn vị": proposed recipients are counted too).
     */
    List<KpiMention> withoutAwardRecipients(List<KpiMention> kpis, List<AwardMention> awards, String text) {
        if (kpis.isEmpty()) {
            return kpis;
        }
        List<KpiMention> kept = new ArrayList<>(kpis.size());
        for (KpiMention k : kpis) {
            if (!countsRecipients(k, awards) && !countsFormRecipients(k, text)) {
                kept.add(k);
            }
        }
        return kept;
    }

    private static final Pattern COUNTED_GROUP = Pattern.compile("(?<![\\p{L}\\d.,])(\\d{1,3}(?:\\.\\d{3})*|\\d+)\\s+(\\p{L}+)");

    private static boolean countsRecipients(KpiMention k, List<AwardMention> awards) {
        if (k.value() == null || k.total() != null) {
            return false;
        }
        for (AwardMention a : awards) {
            if (k.end() <= a.start() || k.start() >= a.end()) {
                continue;
            }
            for (String r : a.recipients()) {
                for (Matcher m = COUNTED_GROUP.matcher(r); m.find(); ) {
                    double n = Double.parseDouble(m.group(1).replace(".", ""));
                    if (n == k.value() && k.text().contains(m.group())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private boolean countsFormRecipients(KpiMention k, String text) {
        if (k.value() == null || k.total() != null) {
            return false;
        }
        for (Matcher m = COUNTED_GROUP.matcher(k.text()); m.find(); ) {
            if (Double.parseDouble(m.group(1).replace(".", "")) == k.value()
                    && awards.awardGoesToCount(text, k.start() + m.start())) {
                return true;
            }
        }
        return false;
    }

    private static String awardKpiResourceHash() {
        return ResourceHash.ofPrefixes("awards-", "kpi-");
    }
}
