package io.newspipe.common;

import java.lang.reflect.InvocationTargetException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;

import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import io.newspipe.schemas.AwardItem;
import io.newspipe.schemas.EnrichedArticle;
import io.newspipe.schemas.EntityItem;
import io.newspipe.schemas.KpiItem;
import io.newspipe.schemas.PersonRoles;
import io.newspipe.schemas.PublishedArticle;
import io.newspipe.schemas.RawArticle;
import io.newspipe.schemas.Story;

/**
 * The typed catalogue of newspipe's topics (after the {@code Schemas.Topics} of Confluent's microservices
 * examples): each topic with its configured name and its key and value serdes, plus how it is created.
 *
 * <p>Keys are the article id as a plain UTF-8 string. Values are Avro through the configured value serde
 * ({@code --value-serde}, default {@code io.newspipe.serde.SpecificAvroSerde}), configured with the registry
 * settings under Confluent's key names. Dead letters keep the original key and value bytes untouched.
 */
public final class TopicCatalog {

    static final long DAY_MS = 24L * 60 * 60 * 1000;
    /** Enriched and per-item topics can be rebuilt from news.raw.v1, so a month is enough. */
    static final String DERIVED_RETENTION_MS = String.valueOf(30 * DAY_MS);
    /** Replay requests only need to live until enrich has read them; a week leaves room for a stopped service. */
    static final String REPLAY_RETENTION_MS = String.valueOf(7 * DAY_MS);

    /** Room a record needs beside its value: key, headers (replay and error headers included), batch overhead. */
    static final int OUTPUT_HEADROOM_BYTES = 16 * 1024;

    /** The value schema of every Avro topic, by logical name. */
    private static final Map<String, Schema> VALUE_SCHEMAS = orderedMap(
            TopicNames.LOGICAL_RAW, RawArticle.getClassSchema(),
            TopicNames.LOGICAL_ENRICHED, EnrichedArticle.getClassSchema(),
            TopicNames.LOGICAL_PUBLISHED, PublishedArticle.getClassSchema(),
            TopicNames.LOGICAL_AWARDS, AwardItem.getClassSchema(),
            TopicNames.LOGICAL_KPIS, KpiItem.getClassSchema(),
            TopicNames.LOGICAL_ENTITIES, EntityItem.getClassSchema(),
            TopicNames.LOGICAL_REPLAY, RawArticle.getClassSchema(),
            TopicNames.LOGICAL_STORIES, Story.getClassSchema(),
            TopicNames.LOGICAL_ROLES, PersonRoles.getClassSchema());

    /**
     * The topics downstream teams build on (by logical name): their subjects are held FULL_TRANSITIVE (see
     * {@link PublicSubjects}), so a consumer on any released schema reads every record and newer consumers read
     * every old one.
     */
    public static final List<String> PUBLIC = List.of(TopicNames.LOGICAL_PUBLISHED, TopicNames.LOGICAL_AWARDS,
            TopicNames.LOGICAL_KPIS, TopicNames.LOGICAL_ENTITIES, TopicNames.LOGICAL_STORIES, TopicNames.LOGICAL_ROLES);

    private final PipelineConfig config;
    private final Topic<String, RawArticle> raw;
    private final Topic<String, EnrichedArticle> enriched;
    private final Topic<String, PublishedArticle> published;
    private final Topic<String, AwardItem> awards;
    private final Topic<String, KpiItem> kpis;
    private final Topic<String, EntityItem> entities;
    private final Topic<byte[], byte[]> deadLetters;
    private final Topic<String, RawArticle> replay;
    private final Topic<String, Story> stories;
    private final Topic<String, PersonRoles> roles;

    public TopicCatalog(PipelineConfig config) {
        this.config = config;
        this.raw = topic(TopicNames.LOGICAL_RAW);
        this.enriched = topic(TopicNames.LOGICAL_ENRICHED);
        this.published = topic(TopicNames.LOGICAL_PUBLISHED);
        this.awards = topic(TopicNames.LOGICAL_AWARDS);
        this.kpis = topic(TopicNames.LOGICAL_KPIS);
        this.entities = topic(TopicNames.LOGICAL_ENTITIES);
        this.deadLetters = new Topic<>(config.errorTopic(), Serdes.ByteArray(), Serdes.ByteArray());
        this.replay = topic(TopicNames.LOGICAL_REPLAY);
        this.stories = topic(TopicNames.LOGICAL_STORIES);
        this.roles = topic(TopicNames.LOGICAL_ROLES);
    }

