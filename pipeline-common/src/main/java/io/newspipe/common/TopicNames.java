package io.newspipe.common;

import java.util.List;

/**
 * The default names of newspipe's topics: the public contract, defined once. Deployments may rename them through
 * configuration ({@code --topic-name raw=...}), so code takes names from {@link TopicCatalog}, not from here.
 */
public final class TopicNames {

    /** Raw articles (key: article id, value: RawArticle). Long retention: the source of truth for replay. */
    public static final String RAW = "news.raw.v1";
    /** Enriched articles (key: article id, value: EnrichedArticle). */
    public static final String ENRICHED = "news.enriched.v1";
    /** Published articles (key: article id, value: PublishedArticle). Compacted: latest revision per article. */
    public static final String PUBLISHED = "news.published.v1";
    /** One record per award (key: article id, value: AwardItem). */
    public static final String AWARDS = "news.awards.v1";
    /** One record per KPI mention (key: article id, value: KpiItem). */
    public static final String KPIS = "news.kpis.v1";
    /** One record per entity (key: article id, value: EntityItem). */
    public static final String ENTITIES = "news.entities.v1";
    /**
     * Stories (key: story id, value: Story): the articles of every outlet that report one event. Compacted: the
     * latest state of each story.
     */
    public static final String STORIES = "news.stories.v1";
    /** Positions stated of each person (key: person id, value: PersonRoles). Compacted: the latest per person. */
    public static final String ROLES = "news.roles.v1";
    /**
     * Raw articles sent again for re-enrichment by {@code ./newspipe replay} and {@code ./newspipe dlq replay}: the same
     * key, value bytes and headers as news.raw.v1. Kept apart so news.raw.v1 stays the untouched source of truth.
     */
    public static final String REPLAY = "news.replay.v1";
    /** Dead letters: the original key and value bytes plus error headers. */
    public static final String DEAD_LETTERS = "news.dlq.v1";
    /**
     * Operational, not part of the downstream contract (so not in {@link #LOGICAL_NAMES}, {@link TopicCatalog} or
     * docs/asyncapi.yaml): the compacted ledger of which dead letters {@code ./newspipe dlq replay} already re-drove,
     * keyed by dead-letter position. The CLI creates it (one partition) and names it with {@code --redriven-topic}.
     */
    public static final String DLQ_REDRIVEN = "news.dlq.redriven.v1";
    /**
     * Operational, not part of the downstream contract (so not in docs/asyncapi.yaml or {@link TopicCatalog#specs()}):
     * ingest's article index, compacted, keyed by article id, valued with the latest version and a fingerprint of its
     * text. Every ingest instance writes it after news.raw.v1 acknowledged an article and reads all of it into a
     * local persistent store, so any number of instances judge duplicates and corrections alike.
     */
    public static final String ARTICLE_INDEX = "news.article-index.v1";

    /** Logical names used to rename topics in configuration ({@code --topic-name raw=my.raw}). */
    public static final String LOGICAL_RAW = "raw";
    public static final String LOGICAL_ENRICHED = "enriched";
    public static final String LOGICAL_PUBLISHED = "published";
    public static final String LOGICAL_AWARDS = "awards";
    public static final String LOGICAL_KPIS = "kpis";
    public static final String LOGICAL_ENTITIES = "entities";
    public static final String LOGICAL_DEAD_LETTERS = "dlq";
    public static final String LOGICAL_REPLAY = "replay";
    public static final String LOGICAL_STORIES = "stories";
    public static final String LOGICAL_ROLES = "roles";
    public static final String LOGICAL_ARTICLE_INDEX = "article-index";

    public static final List<String> LOGICAL_NAMES = List.of(LOGICAL_RAW, LOGICAL_ENRICHED, LOGICAL_PUBLISHED,
            LOGICAL_AWARDS, LOGICAL_KPIS, LOGICAL_ENTITIES, LOGICAL_DEAD_LETTERS, LOGICAL_REPLAY, LOGICAL_STORIES,
            LOGICAL_ROLES, LOGICAL_ARTICLE_INDEX);

    private TopicNames() {
    }

    /** The default topic name for a logical name. */
    public static String defaultName(String logicalName) {
        return switch (logicalName) {
            case LOGICAL_RAW -> RAW;
            case LOGICAL_ENRICHED -> ENRICHED;
            case LOGICAL_PUBLISHED -> PUBLISHED;
            case LOGICAL_AWARDS -> AWARDS;
            case LOGICAL_KPIS -> KPIS;
            case LOGICAL_ENTITIES -> ENTITIES;
            case LOGICAL_DEAD_LETTERS -> DEAD_LETTERS;
            case LOGICAL_REPLAY -> REPLAY;
            case LOGICAL_STORIES -> STORIES;
            case LOGICAL_ROLES -> ROLES;
            case LOGICAL_ARTICLE_INDEX -> ARTICLE_INDEX;
            default -> throw new ConfigException("Unknown topic '" + logicalName + "'; known topics: "
                    + String.join(", ", LOGICAL_NAMES));
        };
    }
}
