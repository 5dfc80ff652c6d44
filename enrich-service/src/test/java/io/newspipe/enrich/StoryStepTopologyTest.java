package io.newspipe.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.newspipe.common.PipelineConfig;
import io.newspipe.common.TopicCatalog;
import io.newspipe.devstack.DevStack;
import io.newspipe.devstack.junit.DevStackExtension;
import io.newspipe.extraction.Extractor;
import io.newspipe.extraction.TextNormalizer;
import io.newspipe.schemas.EnrichedArticle;
import io.newspipe.schemas.Entity;
import io.newspipe.schemas.EntityType;
import io.newspipe.schemas.PersonRoles;
import io.newspipe.schemas.RawArticle;
import io.newspipe.schemas.RolePosition;
import io.newspipe.schemas.Story;
import io.newspipe.schemas.StoryMember;
import io.newspipe.stories.StoryIds;

/**
 * The story step of the enrich topology on TopologyTestDriver (the serdes talk to the DevStack's registry), with
 * the articles of src/test/resources/io/newspipe/enrich/stories: a bridge opened (two outlets' reports and a
 * reprint), and an accident on the same bridge the next day.
 */
@ExtendWith(DevStackExtension.class)
class StoryStepTopologyTest {

    private static final Instant NOW = Instant.parse("2025-03-12T00:00:00Z");

    private TopologyTestDriver driver;
    private TestInputTopic<String, RawArticle> raw;
    private TestInputTopic<String, RawArticle> replay;
    private TestOutputTopic<String, EnrichedArticle> enriched;
    private TestOutputTopic<String, Story> stories;
    private TestOutputTopic<String, PersonRoles> roles;