    private <V> Topic<String, V> topic(String logicalName) {
        return new Topic<>(config.topicName(logicalName), Serdes.String(), valueSerde(config));
    }

    /**
     * The largest output value a Streams service may write: the record limit ({@link PipelineConfig#maxRecordBytes})
     * less room for the key and headers. Use with {@link Topic#producedWithin(long)}.
     */
    public long maxOutputValueBytes() {
        return config.maxRecordBytes() - OUTPUT_HEADROOM_BYTES;
    }

    /** news.raw.v1: article id -> RawArticle. */
    public Topic<String, RawArticle> raw() {
        return raw;
    }

    /** news.enriched.v1: article id -> EnrichedArticle. */
    public Topic<String, EnrichedArticle> enriched() {
        return enriched;
    }

    /** news.published.v1 (compacted): article id -> PublishedArticle. */
    public Topic<String, PublishedArticle> published() {
        return published;
    }

    /** news.awards.v1: article id -> AwardItem, one record per award. */
    public Topic<String, AwardItem> awards() {
        return awards;
    }

    /** news.kpis.v1: article id -> KpiItem, one record per KPI mention. */
    public Topic<String, KpiItem> kpis() {
        return kpis;
    }

    /** news.entities.v1: article id -> EntityItem, one record per entity. */
    public Topic<String, EntityItem> entities() {
        return entities;
    }

    /** news.dlq.v1: original key bytes -> original value bytes, error details in headers. */
    public Topic<byte[], byte[]> deadLetters() {
        return deadLetters;
    }

    /** news.replay.v1: article id -> RawArticle, the same bytes as news.raw.v1, re-enriched on request. */
    public Topic<String, RawArticle> replay() {
        return replay;
    }

    /** news.stories.v1 (compacted): story id -> Story, the whole story as of its latest member. */
    public Topic<String, Story> stories() {
        return stories;
    }

    /** news.roles.v1 (compacted): person id -> PersonRoles, the positions stated of the person. */
    public Topic<String, PersonRoles> roles() {
        return roles;
    }

    public List<Topic<?, ?>> all() {
        return List.of(raw, enriched, published, awards, kpis, entities, deadLetters, replay, stories, roles);
    }

    /** Configured topic name -> value schema, for every topic whose values are Avro (all but the dead letters). */
    public Map<String, Schema> valueSchemas() {
        return schemasOf(VALUE_SCHEMAS.keySet());
    }

    /** Configured topic name -> value schema of the {@link #PUBLIC} topics. */
    public Map<String, Schema> publicValueSchemas() {
        return schemasOf(PUBLIC);
    }

    private Map<String, Schema> schemasOf(java.util.Collection<String> logicalNames) {
        Map<String, Schema> out = new LinkedHashMap<>();
        logicalNames.forEach(logical -> out.put(config.topicName(logical), VALUE_SCHEMAS.get(logical)));
        return out;
    }

