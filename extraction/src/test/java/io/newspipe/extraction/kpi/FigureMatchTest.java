package io.newspipe.extraction.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Matcher;

import org.junit.jupiter.api.Test;

class FigureMatchTest {

    @Test
    void givenRandomFigures_whenReadByHand_thenSameMatchAndGroupsAsThePattern() {
        String[] pieces = {"1", "2", "0", "12", "2025", ".", ",", "/", " ", "  ", "-", "–", "\t", "a", "٣", "½",
            "%", "\n"};
        Random random = new Random(20261127);
        FigureMatch figure = new FigureMatch();
        int ranges = 0;
        int totals = 0;
        int givenBack = 0;
        for (int t = 0; t < 30_000; t++) {
            StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(14); k >= 0; k--) {
                b.append(pieces[random.nextInt(pieces.length)]);
            }
            String s = b.toString();
            Matcher m = FigureMatch.PATTERN.matcher(s);
            for (int at = 0; at < s.length(); at++) {
                m.region(at, s.length());
                boolean expected = m.lookingAt();
                assertThat(figure.readAt(s, at)).as("'%s' at %d", s, at).isEqualTo(expected);
                if (!expected) {
                    continue;
                }
                assertThat(figure.start()).as("start in '%s' at %d", s, at).isEqualTo(m.start());
                assertThat(figure.end()).as("end in '%s' at %d", s, at).isEqualTo(m.end());
                for (int g = 1; g <= 3; g++) {
                    assertThat(figure.group(g)).as("group %d in '%s' at %d", g, s, at).isEqualTo(m.group(g));
                }
                ranges += m.group(3) != null ? 1 : 0;
                totals += m.group(2) != null ? 1 : 0;
                // a range end read shorter than its digits: the look-ahead made the regex give some back
                givenBack += m.group(3) != null && m.end() < s.length() && Character.isDigit(s.charAt(m.end() - 1))
                        && (s.charAt(m.end()) == '.' || s.charAt(m.end()) == ',') ? 1 : 0;
            }
        }
        assertThat(ranges).as("range figures among those read").isGreaterThan(1000);
        assertThat(totals).as("slashed figures among those read").isGreaterThan(1000);
        assertThat(givenBack).as("range ends the look-ahead shortened").isGreaterThan(20);
    }
}
