package io.newspipe.common;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.avro.Schema;

import org.apache.kafka.common.config.TopicConfig;

import io.newspipe.schemas.AwardItem;
import io.newspipe.schemas.EnrichedArticle;
import io.newspipe.schemas.EntityItem;
import io.newspipe.schemas.KpiItem;
import io.newspipe.schemas.PersonRoles;
import io.newspipe.schemas.PublishedArticle;
import io.newspipe.schemas.RawArticle;
import io.newspipe.schemas.Story;

/**
 * Every topic newspipe writes, declared once: logical name, default name, key and value, cleanup policy, retention,
 * partitions, audience, which programs create it and what it holds. Everything else derives from these rows:
 * {@link TopicNames}, {@link TopicCatalog} (serdes, specs, schemas), the {@code --topic-name} help, provisioning,
 * {@code ./newspipe topics --apply-configs}, the AsyncAPI and README checks and the bench's hops. Kafka Streams' own
 * changelog and repartition topics are named and configured by Streams, so they are not rows.
 *
 * <p>Adding a topic: one row here (and its .avsc); the code that writes it takes {@code catalog.topic(ROW)}; the
 * creating programs provision it from {@link Row#createdBy()}; the tests then name the documents to update
 * (docs/asyncapi.yaml, the README's topic table).
 */
public final class TopicTable {

    /** The programs that create topics when missing (each creates what it reads or writes). */
    public enum Creator {
        INGEST, ENRICH, PUBLISH, OPERATOR_CLI
    }

    /** Who a topic is for. */
    public enum Audience {
        /** Downstream teams build on it: in docs/asyncapi.yaml, its subject held FULL_TRANSITIVE. */
        PUBLIC,
        /** In docs/asyncapi.yaml (documented, readable) but written and read by the pipeline itself. */
        PIPELINE,
        /** Operational state of one program: not in docs/asyncapi.yaml, not for downstream use. */
        OPERATIONAL
    }

    /** How many partitions a created topic gets. */
    public enum Partitions {
        /** {@code --topic-partitions}. */
        CONFIGURED,
        /** One: a small ledger read whole. */
        ONE
    }

    static final long DAY_MS = 24L * 60 * 60 * 1000;
    /** Retention of a compacted topic: none of its own (the broker's default applies to nothing compacted away). */
    static final Long BROKER_DEFAULT = null;
    static final long FOREVER = -1;

    /** Rows in declaration order; filled by {@link #row} as the constants below initialize. */
    private static final List<Row<?, ?>> ROWS = new ArrayList<>();

    /**
     * One topic.
     *
     * @param logicalName  the name {@code --topic-name LOGICAL=NAME} renames it by
     * @param defaultName  its name when not renamed: the public contract
     * @param keyType      {@code String.class} (a UTF-8 id) or {@code byte[].class} (original bytes, dead letters)
     * @param key          what the key is
     * @param valueType    the generated Avro class, or {@code byte[].class}
     * @param valueSchema  the value's Avro schema, or null when values are not Avro
     * @param cleanup      {@code delete} or {@code compact}
     * @param retentionMs  {@code retention.ms}, -1 for forever, null for the broker's default (compacted topics)
     * @param partitions   how many partitions it is created with
     * @param audience     who reads it
     * @param renamable    whether {@code --topic-name} renames it (the redrive ledger has its own flag)
     * @param createdBy    the programs that create it when it is missing
     * @param description  one line: what a record is
     */
    public record Row<K, V>(String logicalName, String defaultName, Class<K> keyType, String key, Class<V> valueType,
            Schema valueSchema, String cleanup, Long retentionMs, Partitions partitions, Audience audience,
            boolean renamable, Set<Creator> createdBy, String description) {

        public boolean isAvro() {
            return valueSchema != null;
        }

        public boolean isPublic() {
            return audience == Audience.PUBLIC;
        }

        /** In docs/asyncapi.yaml and {@link TopicCatalog#specs()}. */
        public boolean isContract() {
            return audience != Audience.OPERATIONAL;
        }

        /** The topic configs it is created with and held to, apart from min.insync.replicas (from the config). */
        public Map<String, String> configs() {
            Map<String, String> configs = new LinkedHashMap<>();
            configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, cleanup);
            if (retentionMs != null) {
                configs.put(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(retentionMs));
            }
            return Collections.unmodifiableMap(configs);
        }

