package io.newspipe.extraction.entities;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.newspipe.extraction.TextNormalizer;
import io.newspipe.extraction.reference.AdminMap;
import io.newspipe.extraction.reference.AdminUnit;
import io.newspipe.extraction.reference.AdminUnits;
import io.newspipe.extraction.reference.CentralBodies;
import io.newspipe.extraction.reference.CentralBody;
import io.newspipe.extraction.reference.Countries;
import io.newspipe.extraction.reference.Country;
import io.newspipe.extraction.reference.ReferenceData;

/**
 * The curated word lists the entity rules use, loaded from {@code io/newspipe/extraction/lexicon/*.txt}. Every list
 * is one entry per line; '#' starts a comment; an optional TAB separates flags. The content hash feeds the
 * extractor version, so editing any list changes the version.
 */
public final class EntityLexicon {

    /** The files the entity rules read (the awards-* and kpi-* files belong to those extractors). */
    public static final String[] FILES = {
        "provinces.txt", "places.txt", "location-exceptions.txt", "admin-prefixes.txt", "surnames.txt",
        "titles.txt", "org-heads.txt", "org-generic.txt", "org-words.txt", "org-names.txt",
        "abbreviations.tsv", "misc-heads.txt", "facility-heads.txt", "persons-fixed.txt", "org-arms.txt",
    };
    static final String RESOURCE_DIR = "/io/newspipe/extraction/lexicon/";

    final PhraseDict locations = new PhraseDict(true, 0);
    final PhraseDict locationExceptions = new PhraseDict(true, 1);
    final PhraseDict adminPrefixes = new PhraseDict(true, 2);
    final Set<String> surnames = new HashSet<>();
    final PhraseDict titles = new PhraseDict(false, 3);
    final Set<String> honorifics = new HashSet<>();
    final PhraseDict orgHeads = new PhraseDict(true, 4);
    final Set<String> generic = new HashSet<>();
    final PhraseDict orgWords = new PhraseDict(false, 5);
    final PhraseDict miscHeads = new PhraseDict(true, 6);
    final PhraseDict facilityHeads = new PhraseDict(true, 7);
    final PhraseDict fixedPersons = new PhraseDict(true, 8);
    /** Country names that are also ordinary words or given names ("Mỹ", "Đức", "Anh"): places only in context. */
    final PhraseDict contextCountries = new PhraseDict(true, 9);
    /** Arms and services of the armed forces and police branches, a closed class ("Phòng không", "Cảnh sát cơ động"). */
    final PhraseDict militaryArms = new PhraseDict(false, 10);
    final Map<String, String> abbreviations = new HashMap<>();
    /** First words of every phrase list: a lower-case token outside this set cannot start any entity. */
    final Set<String> startWords = new HashSet<>();
    private final String contentHash;

    private EntityLexicon(Map<String, String> files) {
        this(files, false);
    }