    @BeforeEach
    void start(DevStack stack, @TempDir Path stateDir) {
        PipelineConfig config = EnrichService.withDeadLetterHandler(PipelineConfig.builder()
                .bootstrapServers(stack.bootstrapServers())
                .schemaRegistryUrl(stack.schemaRegistryUrl())
                .applicationId("story-test-" + UUID.randomUUID())
                .stateDir(stateDir)
                .build());
        TopicCatalog topics = new TopicCatalog(config);
        driver = new TopologyTestDriver(EnrichService.buildTopology(topics, Extractor.create(),
                Clock.fixed(NOW, ZoneOffset.UTC)), config.streamsProperties());
        raw = driver.createInputTopic(topics.raw().name(), new StringSerializer(), topics.raw().valueSerializer());
        replay = driver.createInputTopic(topics.replay().name(), new StringSerializer(),
                topics.replay().valueSerializer());
        enriched = driver.createOutputTopic(topics.enriched().name(), topics.enriched().keyDeserializer(),
                topics.enriched().valueDeserializer());
        stories = driver.createOutputTopic(topics.stories().name(), topics.stories().keyDeserializer(),
                topics.stories().valueDeserializer());
        roles = driver.createOutputTopic(topics.roles().name(), topics.roles().keyDeserializer(),
                topics.roles().valueDeserializer());
    }

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    /** A test article as ingest would hand it over, optionally under another id and outlet (a reprint). */
    static RawArticle article(String name, String otherId, String otherSource, Instant otherTime) {
        String path = "/io/newspipe/enrich/stories/" + name + ".txt";
        try (InputStream in = StoryStepTopologyTest.class.getResourceAsStream(path)) {
            String file = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int blank = file.indexOf("\n\n");
            Map<String, String> header = new LinkedHashMap<>();
            for (String line : file.substring(0, blank).split("\n")) {
                int colon = line.indexOf(':');
                header.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
            String text = TextNormalizer.normalize(file.substring(blank + 2).strip());
            String id = otherId != null ? otherId : header.get("id");
            Instant time = otherTime != null ? otherTime : OffsetDateTime.parse(header.get("time")).toInstant();
            return RawArticle.newBuilder().setArticleId(id).setUrl("https://example.vn/" + id)
                    .setTitle(header.get("title")).setSource(otherSource != null ? otherSource : header.get("source"))
                    .setLanguage("vi").setPublishedAt(time).setReceivedAt(time.plusSeconds(60))
                    .setOriginalText(text).setText(text).setContentHash("hash-" + id).build();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static RawArticle article(String name) {
        return article(name, null, null, null);
    }

    private EnrichedArticle send(RawArticle a) {
        raw.pipeInput(a.getArticleId(), a);
        return single(enriched.readKeyValuesToList(), a.getArticleId());
    }

    private static <V> V single(List<KeyValue<String, V>> records, String key) {
        assertThat(records).extracting(kv -> kv.key).containsExactly(key);
        return records.get(0).value;
    }

    private static Map<String, Story> latest(List<KeyValue<String, Story>> records) {
        Map<String, Story> out = new LinkedHashMap<>();
        records.forEach(kv -> out.put(kv.key, kv.value));
        return out;
    }

    @Test
    void givenTwoOutletsReportsOfOneOpening_whenEnriched_thenTheyShareTheStoryOfTheFirst() {
        EnrichedArticle first = send(article("ht-cau-khanh-thanh"));
        EnrichedArticle second = send(article("tn-cau-khanh-thanh"));

        assertThat(first.getStoryId()).isEqualTo(StoryIds.ofFirstArticle("ht-cau-1"));
        assertThat(second.getStoryId()).isEqualTo(first.getStoryId());
        assertThat(second.getCopyOf()).isNull(); // rewritten, not reprinted
    }

    @Test
    void givenAnAccidentOnTheSameBridgeADayLater_whenEnriched_thenItIsAnotherStory() {
        EnrichedArticle opening = send(article("ht-cau-khanh-thanh"));
        send(article("tn-cau-khanh-thanh"));
        EnrichedArticle accident = send(article("ht-cau-tai-nan"));

        assertThat(accident.getStoryId()).isEqualTo(StoryIds.ofFirstArticle("ht-cau-4"))
                .isNotEqualTo(opening.getStoryId());
    }

    @Test
    void givenAReprintByAThirdOutlet_whenEnriched_thenItIsAMemberFlaggedAsACopy() {
        EnrichedArticle original = send(article("ht-cau-khanh-thanh"));
        EnrichedArticle reprint = send(article("ht-cau-khanh-thanh", "bm-cau-3", "Báo Mới Online",
                Instant.parse("2025-03-10T03:00:00Z")));

        assertThat(reprint.getStoryId()).isEqualTo(original.getStoryId());
        assertThat(reprint.getCopyOf()).isEqualTo("ht-cau-1");
    }

    @Test
    void givenAReplayedArticle_whenEnrichedAgain_thenItKeepsItsStoryAndTheStoryIsNotRewritten() {
        send(article("ht-cau-khanh-thanh"));
        EnrichedArticle second = send(article("tn-cau-khanh-thanh"));
        send(article("ht-cau-tai-nan"));
        stories.readKeyValuesToList();

        RawArticle again = article("tn-cau-khanh-thanh");
        replay.pipeInput(again.getArticleId(), again);

        EnrichedArticle replayed = single(enriched.readKeyValuesToList(), "tn-cau-2");
        assertThat(replayed.getStoryId()).isEqualTo(second.getStoryId());
        assertThat(stories.isEmpty()).isTrue();
    }

    @Test
    void givenTheFourArticles_whenEnriched_thenNewsStoriesHoldsEachStoryWithMembersOutletsAndMainEntities() {
        send(article("ht-cau-khanh-thanh"));
        send(article("tn-cau-khanh-thanh"));
        send(article("ht-cau-khanh-thanh", "bm-cau-3", "Báo Mới Online", Instant.parse("2025-03-10T03:00:00Z")));
        send(article("ht-cau-tai-nan"));

        List<KeyValue<String, Story>> records = stories.readKeyValuesToList();
        assertThat(records).hasSize(4); // one per new member
        Map<String, Story> byId = latest(records);
        Story opening = byId.get(StoryIds.ofFirstArticle("ht-cau-1"));
        assertThat(opening.getMembers()).extracting(StoryMember::getArticleId)
                .containsExactly("ht-cau-1", "tn-cau-2", "bm-cau-3");
        assertThat(opening.getMembers()).extracting(StoryMember::getCopyOf).containsExactly(null, null, "ht-cau-1");
        assertThat(opening.getSources()).containsExactly("Báo Hà Tĩnh", "Tin Nhanh Online", "Báo Mới Online");
        assertThat(opening.getFirstSeen()).isEqualTo(Instant.parse("2025-03-10T02:00:00Z"));
        assertThat(opening.getLastSeen()).isEqualTo(Instant.parse("2025-03-10T05:00:00Z"));
        assertThat(opening.getMainEntities()).isNotEmpty().allMatch(id -> id.matches("[pol]-[0-9a-f]{16}"));
        Story accident = byId.get(StoryIds.ofFirstArticle("ht-cau-4"));
        assertThat(accident.getMembers()).extracting(StoryMember::getArticleId).containsExactly("ht-cau-4");
        assertThat(byId).hasSize(2);
    }

    @Test
    void givenAPersonNamedWithAPostThenWithout_whenEnriched_thenBothMentionsHaveOneIdAndTheRoleIsOnNewsRoles() {
        EnrichedArticle withPost = send(article("ht-cau-khanh-thanh"));
        EnrichedArticle withoutPost = send(article("tn-cau-khanh-thanh"));

        Entity titled = person(withPost, "Lê Quang Vinh");
        Entity plain = person(withoutPost, "Lê Quang Vinh");
        assertThat(titled.getRole()).contains("Chủ tịch");
        assertThat(plain.getRole()).isNull();
        assertThat(titled.getId()).isNotNull().isEqualTo(plain.getId());
        assertThat(titled.getCanonicalName()).isEqualTo("Lê Quang Vinh");
        // "ông Vinh" later in the first article is the same person, when the extractor reports it
        withPost.getEntities().stream().filter(e -> e.getType() == EntityType.PERSON)
                .forEach(e -> assertThat(e.getId()).as(e.getText()).isEqualTo(titled.getId()));

        PersonRoles vinh = latestRoles().get(titled.getId());
        assertThat(vinh.getName()).isEqualTo("Lê Quang Vinh");
        RolePosition chair = vinh.getPositions().get(0);
        assertThat(chair.getPost()).isEqualTo("Chủ tịch");
        assertThat(chair.getOrganization()).isEqualTo("Ủy ban nhân dân tỉnh Hà Tĩnh");
        assertThat(chair.getFirstStated()).isEqualTo(LocalDate.of(2025, 3, 10));
        assertThat(chair.getArticleIds()).containsExactly("ht-cau-1");
    }

    private Map<String, PersonRoles> latestRoles() {
        Map<String, PersonRoles> out = new LinkedHashMap<>();
        roles.readKeyValuesToList().forEach(kv -> out.put(kv.key, kv.value));
        return out;
    }

    private static Entity person(EnrichedArticle a, String canonical) {
        return a.getEntities().stream().filter(e -> e.getType() == EntityType.PERSON
                && canonical.equals(e.getCanonical())).findFirst()
                .orElseThrow(() -> new AssertionError("no person " + canonical + " in " + a.getEntities()));
    }
}
