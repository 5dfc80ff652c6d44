package io.newspipe.common;

import java.util.List;

/**
 * Shorthands for the default and logical names of the {@link TopicTable} rows, for code and tests written before
 * the table. Nothing is declared here: a new topic needs no line in this class (use its row). Deployments may rename
 * topics ({@code --topic-name raw=...}), so code takes names from {@link TopicCatalog}, not from here.
 */
public final class TopicNames {

    public static final String RAW = TopicTable.RAW.defaultName();
    public static final String ENRICHED = TopicTable.ENRICHED.defaultName();
    public static final String PUBLISHED = TopicTable.PUBLISHED.defaultName();
    public static final String AWARDS = TopicTable.AWARDS.defaultName();
    public static final String KPIS = TopicTable.KPIS.defaultName();
    public static final String ENTITIES = TopicTable.ENTITIES.defaultName();
    public static final String STORIES = TopicTable.STORIES.defaultName();
    public static final String ROLES = TopicTable.ROLES.defaultName();
    public static final String REPLAY = TopicTable.REPLAY.defaultName();
    public static final String DEAD_LETTERS = TopicTable.DEAD_LETTERS.defaultName();
    public static final String DLQ_REDRIVEN = TopicTable.DLQ_REDRIVEN.defaultName();
    public static final String ARTICLE_INDEX = TopicTable.ARTICLE_INDEX.defaultName();

    public static final String LOGICAL_RAW = TopicTable.RAW.logicalName();
    public static final String LOGICAL_ENRICHED = TopicTable.ENRICHED.logicalName();
    public static final String LOGICAL_PUBLISHED = TopicTable.PUBLISHED.logicalName();
    public static final String LOGICAL_AWARDS = TopicTable.AWARDS.logicalName();
    public static final String LOGICAL_KPIS = TopicTable.KPIS.logicalName();
    public static final String LOGICAL_ENTITIES = TopicTable.ENTITIES.logicalName();
    public static final String LOGICAL_DEAD_LETTERS = TopicTable.DEAD_LETTERS.logicalName();
    public static final String LOGICAL_REPLAY = TopicTable.REPLAY.logicalName();
    public static final String LOGICAL_STORIES = TopicTable.STORIES.logicalName();
    public static final String LOGICAL_ROLES = TopicTable.ROLES.logicalName();
    public static final String LOGICAL_ARTICLE_INDEX = TopicTable.ARTICLE_INDEX.logicalName();

    /** The logical names {@code --topic-name} accepts. */
    public static final List<String> LOGICAL_NAMES = TopicTable.renamableLogicalNames();

    private TopicNames() {
    }

    /** The default topic name for a logical name. */
    public static String defaultName(String logicalName) {
        return TopicTable.byLogicalName(logicalName).defaultName();
    }
}
