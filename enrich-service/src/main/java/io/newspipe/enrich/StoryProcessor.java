package io.newspipe.enrich;

import java.util.List;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

import io.newspipe.common.ArticleLogContext;
import io.newspipe.common.deadletter.InvalidRecordException;
import io.newspipe.schemas.EnrichedArticle;
import io.newspipe.stories.StoryIndex;
import io.newspipe.stories.StoryParams;
import io.newspipe.stories.StoryStep;
import io.newspipe.stories.identity.EntityResolver;
import io.newspipe.stories.identity.ReferenceAdminRegistry;

/**
 * The story step of enrich ({@link StoryStep} over the {@link StoryStores}): gives the entities of an extracted
 * article their ids and the article its story, and says which story and which persons' positions changed. Runs on
 * the one partition of the story repartition topic, so its index sees every article.
 */
final class StoryProcessor implements FixedKeyProcessor<String, EnrichedArticle, StoryProcessor.Outcome> {

    /**
     * @param article the enriched article with storyId, copyOf and entity ids
     * @param story   the story with the article (news.stories.v1), or null when unchanged (a replay)
     * @param roles   the persons whose positions changed (news.roles.v1)
     */
    record Outcome(EnrichedArticle article, io.newspipe.schemas.Story story,
            List<io.newspipe.schemas.PersonRoles> roles) {
    }

    private static final EntityResolver RESOLVER = new EntityResolver(ReferenceAdminRegistry.get());

    private final StoryParams params;
    private FixedKeyProcessorContext<String, Outcome> context;
    private StoryStep step;

    StoryProcessor(StoryParams params) {
        this.params = params;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Outcome> context) {
        this.context = context;
        this.step = new StoryStep(new StoryIndex(params, StoryStores.state(context)), RESOLVER,
                StoryStores.keyValue(context.getStateStore(StoryStores.STORIES)),
                StoryStores.keyValue(context.getStateStore(StoryStores.ROLES)));
    }

    @Override
    public void process(FixedKeyRecord<String, EnrichedArticle> record) {
        try (ArticleLogContext ignored = ArticleLogContext.of(record.key())) {
            EnrichedArticle e = record.value();
            if (e == null) {
                throw new InvalidRecordException("Story step: record with key '" + record.key() + "' has no value");
            }
            StoryStep.Result r = step.apply(StoryRecords.article(e));
            context.forward(record.withValue(new Outcome(StoryRecords.withStory(e, r),
                    r.story() == null ? null : StoryRecords.story(r.story()),
                    r.roles().stream().map(StoryRecords::roles).toList())));
        }
    }
}
