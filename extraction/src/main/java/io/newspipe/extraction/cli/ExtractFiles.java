package io.newspipe.extraction.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.newspipe.extraction.AwardMention;
import io.newspipe.extraction.EntityKind;
import io.newspipe.extraction.EntityMention;
import io.newspipe.extraction.ExtractionResult;
import io.newspipe.extraction.Extractor;
import io.newspipe.extraction.KpiMention;
import io.newspipe.extraction.TextNormalizer;

/**
 * Offline runner: extracts every {@code .txt} article given (files, or directories of them, not recursive) and
 * writes one JSON line per article in the scorer's prediction format, plus {@code extractorVersion} and
 * {@code entities} with offsets, canonical forms and roles.
 *
 * <p>Usage: {@code ExtractFiles PATH... [--output FILE]}. Exit code 1 when any input could not be read (not UTF-8,
 * empty, missing); the readable ones are still processed.
 */
public final class ExtractFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ExtractFiles() {
    }

    public static void main(String[] args) {
        List<Path> inputs = new ArrayList<>();
        Path output = null;
        for (int k = 0; k < args.length; k++) {
            if (args[k].equals("--output") || args[k].equals("-o")) {
                if (k + 1 >= args.length) {
                    System.err.println("--output needs a file name");
                    System.exit(2);
                }
                output = Path.of(args[++k]);
            } else if (args[k].equals("--help") || args[k].equals("-h")) {
                System.out.println("usage: ExtractFiles PATH... [--output FILE]  (PATH: .txt file or directory of .txt files)");
                return;
            } else {
                inputs.add(Path.of(args[k]));
            }
        }
        if (inputs.isEmpty()) {
            System.err.println("usage: ExtractFiles PATH... [--output FILE]");
            System.exit(2);
        }
        System.exit(run(inputs, output, System.out, System.err));
    }

    /**
     * @param outputOrNull where to write the JSON lines; null writes them to {@code out}
     * @return 0 when every input was processed, 1 when some could not be read (reported on {@code err} by name)
     */
    public static int run(List<Path> inputs, Path outputOrNull, PrintStream out, PrintStream err) {
        List<Path> files = new ArrayList<>();
        boolean failed = false;
        for (Path in : inputs) {
            if (Files.isDirectory(in)) {
                try (Stream<Path> s = Files.list(in)) {
                    s.filter(p -> p.getFileName().toString().endsWith(".txt") && Files.isRegularFile(p)).sorted()
                            .forEach(files::add);
                } catch (IOException e) {
                    err.println(in + ": cannot list directory: " + e.getMessage());
                    failed = true;
                }
            } else if (Files.isRegularFile(in)) {
                files.add(in);
            } else {
                err.println(in + ": no such file or directory");
                failed = true;
            }
        }
        Extractor extractor = Extractor.create();
        long lastProgress = System.nanoTime();
        int done = 0;
        try (Writer w = outputOrNull == null
                ? new OutputStreamWriter(nonClosing(out), StandardCharsets.UTF_8)
                : Files.newBufferedWriter(outputOrNull, StandardCharsets.UTF_8)) {
            BufferedWriter bw = w instanceof BufferedWriter b ? b : new BufferedWriter(w);
            for (Path f : files) {
                String raw;
                try {
                    raw = readUtf8(f);
                } catch (CharacterCodingException e) {
                    err.println(f + ": not valid UTF-8 (" + e.getMessage() + "): skipped");
                    failed = true;
                    continue;
                } catch (IOException e) {
                    err.println(f + ": cannot read: " + e.getMessage());
                    failed = true;
                    continue;
                }
                if (raw.isBlank()) {
                    err.println(f + ": empty file: skipped");
                    failed = true;
                    continue;
                }
                String text = TextNormalizer.normalize(raw);
                ExtractionResult r = extractor.extract(text);
                bw.write(JSON.writeValueAsString(toJson(stem(f), r)));
                bw.write('\n');
                done++;
                long now = System.nanoTime();
                if (done % 100 == 0 || now - lastProgress > 1_000_000_000L) {
                    err.println("extract: " + done + "/" + files.size() + " files");
                    lastProgress = now;
                }
            }
            bw.flush();
        } catch (IOException e) {
            err.println("cannot write output" + (outputOrNull == null ? "" : " " + outputOrNull) + ": " + e.getMessage());
            return 1;
        }
        if (files.size() >= 100) {
            err.println("extract: " + done + "/" + files.size() + " files done");
        }
        return failed ? 1 : 0;
    }

    /** Strict UTF-8 decoding: malformed or unmappable input is an error that names the byte offset. */
    static String readUtf8(Path f) throws IOException {
        byte[] bytes = Files.readAllBytes(f);
        java.nio.charset.CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        java.nio.charset.CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new InvalidUtf8Exception(in.position());
        }
        result = decoder.flush(out);
        if (result.isError()) {
            throw new InvalidUtf8Exception(in.position());
        }
        return out.flip().toString();
    }

    /** Thrown for input that is not valid UTF-8, with the offending byte offset. */
    static final class InvalidUtf8Exception extends CharacterCodingException {
        private static final long serialVersionUID = 1L;
        final int byteOffset;

        InvalidUtf8Exception(int byteOffset) {
            this.byteOffset = byteOffset;
        }

        @Override
        public String getMessage() {
            return "invalid UTF-8 byte sequence at byte offset " + byteOffset;
        }
    }

    static String stem(Path f) {
        String name = f.getFileName().toString();
        return name.endsWith(".txt") ? name.substring(0, name.length() - 4) : name;
    }

    /** The scorer's prediction object: unique names per kind (first form seen), awards, KPIs, plus details. */
    static Map<String, Object> toJson(String id, ExtractionResult r) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", id);
        o.put("persons", uniqueNames(r.entities(), EntityKind.PERSON));
        o.put("organizations", uniqueNames(r.entities(), EntityKind.ORGANIZATION));
        o.put("locations", uniqueNames(r.entities(), EntityKind.LOCATION));
        List<Map<String, Object>> awards = new ArrayList<>();
        for (AwardMention a : r.awards()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("award", a.award());
            m.put("conferrer", a.conferrer());
            m.put("title", a.title());
            m.put("recipients", a.recipients());
            m.put("year", a.year());
            m.put("text", a.text());
            m.put("presenter", a.presenter());
            m.put("recipientCount", a.recipientCount());
            m.put("confidence", a.confidence());
            awards.add(m);
        }
        o.put("awards", awards);
        List<Map<String, Object>> kpis = new ArrayList<>();
        for (KpiMention k : r.kpis()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("text", k.text());
            m.put("metric", k.metric());
            m.put("value", k.value());
            m.put("unit", k.unit());
            m.put("total", k.total());
            m.put("period", k.period());
            m.put("rank", k.rank());
            m.put("status", k.status());
            m.put("confidence", k.confidence());
            kpis.add(m);
        }
        o.put("kpis", kpis);
        o.put("extractorVersion", r.extractorVersion());
        List<Map<String, Object>> entities = new ArrayList<>();
        for (EntityMention e : r.entities()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", e.kind().name());
            m.put("text", e.text());
            m.put("canonical", e.canonical());
            m.put("start", e.start());
            m.put("end", e.end());
            if (e.role() != null) {
                m.put("role", e.role());
            }
            m.put("confidence", e.confidence());
            entities.add(m);
        }
        o.put("entities", entities);
        return o;
    }

    private static List<String> uniqueNames(List<EntityMention> entities, EntityKind kind) {
        Set<String> seen = new HashSet<>();
        List<String> names = new ArrayList<>();
        for (EntityMention e : entities) {
            if (e.kind() == kind && seen.add(TextNormalizer.canonicalKey(e.text()))) {
                names.add(e.text());
            }
        }
        return names;
    }

    /** Lets the writer be closed without closing the caller's stream. */
    private static java.io.OutputStream nonClosing(PrintStream target) {
        return new java.io.OutputStream() {
            @Override
            public void write(int b) {
                target.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                target.write(b, off, len);
            }

            @Override
            public void close() {
                target.flush();
            }
        };
    }
}
