package io.newspipe.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CharClassTest {

    @Test
    void givenEveryChar_whenClassifiedFromTheTable_thenAnswersAsCharacterDoes() {
        int mismatches = 0;
        for (int i = 0; i <= Character.MAX_VALUE; i++) {
            char c = (char) i;
            if (CharClass.isLetter(c) != Character.isLetter(c) || CharClass.isDigit(c) != Character.isDigit(c)
                    || CharClass.isLetterOrDigit(c) != Character.isLetterOrDigit(c)
                    || CharClass.isUpperCase(c) != Character.isUpperCase(c)
                    || CharClass.isLowerCase(c) != Character.isLowerCase(c)
                    || CharClass.isWhitespace(c) != Character.isWhitespace(c)
                    || CharClass.isNonSpacingMark(c) != (Character.getType(c) == Character.NON_SPACING_MARK)
                    || CharClass.toLowerCase(c) != Character.toLowerCase(c)) {
                mismatches++;
            }
        }
        assertThat(mismatches).isZero();
    }
}
