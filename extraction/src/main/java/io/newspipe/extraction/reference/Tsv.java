package io.newspipe.extraction.reference;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One reference resource: tab-separated rows under a header of {@code # } lines that must name the data's
 * {@code source:}, its {@code licence:} and its {@code columns:} (comma-separated). A row with another number of
 * fields is an error naming the file and line.
 */
record Tsv(String file, List<String> header, List<String[]> rows, Map<String, LocalDate> dates) {

    Tsv(String file, List<String> header, List<String[]> rows) {
        this(file, header, rows, new HashMap<>());
    }

    static Tsv read(String file) {
        String text;
        try (InputStream in = Tsv.class.getResourceAsStream(ReferenceData.DIR + file)) {
            if (in == null) {
                throw new IllegalStateException("reference resource " + ReferenceData.DIR + file + " is not on the classpath");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read reference resource " + file + ": " + e.getMessage(), e);
        }
        return parse(file, text);
    }

    static Tsv parse(String file, String text) {
        List<String> header = new ArrayList<>();
        List<String[]> rows = new ArrayList<>();
        int columns = -1;
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("#")) {
                header.add(line.substring(1).trim());
                continue;
            }
            if (line.isBlank()) {
                continue;
            }
            if (columns < 0) {
                columns = requireHeader(file, header);
            }
            String[] fields = line.split("\t", -1);
            if (fields.length != columns) {
                throw new IllegalStateException(file + " line " + (i + 1) + ": " + fields.length + " fields, the header declares "
                        + columns + ": " + line);
            }
            rows.add(fields);
        }
        if (columns < 0) {
            requireHeader(file, header);
        }
        return new Tsv(file, List.copyOf(header), rows);
    }

    /** @return the number of columns the header declares */
    private static int requireHeader(String file, List<String> header) {
        for (String field : new String[] {"source:", "licence:", "columns:"}) {
            if (header.stream().noneMatch(h -> h.startsWith(field))) {
                throw new IllegalStateException("reference resource " + file + " has no '# " + field + "' line in its header");
            }
        }
        String columns = header.stream().filter(h -> h.startsWith("columns:")).findFirst().orElseThrow();
        return columns.substring("columns:".length()).split(",").length;
    }

    /** A date field: empty for none. */
    LocalDate date(String field) {
        try {
            // a table holds a handful of distinct dates in thousands of rows: parse each once
            return field.isEmpty() ? null : dates().computeIfAbsent(field, LocalDate::parse);
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(file + ": '" + field + "' is not a date (yyyy-mm-dd)", e);
        }
    }

    /** A list field separated by {@code |}: empty for none. */
    static List<String> list(String field) {
        return field.isEmpty() ? List.of() : List.of(field.split("\\|"));
    }
}