        @Override
        public String toString() {
            return logicalName + " (" + defaultName + ")";
        }
    }

    public static final Row<String, RawArticle> RAW = row("raw", "news.raw.v1", String.class, "article id",
            RawArticle.class, RawArticle.getClassSchema(), TopicConfig.CLEANUP_POLICY_DELETE, FOREVER,
            Audience.PIPELINE, EnumSet.of(Creator.INGEST, Creator.ENRICH),
            "accepted articles, one record per article version; the source of truth for replay, so kept forever");
    public static final Row<String, EnrichedArticle> ENRICHED = row("enriched", "news.enriched.v1", String.class,
            "article id", EnrichedArticle.class, EnrichedArticle.getClassSchema(), TopicConfig.CLEANUP_POLICY_DELETE,
            30 * DAY_MS, Audience.PIPELINE, EnumSet.of(Creator.ENRICH, Creator.PUBLISH),
            "articles with their entities, awards and KPI mentions; rebuildable from raw, so a month");
    public static final Row<String, PublishedArticle> PUBLISHED = row("published", "news.published.v1", String.class,
            "article id", PublishedArticle.class, PublishedArticle.getClassSchema(), TopicConfig.CLEANUP_POLICY_COMPACT,
            BROKER_DEFAULT, Audience.PUBLIC, EnumSet.of(Creator.PUBLISH),
            "the latest revision of each article; read from the beginning to rebuild state");
    public static final Row<String, AwardItem> AWARDS = row("awards", "news.awards.v1", String.class, "article id",
            AwardItem.class, AwardItem.getClassSchema(), TopicConfig.CLEANUP_POLICY_DELETE, 30 * DAY_MS,
            Audience.PUBLIC, EnumSet.of(Creator.PUBLISH),
            "one record per award of a new revision, or one empty-set marker");
    public static final Row<String, KpiItem> KPIS = row("kpis", "news.kpis.v1", String.class, "article id",
            KpiItem.class, KpiItem.getClassSchema(), TopicConfig.CLEANUP_POLICY_DELETE, 30 * DAY_MS,
            Audience.PUBLIC, EnumSet.of(Creator.PUBLISH),
            "one record per KPI mention of a new revision, or one empty-set marker");
    public static final Row<String, EntityItem> ENTITIES = row("entities", "news.entities.v1", String.class,
            "article id", EntityItem.class, EntityItem.getClassSchema(), TopicConfig.CLEANUP_POLICY_DELETE,
            30 * DAY_MS, Audience.PUBLIC, EnumSet.of(Creator.PUBLISH),
            "one record per entity of a new revision, or one empty-set marker");
    public static final Row<byte[], byte[]> DEAD_LETTERS = row("dlq", "news.dlq.v1", byte[].class,
            "original key bytes", byte[].class, null, TopicConfig.CLEANUP_POLICY_DELETE, FOREVER,
            Audience.PIPELINE, EnumSet.of(Creator.ENRICH, Creator.PUBLISH),
            "what could not be processed: original bytes plus error headers; kept until re-driven, so forever");
    public static final Row<String, RawArticle> REPLAY = row("replay", "news.replay.v1", String.class, "article id",
            RawArticle.class, RawArticle.getClassSchema(), TopicConfig.CLEANUP_POLICY_DELETE, 7 * DAY_MS,
            Audience.PIPELINE, EnumSet.of(Creator.ENRICH, Creator.OPERATOR_CLI),
            "raw records sent again for re-enrichment; needed only until enrich read them, so a week");
    public static final Row<String, Story> STORIES = row("stories", "news.stories.v1", String.class, "story id",
            Story.class, Story.getClassSchema(), TopicConfig.CLEANUP_POLICY_COMPACT, BROKER_DEFAULT,
            Audience.PUBLIC, EnumSet.of(Creator.ENRICH),
            "the whole story each time an article joins it; the latest state of each story");
    public static final Row<String, PersonRoles> ROLES = row("roles", "news.roles.v1", String.class,
            "person id", PersonRoles.class, PersonRoles.getClassSchema(), TopicConfig.CLEANUP_POLICY_COMPACT,
            BROKER_DEFAULT, Audience.PUBLIC, EnumSet.of(Creator.ENRICH),
            "the positions articles state of each person; the latest per person");
    public static final Row<String, byte[]> ARTICLE_INDEX = row("article-index", "news.article-index.v1",
            String.class, "article id", byte[].class, null, TopicConfig.CLEANUP_POLICY_COMPACT, BROKER_DEFAULT,
            Audience.OPERATIONAL, EnumSet.of(Creator.INGEST),
            "ingest's article index: latest version and text fingerprint per article, shared by every instance");
    public static final Row<byte[], byte[]> DLQ_REDRIVEN = new Row<>("dlq-redriven", "news.dlq.redriven.v1",
            byte[].class, "dead-letter position", byte[].class, null, TopicConfig.CLEANUP_POLICY_COMPACT, FOREVER,
            Partitions.ONE, Audience.OPERATIONAL, false, Set.of(Creator.OPERATOR_CLI),
            "which dead letters ./newspipe dlq replay re-drove; renamed with --redriven-topic");

    static {
        ROWS.add(DLQ_REDRIVEN);
    }

    private TopicTable() {
    }

    private static <K, V> Row<K, V> row(String logicalName, String defaultName, Class<K> keyType, String key,
            Class<V> valueType, Schema valueSchema, String cleanup, Long retentionMs, Audience audience,
            Set<Creator> createdBy, String description) {
        Row<K, V> row = new Row<>(logicalName, defaultName, keyType, key, valueType, valueSchema, cleanup,
                retentionMs, Partitions.CONFIGURED, audience, true, Set.copyOf(createdBy), description);
        ROWS.add(row);
        return row;
    }

    /** Every row, in declaration order. */
    public static List<Row<?, ?>> all() {
        return Collections.unmodifiableList(ROWS);
    }

    /** The logical names {@code --topic-name} accepts. */
    public static List<String> renamableLogicalNames() {
        return ROWS.stream().filter(Row::renamable).map(Row::logicalName).toList();
    }

    /** The row of a renamable logical name; a clear error listing the known ones otherwise. */
    public static Row<?, ?> byLogicalName(String logicalName) {
        return ROWS.stream().filter(r -> r.renamable() && r.logicalName().equals(logicalName)).findFirst()
                .orElseThrow(() -> new ConfigException("Unknown topic '" + logicalName + "'; known topics: "
                        + String.join(", ", renamableLogicalNames())));
    }

    /** For picocli's {@code ${COMPLETION-CANDIDATES}} in the {@code --topic-name} help. */
    public static final class LogicalNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return renamableLogicalNames().iterator();
        }
    }
}
