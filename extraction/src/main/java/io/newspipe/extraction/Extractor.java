package io.newspipe.extraction;

import java.util.List;

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
    static final String RULES_VERSION = "2.1.0";

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
        List<KpiMention> k = kpis.extract(article);
        return new ExtractionResult(version, found, a, k);
    }

    private static String awardKpiResourceHash() {
        return ResourceHash.ofPrefixes("awards-", "kpi-");
    }
}
