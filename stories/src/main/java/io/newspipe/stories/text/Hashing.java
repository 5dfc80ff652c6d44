package io.newspipe.stories.text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The hashes of the stories module. Every one is defined by this code alone (no {@code String.hashCode}, no random
 * seed), so signatures, bucket keys and ids are the same in every JVM and every run: a state store written by one
 * instance is read correctly by another.
 */
public final class Hashing {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private Hashing() {
    }

    /** The splitmix64 finalizer: every input bit affects every output bit. */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** FNV-1a over the UTF-16 chars of s, then {@link #mix64}. */
    public static long hash64(CharSequence s) {
        long h = FNV_OFFSET;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * FNV_PRIME;
        }
        return mix64(h);
    }

    /** An order-dependent combination of two hashes (a shingle's words, a band's rows). */
    public static long combine(long h, long next) {
        return mix64(h * 31 + next);
    }

    /** The first {@code hexDigits} hex digits of SHA-256 of the UTF-8 bytes of s. */
    public static String sha256Hex(String s, int hexDigits) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder(hexDigits);
            for (int i = 0; sb.length() < hexDigits; i++) {
                sb.append(Character.forDigit((d[i] >> 4) & 0xF, 16));
                if (sb.length() < hexDigits) {
                    sb.append(Character.forDigit(d[i] & 0xF, 16));
                }
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
