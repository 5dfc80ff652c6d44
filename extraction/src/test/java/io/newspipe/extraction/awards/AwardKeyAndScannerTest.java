package io.newspipe.extraction.awards;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class AwardKeyAndScannerTest {

    @Test
    void givenSingleCharsAndRandomStrings_whenKeyed_thenTablesAgreeWithTheReferenceDefinition() {
        List<String> samples = new ArrayList<>();
        for (char c = 0; c < 0x2200; c++) {
            if (!Character.isSurrogate(c)) {
                samples.add("a" + c + "b");
            }
        }
        String alphabet = "aăâbcdđeêghiklmnoôơpqrstuưvxyÁÀẢÃẠắằẳẵặấầẩẫậĐéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
                + " ,.;:-–“”\"()0123456789\u00A0\t\nİΣσ\u0301\u0323ﬁ½Ⅻ😀";
        Random random = new Random(7);
        for (int n = 0; n < 3000; n++) {
            StringBuilder b = new StringBuilder();
            int len = random.nextInt(30);
            for (int k = 0; k < len; k++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            samples.add(b.toString());
        }
        samples.add("Huân chương Lao động hạng Nhất");
        samples.add("  Bằng khen   của Thủ tướng Chính phủ ");
        for (String s : samples) {
            assertThat(AwardExtractor.key(s)).as("key of %s", s).isEqualTo(AwardExtractor.referenceKey(s));
        }
    }

    @Test
    void givenLookBehindPattern_whenScannedFromStartLetters_thenMatchesEqualMatcherFind() {
        Pattern p = Pattern.compile("(?<![\\p{L}])(?:tặng|trao tặng|Bằng khen|năm\\s+\\d{4})(?![\\p{L}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        StartScanner scanner = new StartScanner(p, List.of('t', 'B', 'n'));
        String s = "Bộ trưởng TRAO TẶNG Bằng khen năm 2024; xtặng, tặngx, Bằng khenx, NĂM 2023 và trao tặng.";
        assertThat(scanAll(scanner, s)).isEqualTo(findAll(p, s)).hasSize(5);
    }

    @Test
    void givenLeadingPhrases_whenScannedWithSecondLetterScreen_thenMatchesEqualMatcherFind() {
        Pattern p = Pattern.compile("(?<![\\p{L}])(?:Cờ thi đua|Huân chương(?:\\s+Lao động)?|Bằng khen)(?![\\p{L}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        StartScanner scanner = new StartScanner(p, List.of('C', 'H', 'B'), List.of("Cờ thi đua", "Huân chương", "Bằng khen"));
        String s = "Các cơ quan của tỉnh có CỜ THI ĐUA, huân chương lao động; Bằng khen, hoặc Bằng, cờ thi đuax và HUÂN CHƯƠNG";
        assertThat(scanAll(scanner, s)).isEqualTo(findAll(p, s)).hasSize(4);
    }

    @Test
    void givenLeadingPhrasesWithSpaces_whenWordsAreSeparatedByRunsOfWhitespaceOrCased_thenMatchesEqualMatcherFind() {
        Pattern p = Pattern.compile("(?<![\\p{L}])(?:Kỷ\\s+niệm\\s+chương|Cờ\\s+thi\\s+đua|Bằng\\s+khen)(?![\\p{L}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        StartScanner scanner = new StartScanner(p, List.of('K', 'C', 'B'), List.of("Kỷ niệm chương", "Cờ thi đua", "Bằng khen"));
        // tabs, newlines and runs of spaces inside the phrases, upper case, near misses ("Kỷ niệm" alone, "Bằngkhen")
        String s = "KỶ  NIỆM\tCHƯƠNG; Kỷ niệm ngày; cờ\nthi   đua; Bằngkhen; Bằng \t khen, kỷ niệm chươngx và Cờ thi";
        assertThat(scanAll(scanner, s)).isEqualTo(findAll(p, s)).hasSize(3);
    }

    @Test
    void givenWordInAnyCase_whenScreenedForIt_thenFoundExactlyWhereACaseInsensitiveRegexFindsTheLiteral() {
        String[] texts = {"ĐƯỢC tặng", "đã Được trao", "duoc tang", "đươc", "Ban tổ chức", "TỔ CHỨC lễ", "tổchức", "gồm:", "",
            "GỒm có"};
        for (String word : new String[] {"được", "tổ chức", "gồm"}) {
            Pattern literal = Pattern.compile(Pattern.quote(word), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            for (String text : texts) {
                assertThat(StartScanner.containsFolded(text, word)).as("'%s' in '%s'", word, text)
                        .isEqualTo(literal.matcher(text).find());
            }
        }
        assertThat(StartScanner.containsFolded("Bằng khen ĐƯỢC trao", "được")).isTrue();
    }

    /** Every match of Matcher.find, as "start:text". */
    private static List<String> findAll(Pattern p, String s) {
        List<String> found = new ArrayList<>();
        Matcher m = p.matcher(s);
        while (m.find()) {
            found.add(m.start() + ":" + m.group());
        }
        return found;
    }

    /** Every match of the scanner, found as a find() loop would, as "start:text". */
    private static List<String> scanAll(StartScanner scanner, String s) {
        List<String> found = new ArrayList<>();
        Matcher m = scanner.matcher(s);
        for (int from = 0; scanner.find(m, s, from); from = m.end()) {
            found.add(m.start() + ":" + m.group());
        }
        return found;
    }
}
