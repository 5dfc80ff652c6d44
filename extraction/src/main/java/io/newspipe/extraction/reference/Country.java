package io.newspipe.extraction.reference;

import java.util.List;

/**
 * A country or territory: ISO 3166-1 alpha-2 code, its Vietnamese name (CLDR) and the other names the press uses.
 *
 * @param iso2     "US"
 * @param name     "Hoa Kỳ"
 * @param variants "Mỹ", "Hợp chúng quốc Hoa Kỳ", ...
 */
public record Country(String iso2, String name, List<String> variants) {
}
