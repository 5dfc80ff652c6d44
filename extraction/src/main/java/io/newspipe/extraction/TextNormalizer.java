package io.newspipe.extraction;

import java.text.Normalizer;

/**
 * Puts scraped Vietnamese text into the one form every later stage expects.
 * Placeholder: NFC and look-alike Đ only; the full rules land with the extraction engine.
 */
public final class TextNormalizer {

    private TextNormalizer() {
    }

    public static String normalize(String raw) {
        String nfc = Normalizer.normalize(raw, Normalizer.Form.NFC);
        return nfc.replace('\u00D0', '\u0110').replace('\u00F0', '\u0111');
    }
}
