package io.newspipe.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class MentionMarkupTest {

    private static final Pattern TAG = Pattern.compile("<(/?)mark([^>]*)>");
    private static final Pattern ID = Pattern.compile("data-mention=\"(\\d+)\"");

    @Test
    void givenSeparateMentions_whenRendered_thenEachIsOneMarkWithKindAndTooltip() {
        String text = "Ông Nguyễn Văn An dự hội nghị tại Hà Tĩnh.";
        List<Mention> mentions = List.of(
                new Mention(0, Mention.Kind.PERSON, 4, 17, "person: Nguyễn Văn An; role: Bí thư"),
                new Mention(1, Mention.Kind.LOCATION, 34, 41, "location: Hà Tĩnh"));

        MentionMarkup.Result r = MentionMarkup.render(text, mentions);

        assertThat(r.html()).isEqualTo("Ông <mark data-kind=\"person\" data-mention=\"0\" "
                + "title=\"person: Nguyễn Văn An; role: Bí thư\">Nguyễn Văn An</mark> dự hội nghị tại "
                + "<mark data-kind=\"location\" data-mention=\"1\" title=\"location: Hà Tĩnh\">Hà Tĩnh</mark>.");
        assertThat(r.outside()).isEmpty();
    }

    @Test
    void givenAMentionInsideAnother_whenRendered_thenTheMarksNest() {
        String text = "Bằng khen của UBND tỉnh Quảng Trị";
        List<Mention> mentions = List.of(new Mention(0, Mention.Kind.AWARD, 0, 33, "award"),
                new Mention(1, Mention.Kind.ORGANIZATION, 14, 33, "org"),
                new Mention(2, Mention.Kind.LOCATION, 24, 33, "loc"));

        String html = MentionMarkup.render(text, mentions).html();

        assertThat(html).isEqualTo("<mark data-kind=\"award\" data-mention=\"0\" title=\"award\">Bằng khen của "
                + "<mark data-kind=\"organization\" data-mention=\"1\" title=\"org\">UBND tỉnh "
                + "<mark data-kind=\"location\" data-mention=\"2\" title=\"loc\">Quảng Trị</mark></mark></mark>");
    }

    @Test
    void givenCrossingMentions_whenRendered_thenTheInnerIsSplitAndBothPartsCarryItsId() {
        String text = "abcdefgh";
        // [0,5) and [3,8) cross at 3..5
        List<Mention> mentions = List.of(new Mention(0, Mention.Kind.PERSON, 0, 5, "a"),
                new Mention(1, Mention.Kind.KPI, 3, 8, "b"));

        String html = MentionMarkup.render(text, mentions).html();

        assertThat(html).isEqualTo("<mark data-kind=\"person\" data-mention=\"0\" title=\"a\">abc"
                + "<mark data-kind=\"kpi\" data-mention=\"1\" title=\"b\">de</mark></mark>"
                + "<mark data-kind=\"kpi\" data-mention=\"1\" data-part=\"2\" title=\"b\">fgh</mark>");
        assertWellFormedAndCovering(text, mentions, html);
    }

    @Test
    void givenOffsetsOutsideTheText_whenRendered_thenTheyAreReportedNotDrawn() {
        List<Mention> mentions = List.of(new Mention(0, Mention.Kind.PERSON, 2, 99, "too long"),
                new Mention(1, Mention.Kind.PERSON, 3, 3, "empty"), new Mention(2, Mention.Kind.PERSON, 0, 2, "ok"));

        MentionMarkup.Result r = MentionMarkup.render("abcdef", mentions);

        assertThat(r.outside()).extracting(Mention::label).containsExactly("too long", "empty");
        assertThat(r.html()).isEqualTo("<mark data-kind=\"person\" data-mention=\"2\" title=\"ok\">ab</mark>cdef");
    }

    @Test
    void givenTextAndLabelsWithMarkup_whenRendered_thenEverythingIsEscaped() {
        String text = "<script>alert(1)</script> & \"x\"";
        String html = MentionMarkup.render(text,
                List.of(new Mention(0, Mention.Kind.ORGANIZATION, 0, 8, "a\"><img src=x>"))).html();

        assertThat(html).doesNotContain("<script>").doesNotContain("<img")
                .contains("&lt;script&gt;").contains("title=\"a&quot;&gt;&lt;img src=x&gt;\"").contains("&amp; &quot;x&quot;");
    }

    @Test
    void givenRandomOverlappingSpans_whenRendered_thenMarkupIsBalancedAndEveryCharacterIsInExactlyItsMentions() {
        Random random = new Random(20);
        for (int round = 0; round < 500; round++) {
            int length = 1 + random.nextInt(40);
            String text = "x".repeat(length);
            List<Mention> mentions = new ArrayList<>();
            int n = random.nextInt(7);
            for (int i = 0; i < n; i++) {
                int start = random.nextInt(length);
                int end = start + 1 + random.nextInt(length - start);
                mentions.add(new Mention(i, Mention.Kind.values()[random.nextInt(5)], start, end, "m" + i));
            }
            assertWellFormedAndCovering(text, mentions, MentionMarkup.render(text, mentions).html());
        }
    }

    /** Tags balance, and each text character lies inside marks of exactly the mentions that cover it. */
    private static void assertWellFormedAndCovering(String text, List<Mention> mentions, String html) {
        List<Integer> open = new ArrayList<>();
        int textPos = 0;
        int last = 0;
        Matcher m = TAG.matcher(html);
        while (true) {
            boolean found = m.find();
            int upTo = found ? m.start() : html.length();
            for (int i = last; i < upTo; i++) {
                List<Integer> expected = new ArrayList<>();
                for (Mention x : mentions) {
                    if (x.start() <= textPos && textPos < x.end()) {
                        expected.add(x.id());
                    }
                }
                assertThat(open).as("mentions around char %d of %s in %s", textPos, mentions, html)
                        .containsExactlyInAnyOrderElementsOf(expected);
                textPos++;
            }
            if (!found) {
                break;
            }
            if (m.group(1).isEmpty()) {
                Matcher id = ID.matcher(m.group(2));
                assertThat(id.find()).isTrue();
                open.add(Integer.parseInt(id.group(1)));
            } else {
                assertThat(open).as("closing tag with nothing open in %s", html).isNotEmpty();
                open.remove(open.size() - 1);
            }
            last = m.end();
        }
        assertThat(open).as("unclosed marks in %s", html).isEmpty();
        assertThat(textPos).isEqualTo(text.length());
    }
}
