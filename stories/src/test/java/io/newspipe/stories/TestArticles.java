package io.newspipe.stories;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import io.newspipe.extraction.ExtractionResult;
import io.newspipe.extraction.Extractor;
import io.newspipe.extraction.TextNormalizer;
import io.newspipe.stories.identity.ArticleEntities;
import io.newspipe.stories.identity.EntityResolver;
import io.newspipe.stories.identity.ReferenceAdminRegistry;

/** The hand-written test articles under {@code src/test/resources/io/newspipe/stories/articles}, extracted. */
public final class TestArticles {

    private static final Extractor EXTRACTOR = Extractor.create();
    private static final EntityResolver RESOLVER = new EntityResolver(ReferenceAdminRegistry.get());

    /** One test article with what the enrich stage would know of it. */
    public record Loaded(String id, String outlet, Instant time, String title, String text, ArticleEntities entities) {

        public LocalDate date() {
            return time.atOffset(ZoneOffset.ofHours(7)).toLocalDate();
        }

        public StoryArticle story() {
            return new StoryArticle(id, outlet, time, title, text, entities.ids(), entities.officialIds(),
                    entities.regionId());
        }

        /** The same article under another id, outlet and time (a resend, a later copy). */
        public StoryArticle storyAs(String otherId, String otherOutlet, Instant otherTime) {
            return new StoryArticle(otherId, otherOutlet, otherTime, title, text, entities.ids(),
                    entities.officialIds(), entities.regionId());
        }
    }

    private TestArticles() {
    }

    public static Loaded load(String name) {
        return load(name, true);
    }

    /** The article; without its outlet when withOutlet is false (the province must then come from its names). */
    public static Loaded load(String name, boolean withOutlet) {
        String path = "/io/newspipe/stories/articles/" + name + ".txt";
        try (InputStream in = TestArticles.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test article " + path);
            }
            String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int blank = raw.indexOf("\n\n");
            Map<String, String> header = new LinkedHashMap<>();
            for (String line : raw.substring(0, blank).split("\n")) {
                int colon = line.indexOf(':');
                header.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
            String title = header.get("title");
            String body = TextNormalizer.normalize(raw.substring(blank + 2).strip());
            String analysed = TextNormalizer.normalize(title + "\n\n" + body);
            ExtractionResult x = EXTRACTOR.extract(analysed);
            Instant time = OffsetDateTime.parse(header.get("time")).toInstant();
            LocalDate date = time.atOffset(ZoneOffset.ofHours(7)).toLocalDate();
            String outlet = withOutlet ? header.get("outlet") : null;
            ArticleEntities entities = RESOLVER.resolve(analysed, x.entities(), outlet, date);
            return new Loaded(header.get("id"), outlet, time, title, body, entities);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
