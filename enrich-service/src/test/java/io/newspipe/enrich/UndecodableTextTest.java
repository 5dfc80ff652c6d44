package io.newspipe.enrich;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import io.newspipe.common.deadletter.InvalidRecordException;
import io.newspipe.schemas.RawArticle;

class UndecodableTextTest {

    @Test
    void givenReplacementCharacterNotMatchingContentHash_whenChecked_thenRejectedAsInvalidUtf8() {
        String sent = "Tỉnh ủy Hà Tĩnh ~~ tổng kết";
        RawArticle decoded = RawArticle.newBuilder(RawArticles.article("a1", sent.replace("~~", "\uFFFD(")))
                .setContentHash(sha256(sent)).build();

        assertThatThrownBy(() -> EnrichTopology.rejectUndecodableText("a1", decoded))
                .isInstanceOf(InvalidRecordException.class).hasMessageContaining("not valid UTF-8");
    }

    @Test
    void givenReplacementCharacterTheSenderWrote_whenChecked_thenAccepted() {
        String text = "Ký tự \uFFFD có trong bản gốc";
        RawArticle raw = RawArticle.newBuilder(RawArticles.article("a2", text)).setContentHash(sha256(text)).build();

        assertThatCode(() -> EnrichTopology.rejectUndecodableText("a2", raw)).doesNotThrowAnyException();
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
