package io.newspipe.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Short content hash of the lexicon resources whose names start with given prefixes (the awards-* and kpi-* lists),
 * found by listing the lexicon directory on the classpath (a directory or a jar), so the extractor version follows
 * their content without this class knowing their names.
 */
final class ResourceHash {

    private static final String DIR = "io/newspipe/extraction/lexicon/";

    private ResourceHash() {
    }

    static String ofPrefixes(String... prefixes) {
        List<String> names = list(prefixes);
        names.sort(null);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String f : names) {
                try (InputStream in = ResourceHash.class.getResourceAsStream("/" + DIR + f)) {
                    if (in != null) {
                        sha.update(f.getBytes(StandardCharsets.UTF_8));
                        sha.update((byte) 0);
                        sha.update(in.readAllBytes());
                        sha.update((byte) 0);
                    }
                }
            }
            StringBuilder hex = new StringBuilder();
            byte[] d = sha.digest();
            for (int k = 0; k < 4; k++) {
                hex.append(String.format("%02x", d[k]));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException("cannot hash lexicon resources: " + e.getMessage(), e);
        }
    }

    private static List<String> list(String[] prefixes) {
        List<String> out = new ArrayList<>();
        URL url = ResourceHash.class.getClassLoader().getResource(DIR);
        if (url == null) {
            return out;
        }
        try {
            if ("file".equals(url.getProtocol())) {
                try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                    files.map(p -> p.getFileName().toString()).filter(n -> matches(n, prefixes)).forEach(out::add);
                }
            } else if ("jar".equals(url.getProtocol())) {
                JarURLConnection conn = (JarURLConnection) url.openConnection();
                conn.setUseCaches(false);
                try (JarFile jar = conn.getJarFile()) {
                    Enumeration<JarEntry> entries = jar.entries();
                    while (entries.hasMoreElements()) {
                        String name = entries.nextElement().getName();
                        if (name.startsWith(DIR) && name.length() > DIR.length() && name.indexOf('/', DIR.length()) < 0) {
                            String f = name.substring(DIR.length());
                            if (matches(f, prefixes)) {
                                out.add(f);
                            }
                        }
                    }
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot list lexicon resources at " + url + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static boolean matches(String name, String[] prefixes) {
        for (String p : prefixes) {
            if (name.startsWith(p)) {
                return true;
            }
        }
        return false;
    }
}
