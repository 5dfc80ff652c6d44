package io.newspipe.extraction.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class TokenSharingTest {

    @Test
    void givenText_whenTokenizedWithLexiconSurfaces_thenTokensEqualPlainTokens() {
        EntityLexicon lex = EntityLexicon.builtIn();
        String text = "Chủ tịch UBND tỉnh Nghệ An Nguyễn Đức Trung, ông NGUYỄN VĂN A và Sở Tài chính TP. Hồ Chí Minh; "
                + "İstanbul ΣΊΣΥΦΟΣ 😀 Huế.";
        List<Token> plain = Tokenizer.tokenize(text);
        List<Token> shared = Tokenizer.tokenize(text, lex.surfaces);
        assertThat(shared).hasSameSizeAs(plain);
        int fromSurfaces = 0;
        for (int i = 0; i < plain.size(); i++) {
            Token a = plain.get(i);
            Token b = shared.get(i);
            assertThat(b.text).isEqualTo(a.text);
            assertThat(b.lower).isEqualTo(a.lower);
            assertThat(b.cap).isEqualTo(a.cap);
            if (b.known != null) {
                fromSurfaces++;
            }
            lex.lookUp(a);
            lex.lookUp(b);
            assertThat(b.known).isSameAs(a.known);
        }
        assertThat(fromSurfaces).isPositive();
    }

    @Test
    void givenWordsMetBefore_whenTokenizedAgainWithWordCache_thenTokensEqualPlainTokensAndShareStrings() {
        EntityLexicon lex = EntityLexicon.builtIn();
        String text = "Sáng 12/1, UBND tỉnh Quảng Ngãi tổ chức hội nghị; ông NGUYỄN Văn A (Hang-seo, H'Hen) nói: "
                + "doanh thu đạt 3.471,73 tỷ đồng, tăng 12%. İstanbul ΣΊΣΥΦΟΣ 😀 KH&CN PC04 TP.HCM hòa hoà.";
        WordCache cache = new WordCache();
        List<Token> plain = Tokenizer.tokenize(text);
        for (int round = 0; round < 2; round++) {
            List<Token> cached = Tokenizer.tokenize(text, lex.surfaces, null, cache);
            assertThat(cached).hasSameSizeAs(plain);
            int reused = 0;
            for (int i = 0; i < plain.size(); i++) {
                Token a = plain.get(i);
                Token b = cached.get(i);
                boolean fromCache = b.known != null;
                lex.lookUp(a);
                lex.lookUp(b);
                cache.learn(b);
                assertThat(b.text).isEqualTo(a.text);
                assertThat(b.lower).isEqualTo(a.lower);
                assertThat(b.flagBits()).as("flags of '%s'", a.text).isEqualTo(a.flagBits());
                assertThat(b.known).isSameAs(a.known);
                if (fromCache && b.end - b.start > 1) {
                    reused++;
                }
            }
            // the second pass finds every multi-char word in the surfaces or the cache
            long words = plain.stream().filter(t -> t.end - t.start > 1).count();
            if (round == 1) {
                assertThat(reused).isEqualTo((int) words);
            }
        }
    }

    @Test
    void givenSpecialCasedChars_whenLowerCased_thenSameAsStringToLowerCase() {
        for (String s : List.of("İSTANBUL", "ΣΊΣΥΦΟΣ", "ĐỒNG", "Hùng", "😀A", "ǅemal", "ABC")) {
            assertThat(Token.lowerCase(s)).isEqualTo(s.toLowerCase(java.util.Locale.ROOT));
        }
        for (int i = 0; i <= Character.MAX_VALUE; i++) {
            String one = String.valueOf((char) i);
            assertThat(Token.lowerCase(one)).isEqualTo(one.toLowerCase(java.util.Locale.ROOT));
        }
    }
}