    private static Map<String, Schema> orderedMap(Object... pairs) {
        Map<String, Schema> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (Schema) pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /** How every contract topic is created when missing, with partitions and replication from the config. */
    public List<TopicSpec> specs() {
        return List.of(rawSpec(), enrichedSpec(), publishedSpec(), awardsSpec(), kpisSpec(), entitiesSpec(),
                deadLettersSpec(), replaySpec(), storiesSpec(), rolesSpec());
    }

    /** Infinite retention: news.raw.v1 is the source of truth for replay. */
    public TopicSpec rawSpec() {
        return spec(raw.name(), Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1"));
    }

    public TopicSpec enrichedSpec() {
        return spec(enriched.name(), Map.of(TopicConfig.RETENTION_MS_CONFIG, DERIVED_RETENTION_MS));
    }

    /** Compacted: the latest revision of each article, so consumers rebuild their state by reading it all. */
    public TopicSpec publishedSpec() {
        return spec(published.name(), Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    }

    public TopicSpec awardsSpec() {
        return spec(awards.name(), Map.of(TopicConfig.RETENTION_MS_CONFIG, DERIVED_RETENTION_MS));
    }

    public TopicSpec kpisSpec() {
        return spec(kpis.name(), Map.of(TopicConfig.RETENTION_MS_CONFIG, DERIVED_RETENTION_MS));
    }

    public TopicSpec entitiesSpec() {
        return spec(entities.name(), Map.of(TopicConfig.RETENTION_MS_CONFIG, DERIVED_RETENTION_MS));
    }

    /**
     * Ingest's article index ({@link TopicNames#ARTICLE_INDEX}): compacted, so it holds one small record per article
     * whatever the raw topic holds; partitioned and replicated like the other topics. Not one of {@link #specs()}: it
     * is ingest's own state, not a topic downstream reads, and ingest creates it.
     */
    public TopicSpec articleIndexSpec() {
        return spec(config.topicName(TopicNames.LOGICAL_ARTICLE_INDEX),
                Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    }

    /** Infinite retention: dead letters wait until someone re-drives them. */
    public TopicSpec deadLettersSpec() {
        return spec(deadLetters.name(), Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1"));
    }

    /** A week: replay records are copies of news.raw.v1 records, needed only until enrich has read them. */
    public TopicSpec replaySpec() {
        return spec(replay.name(), Map.of(TopicConfig.RETENTION_MS_CONFIG, REPLAY_RETENTION_MS));
    }

    /** Compacted: the latest state of each story, so consumers rebuild every story by reading it all. */
    public TopicSpec storiesSpec() {
        return spec(stories.name(), Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    }

    /** Compacted: the latest positions of each person. */
    public TopicSpec rolesSpec() {
        return spec(roles.name(), Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    }

    private TopicSpec spec(String name, Map<String, String> configs) {
        Map<String, String> all = new java.util.LinkedHashMap<>(configs);
        all.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(config.topicMinInSyncReplicas()));
        return new TopicSpec(name, config.topicPartitions(), config.topicReplicationFactor(), all);
    }

    /**
     * A new value serde of the configured class ({@code --value-serde}), configured as a value serde with
     * {@link PipelineConfig#serdeConfig()}. The class needs a public no-argument constructor, as Kafka's own
     * serde loading does.
     */
    public static <V> Serde<V> valueSerde(PipelineConfig config) {
        return serde(config.valueSerde(), config.serdeConfig(), false);
    }

    @SuppressWarnings("unchecked")
    static <V> Serde<V> serde(String className, Map<String, ?> serdeConfig, boolean isKey) {
        String setting = Setting.VALUE_SERDE.flag() + " / " + Setting.VALUE_SERDE.environmentVariable();
        Class<?> type;
        try {
            type = Class.forName(className, true, classLoader());
        } catch (ClassNotFoundException e) {
            throw new ConfigException("Serde class '" + className + "' (" + setting
                    + ") is not on the classpath; add its jar or use the default "
                    + Setting.VALUE_SERDE.defaultValue(), e);
        }
        if (!Serde.class.isAssignableFrom(type)) {
            throw new ConfigException("Class '" + className + "' (" + setting + ") is not a "
                    + Serde.class.getName());
        }
        Serde<V> serde;
        try {
            serde = (Serde<V>) type.getConstructor().newInstance();
        } catch (NoSuchMethodException e) {
            throw new ConfigException("Serde class '" + className + "' (" + setting
                    + ") has no public no-argument constructor", e);
        } catch (InvocationTargetException e) {
            throw new ConfigException("Serde class '" + className + "' (" + setting + ") failed to construct: "
                    + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new ConfigException("Serde class '" + className + "' (" + setting + ") cannot be created: " + e, e);
        }
        serde.configure(serdeConfig, isKey);
        return serde;
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : TopicCatalog.class.getClassLoader();
    }
}
