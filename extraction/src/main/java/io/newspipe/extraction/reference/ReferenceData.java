package io.newspipe.extraction.reference;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The reference data as a whole: which resources it is made of and its version. The lookups are
 * {@link AdminUnits#get()}, {@link Countries#get()} and {@link CentralBodies#get()}; each loads on first use.
 */
public final class ReferenceData {

    /** Names the state of the world the data describes; the content hash in {@link #version()} follows its bytes. */
    public static final String LABEL = "reference-2025.07";

    static final String DIR = "/io/newspipe/extraction/reference/";
    static final String SUCCESSION = "admin-succession-vn63-vn34.tsv";
    static final String ADMIN_PREFIXES = "admin-prefixes.tsv";
    static final String ADMIN_ALIASES = "admin-aliases.tsv";
    static final String COUNTRIES = "countries.tsv";
    static final String COUNTRY_VARIANTS = "country-variants.tsv";
    static final String CENTRAL_BODIES = "central-bodies.tsv";

    /** Every resource of the reference data, in the order they are hashed. */
    public static final List<String> FILES = List.of(AdminMap.VN63.file(), AdminMap.VN34.file(), SUCCESSION, ADMIN_PREFIXES,
            ADMIN_ALIASES, COUNTRIES, COUNTRY_VARIANTS, CENTRAL_BODIES);

    private ReferenceData() {
    }

    /**
     * {@link #LABEL} and a short hash of the resources' bytes, e.g. {@code reference-2025.07+3f09a1c2b4d5}: changes with
     * any edit of the data, so the extractor can put it into its version.
     */
    public static String version() {
        return Version.VALUE;
    }

    private static final class Version {
        static final String VALUE = LABEL + "+" + contentHash().substring(0, 12);
    }

    static String contentHash() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String f : FILES) {
                try (InputStream in = ReferenceData.class.getResourceAsStream(DIR + f)) {
                    if (in == null) {
                        throw new IllegalStateException("reference resource " + DIR + f + " is not on the classpath");
                    }
                    sha.update(f.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    sha.update((byte) 0);
                    sha.update(in.readAllBytes());
                    sha.update((byte) 0);
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException("cannot hash the reference resources: " + e.getMessage(), e);
        }
    }
}