    /** @param withReference also the reference data: countries, central bodies, provinces of both maps */
    private EntityLexicon(Map<String, String> files, boolean withReference) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (Map.Entry<String, String> f : files.entrySet()) {
            sha.update(f.getKey().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(f.getValue().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
        if (withReference) {
            sha.update(ReferenceData.version().getBytes(StandardCharsets.UTF_8));
        }
        StringBuilder hex = new StringBuilder();
        for (byte b : sha.digest()) {
            hex.append(String.format("%02x", b));
        }
        contentHash = hex.toString();

        lines(files, "provinces.txt", (e, fl) -> locations.add(e, "P"));
        lines(files, "places.txt", (e, fl) -> locations.add(e, ""));
        lines(files, "location-exceptions.txt", (e, fl) -> locationExceptions.add(e, ""));
        lines(files, "admin-prefixes.txt", (e, fl) -> adminPrefixes.add(e, ""));
        lines(files, "surnames.txt", (e, fl) -> surnames.add(e.toLowerCase(Locale.ROOT)));
        lines(files, "titles.txt", (e, fl) -> {
            if (e.endsWith("*")) {
                String t = e.substring(0, e.length() - 1);
                titles.add(t, "H");
                honorifics.add(t.toLowerCase(Locale.ROOT));
            } else {
                titles.add(e, "");
            }
        });
        lines(files, "org-heads.txt", (e, fl) -> orgHeads.add(e, fl));
        lines(files, "org-names.txt", (e, fl) -> orgHeads.add(e, "S"));
        lines(files, "org-generic.txt", (e, fl) -> generic.add(TextNormalizer.canonicalKey(e)));
        lines(files, "org-words.txt", (e, fl) -> orgWords.add(e, fl));
        lines(files, "org-arms.txt", (e, fl) -> militaryArms.add(e, fl));
        lines(files, "persons-fixed.txt", (e, fl) -> fixedPersons.add(e, ""));
        lines(files, "facility-heads.txt", (e, fl) -> facilityHeads.add(e, ""));
        lines(files, "misc-heads.txt", (e, fl) -> miscHeads.add(e, fl));
        lines(files, "abbreviations.tsv", (e, fl) -> abbreviations.put(e, fl));
        if (withReference) {
            addReferenceNames();
        }
        for (PhraseDict d : new PhraseDict[] {locations, locationExceptions, adminPrefixes, titles, orgHeads, miscHeads,
            facilityHeads, fixedPersons, contextCountries}) {
            startWords.addAll(d.firstWords());
        }
        startWords.add("các");
        startWords.add("quốc");
        for (String w : startWords) {
            vocabulary.computeIfAbsent(w, k -> new Known()).start = true;
        }
        for (String w : surnames) {
            vocabulary.computeIfAbsent(w, k -> new Known()).surname = true;
        }
        for (PhraseDict d : new PhraseDict[] {locations, locationExceptions, adminPrefixes, titles, orgHeads, orgWords,
            miscHeads, facilityHeads, fixedPersons, contextCountries, militaryArms}) {
            for (Map.Entry<String, PhraseDict.Node> first : d.firstNodes().entrySet()) {
                Known known = vocabulary.computeIfAbsent(first.getKey(), k -> new Known());
                known.firstNodes[d.slot()] = first.getValue();
                known.firstSlots |= 1 << d.slot();
            }
        }
        for (String w : vocabulary.keySet()) {
            int bit = vocabularyBit(w.hashCode());
            inVocabulary[bit >>> 6] |= 1L << bit;
        }
        surfaces = new Surfaces(new ArrayList<>(vocabulary.keySet()), this);
    }

    /**
     * The reference data's names as dictionary entries, so the rules find them with the same one-probe-per-token
     * lookups as the lists: countries (those that are also words only in context), the names of central bodies (a
     * standalone head, like "Chính phủ"), and the provinces of both maps (bare, they are places). A province named
     * after a person ("Hồ Chí Minh") is not added bare: written so it is the person; the city keeps its prefix.
     */
    private void addReferenceNames() {
        Countries countries = Countries.get();
        for (Country c : countries.all()) {
            List<String> names = new ArrayList<>(c.variants());
            names.add(c.name());
            for (String name : names) {
                if (countries.isAmbiguous(name)) {
                    contextCountries.add(name, "C");
                } else {
                    locations.add(name, "C");
                }
            }
        }
        for (CentralBody b : CentralBodies.get().all()) {
            List<String> names = new ArrayList<>(b.otherNames());
            names.add(0, b.name());
            for (String name : names) {
                // "Bộ giáo dục và đào tạo": a full name of four words or more is known in lower case too
                boolean lowerOk = name.split(" ").length >= 4;
                orgHeads.add(name, lowerOk ? "S" + PhraseDict.FIRST_CAPITAL_ONLY : "S");
            }
        }
        for (AdminMap map : AdminMap.values()) {
            for (AdminUnit p : AdminUnits.get().provinces(map)) {
                String first = p.name().split(" ", 2)[0].toLowerCase(Locale.ROOT);
                if (!(surnames.contains(first) && p.name().split(" ").length >= 3)) {
                    locations.add(p.name(), "P");
                }
            }
        }
    }

    /** Bit i set when some vocabulary word hashes to bucket i of 2^17: a clear bit answers "unknown" from cache. */
    private final long[] inVocabulary = new long[1 << 11];

    private static int vocabularyBit(int h) {
        return (h ^ (h >>> 17)) & ((1 << 17) - 1);
    }

    /**
     * Everything the lexicon knows about one lower-cased word: the entity rules asked several sets and dictionaries
     * about every token, one hash probe each; now a token is looked up once ({@link #lookUp(Token)}).
     */
    static final class Known {
        static final Known NOTHING = new Known();
        boolean start;
        boolean surname;
        final PhraseDict.Node[] firstNodes = new PhraseDict.Node[PhraseDict.SLOTS];
        /** Bit {@code slot} set when {@code firstNodes[slot]} is not null (copied onto tokens: see {@link Token#firstSlots}). */
        int firstSlots;

        PhraseDict.Node firstNode(int slot) {
            return firstNodes[slot];
        }
    }

    private final Map<String, Known> vocabulary = new HashMap<>();
    /** Written forms of the vocabulary, for the tokenizer; built last, from the finished vocabulary. */
    final Surfaces surfaces;

    /** Attaches the token's vocabulary entry; its set and dictionary answers then come from it. */
    void lookUp(Token t) {
        if (t.known == null) {
            int bit = vocabularyBit(t.lower.hashCode());
            t.known = (inVocabulary[bit >>> 6] & (1L << bit)) == 0 ? Known.NOTHING
                    : vocabulary.getOrDefault(t.lower, Known.NOTHING);
            t.firstSlots = t.known.firstSlots;
        }
    }

    boolean isStartWord(Token t) {
        return t.known != null ? t.known.start : startWords.contains(t.lower);
    }

    boolean isSurname(Token t) {
        return t.known != null ? t.known.surname : surnames.contains(t.lower);
    }

    /** The built-in lists shipped in the jar. */
    public static EntityLexicon builtIn() {
        Map<String, String> files = new LinkedHashMap<>();
        for (String f : FILES) {
            try (InputStream in = EntityLexicon.class.getResourceAsStream(RESOURCE_DIR + f)) {
                if (in == null) {
                    throw new IllegalStateException("lexicon resource missing from the classpath: " + RESOURCE_DIR + f);
                }
                files.put(f, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read lexicon " + f, e);
            }
        }
        return new EntityLexicon(files, true);
    }

    /** Lists given explicitly (file name to content); missing files count as empty. For tests and tooling. */
    public static EntityLexicon of(Map<String, String> files) {
        return new EntityLexicon(new LinkedHashMap<>(files));
    }

    /** SHA-256 over every list's name and content. */
    public String contentHash() {
        return contentHash;
    }

    private interface LineSink {
        void accept(String entry, String flags);
    }

    private static void lines(Map<String, String> files, String name, LineSink sink) {
        String content = files.get(name);
        if (content == null) {
            return;
        }
        for (String raw : content.split("\n")) {
            String line = TextNormalizer.normalize(raw);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            String entry = (tab >= 0 ? line.substring(0, tab) : line).strip();
            String flags = tab >= 0 ? line.substring(tab + 1).strip() : "";
            if (!entry.isEmpty()) {
                sink.accept(entry, flags);
            }
        }
    }
}
