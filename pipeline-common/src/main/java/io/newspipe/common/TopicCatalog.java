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
 * examples): each {@link TopicTable} row under its configured name with its key and value serdes, plus how it is
 * created. Nothing about a topic is declared here; the table holds it.
 *
 * <p>Keys are the article id as a plain UTF-8 string. Values are Avro through the configured value serde
 * ({@code --value-serde}, default {@code io.newspipe.serde.SpecificAvroSerde}), configured with the registry
 * settings under Confluent's key names. Dead letters keep the original key and value bytes untouched.
 */
public final class TopicCatalog {

    /** Room a record needs beside its value: key, headers (replay and error headers included), batch overhead. */
    static final int OUTPUT_HEADROOM_BYTES = 16 * 1024;

    private final PipelineConfig config;
    private final Map<TopicTable.Row<?, ?>, Topic<?, ?>> topics = new LinkedHashMap<>();

    /** Builds every topic's serdes at once, so a wrong {@code --value-serde} fails here, at start-up. */
    public TopicCatalog(PipelineConfig config) {
        this.config = config;
        for (TopicTable.Row<?, ?> row : TopicTable.all()) {
            topics.put(row, new Topic<>(name(row), serdeOf(row.keyType()), row.isAvro() ? valueSerde(config)
                    : serdeOf(row.valueType())));
        }
    }

    private static Serde<?> serdeOf(Class<?> type) {
        if (type == String.class) {
            return Serdes.String();
        }
        if (type == byte[].class) {
            return Serdes.ByteArray();
        }
        throw new IllegalArgumentException("no plain serde for " + type);
    }

    /** The topic of a row, under its configured name. */
    @SuppressWarnings("unchecked")
    public <K, V> Topic<K, V> topic(TopicTable.Row<K, V> row) {
        return (Topic<K, V>) topics.get(row);
    }

    /** The configured name of a row ({@code --topic-name}; a row that is not renamable keeps its default). */
    public String name(TopicTable.Row<?, ?> row) {
        return row.renamable() ? config.topicName(row.logicalName()) : row.defaultName();
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
        return topic(TopicTable.RAW);
    }

    /** news.enriched.v1: article id -> EnrichedArticle. */
    public Topic<String, EnrichedArticle> enriched() {
        return topic(TopicTable.ENRICHED);
    }

    /** news.published.v1 (compacted): article id -> PublishedArticle. */
    public Topic<String, PublishedArticle> published() {
        return topic(TopicTable.PUBLISHED);
    }

    /** news.awards.v1: article id -> AwardItem, one record per award. */
    public Topic<String, AwardItem> awards() {
        return topic(TopicTable.AWARDS);
    }

    /** news.kpis.v1: article id -> KpiItem, one record per KPI mention. */
    public Topic<String, KpiItem> kpis() {
        return topic(TopicTable.KPIS);
    }

    /** news.entities.v1: article id -> EntityItem, one record per entity. */
    public Topic<String, EntityItem> entities() {
        return topic(TopicTable.ENTITIES);
    }

    /** news.dlq.v1: original key bytes -> original value bytes, error details in headers. */
    public Topic<byte[], byte[]> deadLetters() {
        return topic(TopicTable.DEAD_LETTERS);
    }

    /** news.replay.v1: article id -> RawArticle, the same bytes as news.raw.v1, re-enriched on request. */
    public Topic<String, RawArticle> replay() {
        return topic(TopicTable.REPLAY);
    }

    /** news.stories.v1 (compacted): story id -> Story, the whole story as of its latest member. */
    public Topic<String, Story> stories() {
        return topic(TopicTable.STORIES);
    }

    /** news.roles.v1 (compacted): person id -> PersonRoles, the positions stated of the person. */
    public Topic<String, PersonRoles> roles() {
        return topic(TopicTable.ROLES);
    }

    /** The contract topics (those in docs/asyncapi.yaml), in table order. */
    public List<Topic<?, ?>> all() {
        return contractRows().stream().<Topic<?, ?>>map(this::topic).toList();
    }

    /** Configured topic name -> value schema, for every contract topic whose values are Avro. */
    public Map<String, Schema> valueSchemas() {
        return schemasOf(contractRows().stream().filter(TopicTable.Row::isAvro).toList());
    }

    /** Configured topic name -> value schema of the public topics ({@link TopicTable.Audience#PUBLIC}). */
    public Map<String, Schema> publicValueSchemas() {
        return schemasOf(TopicTable.all().stream().filter(TopicTable.Row::isPublic).toList());
    }

    private Map<String, Schema> schemasOf(List<TopicTable.Row<?, ?>> rows) {
        Map<String, Schema> out = new LinkedHashMap<>();
        rows.forEach(row -> out.put(name(row), row.valueSchema()));
        return out;
    }

    private static List<TopicTable.Row<?, ?>> contractRows() {
        return TopicTable.all().stream().filter(TopicTable.Row::isContract).toList();
    }

    /** How every contract topic is created when missing (not the operational ones: their programs create them). */
    public List<TopicSpec> specs() {
        return contractRows().stream().map(this::spec).toList();
    }

    /** Every row's spec, the operational topics' included ({@code ./newspipe topics --apply-configs}). */
    public List<TopicSpec> allSpecs() {
        return TopicTable.all().stream().map(this::spec).toList();
    }

    /** The topics a program creates when they are missing: those it reads or writes. */
    public List<TopicSpec> specsCreatedBy(TopicTable.Creator creator) {
        return TopicTable.all().stream().filter(row -> row.createdBy().contains(creator)).map(this::spec).toList();
    }

    /** How a row's topic is created: its table configs plus partitions, replication and min ISR from the config. */
    public TopicSpec spec(TopicTable.Row<?, ?> row) {
        Map<String, String> all = new LinkedHashMap<>(row.configs());
        all.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(config.topicMinInSyncReplicas()));
        int partitions = row.partitions() == TopicTable.Partitions.ONE ? 1 : config.topicPartitions();
        return new TopicSpec(name(row), partitions, config.topicReplicationFactor(), all);
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
