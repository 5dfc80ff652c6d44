package io.newspipe.extraction.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class TokenSharingTest {

    @Test
    void givenText_whenTokenizedWithLexiconSurfaces_thenTokensEqualPlainTokens() {
        Lexicon lex = Lexicon.builtIn();
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
