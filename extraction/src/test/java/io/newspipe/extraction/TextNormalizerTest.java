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
        // the acute: "ó" + tone, never U+1E4D "ṍ" (o with tilde and acute), which NFD also reads as o + marks
        assertThat(TextNormalizer.normalize("Thanh Hoá, văn hoá, Thuý, khoé")).isEqualTo("Thanh Hóa, văn hóa, Thúy, khóe");
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

    @Test
    void givenCharsTakenAsAlwaysNfc_whenCheckedAgainstEveryCanonicalDecomposition_thenNoneChangesOrComposes() {
        // the fast path of normalize skips NFC for text made only of such chars: each must be NFC alone and never
        // the second char of a canonical decomposition (only such a char can compose with the one before it)
        int alwaysNfc = 0;
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            char ch = (char) c;
            if (Character.isSurrogate(ch)) {
                continue;
            }
            String one = String.valueOf(ch);
            if (TextNormalizer.alwaysNfc(ch)) {
                alwaysNfc++;
                assertThat(Normalizer.isNormalized(one, Normalizer.Form.NFC)).as("U+%04X alone", c).isTrue();
            }
            String d = Normalizer.normalize(one, Normalizer.Form.NFD);
            for (int k = 1; k < d.length(); k++) {
                assertThat(TextNormalizer.alwaysNfc(d.charAt(k))).as("U+%04X in the decomposition of U+%04X",
                        (int) d.charAt(k), c).isFalse();
            }
        }
        assertThat(alwaysNfc).isGreaterThan(1000);
    }

    @Test
    void givenRandomMixedText_whenNormalized_thenSameAsNfcFirstThenCleaned() {
        // with or without chars outside the fast path's ranges (combining marks, U+2000, U+3000, CJK compatibility)
        String pool = "aAoOuUyYeEiIđĐ \n\r\t.,-–“”\u00A0\u00D0\u00F0\u2000\u2001\u2009\u200B\u2028\u3000\uFEFF\u00AD"
                + "\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031B\uF900\u212B\u1EA1\u1EF3\u00E0\u00F2\u01A1\u01B0";
        java.util.Random random = new java.util.Random(20261127);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(24);
            boolean fastOnly = round % 2 == 0;
            while (sb.length() < len) {
                char c = pool.charAt(random.nextInt(pool.length()));
                if (!fastOnly || TextNormalizer.alwaysNfc(c)) {
                    sb.append(c);
                }
            }
            String raw = sb.toString();
            String nfcFirst = Normalizer.normalize(raw, Normalizer.Form.NFC);
            assertThat(TextNormalizer.normalize(raw)).as("%s", raw.chars().mapToObj(Integer::toHexString).toList())
                    .isEqualTo(TextNormalizer.normalize(nfcFirst));
        }
    }

    @Test
    void givenRandomText_whenKeyed_thenSameAsLowerCasingTheStringThenCollapsingSpaces() {
        // the one-pass key against its definition, special-cased chars (U+0130, capital sigma, surrogates) included
        String pool = "aAĐđỨứ Ỳ\t\n\u00A0\u2009.-\u0130\u03A3\u03C3\uD835\uDC00ΣΑ";
        java.util.Random random = new java.util.Random(112026);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(16);
            while (sb.length() < len) {
                sb.append(pool.charAt(random.nextInt(round % 2 == 0 ? 14 : pool.length())));
            }
            String raw = sb.toString();
            String expected = keyByDefinition(raw);
            assertThat(TextNormalizer.canonicalKey(raw)).as("%s", raw.chars().mapToObj(Integer::toHexString).toList())
                    .isEqualTo(expected);
        }
    }

    /** The key as documented: normalized, String-lower-cased, whitespace runs as one space, trimmed. */
    private static String keyByDefinition(String raw) {
        String lowered = TextNormalizer.normalize(raw).toLowerCase(java.util.Locale.ROOT);
        java.util.List<String> words = new java.util.ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (char c : lowered.toCharArray()) {
            if (Character.isWhitespace(c)) {
                if (word.length() > 0) {
                    words.add(word.toString());
                    word.setLength(0);
                }
            } else {
                word.append(c);
            }
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return String.join(" ", words);
    }

    @Test
    void givenRandomSyllables_whenTonesMoved_thenSameAsWalkingEverySyllable() {
        String pool = "oOuUqQyhkt đ.-'\nàáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸỳýỷỹỵỲÝỶỸỴaeyâêôơưăòóỏõọùúủũụ";
        java.util.Random random = new java.util.Random(27112026);
        int moved = 0;
        for (int round = 0; round < 50_000; round++) {
            StringBuilder sb = new StringBuilder();
            int len = 1 + random.nextInt(8);
            for (int k = 0; k < len; k++) {
                sb.append(pool.charAt(random.nextInt(pool.length())));
            }
            String s = sb.toString();
            String expected = walkEverySyllable(s);
            assertThat(TextNormalizer.moveTones(s)).as(s).isEqualTo(expected);
            moved += expected.equals(s) ? 0 : 1;
        }
        assertThat(moved).isGreaterThan(100);
    }

    /** The tone pass as first written: every run of letters, rule applied at its last two letters. */
    private static String walkEverySyllable(String text) {
        char[] sb = text.toCharArray();
        int n = sb.length;
        int i = 0;
        while (i < n) {
            if (!Character.isLetter(sb[i])) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && Character.isLetter(sb[i])) {
                i++;
            }
            int end = i;
            if (end - start < 2) {
                continue;
            }
            char c1 = sb[end - 2];
            char c2 = sb[end - 1];
            String d2 = Normalizer.normalize(String.valueOf(c2), Normalizer.Form.NFD);
            char tone = 0;
            for (char m : d2.toCharArray()) {
                if ("\u0300\u0301\u0303\u0309\u0323".indexOf(m) >= 0) {
                    tone = m;
                }
            }
            if (tone == 0) {
                continue;
            }
            char b2 = Character.toLowerCase(d2.charAt(0));
            char b1 = Character.toLowerCase(c1);
            if ("aăâeêioôơuưy".indexOf(b1) < 0) {
                continue;
            }
            if (!((b1 == 'o' && (b2 == 'a' || b2 == 'e')) || (b1 == 'u' && b2 == 'y'))) {
                continue;
            }
            if (end - 3 >= start) {
                char before = Character.toLowerCase(Normalizer.normalize(String.valueOf(sb[end - 3]), Normalizer.Form.NFD).charAt(0));
                String beforeBase = Normalizer.normalize(String.valueOf(sb[end - 3]), Normalizer.Form.NFD);
                // the vowel-quality marks (ă â ê ô ơ ư) stay: recompose the base without the tone
                StringBuilder keep = new StringBuilder();
                for (char m : beforeBase.toCharArray()) {
                    if ("\u0300\u0301\u0303\u0309\u0323".indexOf(m) < 0) {
                        keep.append(m);
                    }
                }
                before = Character.toLowerCase(Normalizer.normalize(keep, Normalizer.Form.NFC).charAt(0));
                if ("aăâeêioôơuưy".indexOf(before) >= 0 || (b1 == 'u' && before == 'q')) {
                    continue;
                }
            }
            String moved = Normalizer.normalize(c1 + String.valueOf(tone), Normalizer.Form.NFC);
            if (moved.length() != 1) {
                continue;
            }
            sb[end - 2] = moved.charAt(0);
            sb[end - 1] = d2.charAt(0);
        }
        return new String(sb);
    }
}
