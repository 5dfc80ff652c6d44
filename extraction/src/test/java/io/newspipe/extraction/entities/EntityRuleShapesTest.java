package io.newspipe.extraction.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

class EntityRuleShapesTest {

    @Test
    void givenRandomWords_whenCheckedForCamelCase_thenTheHandWalkAgreesWithThePattern() {
        char[] alphabet = {'A', 'B', 'Z', 'a', 'b', 'z', '1', 'ư', 'Đ', '-'};
        Random random = new Random(20261127);
        int matched = 0;
        for (int t = 0; t < 200_000; t++) {
            StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(9); k >= 0; k--) {
                // letters far more often than the rest, so that whole words match now and then
                b.append(alphabet[random.nextInt(10) < 8 ? random.nextInt(6) : 6 + random.nextInt(4)]);
            }
            String word = b.toString();
            boolean expected = EntityExtractor.CAMEL.matcher(word).matches();
            assertThat(EntityExtractor.camelHumps(word)).as(word).isEqualTo(expected);
            matched += expected ? 1 : 0;
        }
        assertThat(matched).as("camel-case words among those tried").isGreaterThan(1000);
        assertThat(EntityExtractor.camelHumps("VNPost")).isTrue();
        assertThat(EntityExtractor.camelHumps("HanoiTimes")).isTrue();
        assertThat(EntityExtractor.camelHumps("Hanoi")).isFalse();
        assertThat(EntityExtractor.camelHumps("VNPOST")).isFalse();
    }
}
