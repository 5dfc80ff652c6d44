package io.newspipe.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    @Test
    void givenOldStyleToneOnOpenGlideSyllables_whenNormalized_thenToneMovesToFirstVowel() {
        assertThat(TextNormalizer.normalize("Uỷ ban hoà giải, sức khoẻ, thuỷ lợi, Tỉnh uỷ"))
                .isEqualTo("Ủy ban hòa giải, sức khỏe, thủy lợi, Tỉnh ủy");
        assertThat(TextNormalizer.normalize("HOÀ BÌNH")).isEqualTo("HÒA BÌNH");
    }

    @Test
    void givenClosedSyllablesQuAndTriphthongs_whenNormalized_thenToneStaysWhereBothStylesAgree() {
        String text = "Hoàng Huỳnh thuyền quý quỳ ngoài khuya hoạt";
        assertThat(TextNormalizer.normalize(text)).isEqualTo(text);
    }

    @Test
    void givenIcelandicEthLookAlikes_whenNormalized_thenVietnameseDBarIsUsed() {
        assertThat(TextNormalizer.normalize("Báo Bình \u00D0ịnh \u00F0ã đưa tin")).isEqualTo("Báo Bình Định đã đưa tin");
    }

    @Test
    void givenDecomposedText_whenNormalized_thenItIsNfc() {
        String decomposed = Normalizer.normalize("Nghệ An", Normalizer.Form.NFD);
        assertThat(TextNormalizer.normalize(decomposed)).isEqualTo("Nghệ An");
    }

    @Test
    void givenOddSpacesAndLineEndings_whenNormalized_thenPlainSpacesLfAndNoTrailingBlanks() {
        String raw = "Sở\u00A0Tài chính\u200B tỉnh  \r\nThanh\u2009Hóa\t\rhết\uFEFF";
        assertThat(TextNormalizer.normalize(raw)).isEqualTo("Sở Tài chính tỉnh\nThanh Hóa\nhết");
    }

    @Test
    void givenAnyText_whenNormalizedTwice_thenSecondPassChangesNothing() {
        String raw = "Thuỷ  \r\nUỷ ban\u00A0nhân dân, khoẻ, \u00D0à Nẵng “trích dẫn” \u200B";
        String once = TextNormalizer.normalize(raw);
        assertThat(TextNormalizer.normalize(once)).isEqualTo(once);
    }

    @Test
    void givenCurlyQuotes_whenNormalized_thenTheyAreKeptSoSurfacesStayVerbatim() {
        assertThat(TextNormalizer.normalize("danh hiệu “Hoàn thành xuất sắc nhiệm vụ”"))
                .isEqualTo("danh hiệu “Hoàn thành xuất sắc nhiệm vụ”");
    }

    @Test
    void givenVariantsOfOneName_whenCanonicalKey_thenKeysAreEqual() {
        assertThat(TextNormalizer.canonicalKey("BTV  Tỉnh uỷ")).isEqualTo(TextNormalizer.canonicalKey("btv tỉnh ủy"));
        assertThat(TextNormalizer.canonicalKey("Khánh Hoà")).isEqualTo("khánh hòa");
    }
}
