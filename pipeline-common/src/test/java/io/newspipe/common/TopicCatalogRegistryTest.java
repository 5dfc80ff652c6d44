package io.newspipe.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.newspipe.devstack.DevStack;
import io.newspipe.devstack.junit.DevStackExtension;
import io.newspipe.schemas.RawArticle;

/** The catalogue's default serde, configured only from PipelineConfig, against the real embedded registry. */
@ExtendWith(DevStackExtension.class)
class TopicCatalogRegistryTest {

    @Test
    void givenCatalogFromConfig_whenRawArticleSerializedAndDeserialized_thenSameRecordAndConfluentWireFormat(
            DevStack stack) {
        PipelineConfig config = PipelineConfig.builder().bootstrapServers(stack.bootstrapServers())
                .schemaRegistryUrl(stack.schemaRegistryUrl()).topicName("raw", "catalog-registry.raw").build();
        Topic<String, RawArticle> raw = new TopicCatalog(config).raw();
        RawArticle article = RawArticle.newBuilder().setArticleId("a-1")
                .setReceivedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setOriginalText("Tỉnh uỷ Nghệ An").setText("Tỉnh ủy Nghệ An").setContentHash("00").build();

        byte[] bytes = raw.valueSerializer().serialize(raw.name(), article);
        RawArticle back = raw.valueDeserializer().deserialize(raw.name(), bytes);

        assertThat(bytes[0]).isZero();
        assertThat(back).isEqualTo(article);
        assertThat(raw.keyDeserializer().deserialize(raw.name(), raw.keySerializer().serialize(raw.name(), "a-1")))
                .isEqualTo("a-1");
    }
}
