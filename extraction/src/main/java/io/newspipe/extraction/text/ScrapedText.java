package io.newspipe.extraction.text;

import java.util.List;

/**
 * The structure of a scraped article, found on normalized text. All offsets refer to that text.
 *
 * @param text          the normalized text that was parsed
 * @param paragraphs    body lines (outlet tag cut off the first one), excluding captions, byline, URL and placeholders
 * @param captions      photo captions: lines ending in " |", the line after an {@code [img]} placeholder, or a line
 *                      ending in a photo credit; the segment stops before the " |" marker and the credit
 * @param photoCredits  the X of "Ảnh: X" (also "Ảnh X", "(Ảnh: X)")
 * @param outletTag     the source tag opening the body ("(BĐ)", "(HDDTVN)"), without the dash after it, or null
 * @param byline        a short author line at the end ("T.SỸ", "Thu Dịu", "PV"), or null
 * @param sourceUrl     the trailing URL line, or null
 * @param excludedSpans everything that must not be annotated: outlet tag with its dash, credits ("Ảnh: X"),
 *                      byline, URL, {@code [img]} placeholders; sorted by start
 */
public record ScrapedText(String text, List<Segment> paragraphs, List<Segment> captions, List<Segment> photoCredits,
        Segment outletTag, Segment byline, Segment sourceUrl, List<Segment> excludedSpans) {
    public ScrapedText {
        paragraphs = List.copyOf(paragraphs);
        captions = List.copyOf(captions);
        photoCredits = List.copyOf(photoCredits);
        excludedSpans = List.copyOf(excludedSpans);
    }

    /** True when [start, end) overlaps a span that must not be annotated. */
    public boolean isExcluded(int start, int end) {
        for (Segment s : excludedSpans) {
            if (s.overlaps(start, end)) {
                return true;
            }
        }
        return false;
    }

    public List<String> paragraphTexts() {
        return paragraphs.stream().map(Segment::text).toList();
    }

    public List<String> captionTexts() {
        return captions.stream().map(Segment::text).toList();
    }

    public List<String> photoCreditTexts() {
        return photoCredits.stream().map(Segment::text).toList();
    }
}
