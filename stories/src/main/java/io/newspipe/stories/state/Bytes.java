package io.newspipe.stories.state;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Helpers for the hand-written codecs of the state values: a version byte, then fields in order. */
public final class Bytes {

    private Bytes() {
    }

    /** Writes fields into bytes. */
    @FunctionalInterface
    public interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    /** Reads a value from bytes. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    public static byte[] write(int version, Writer w) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bos)) {
            out.writeByte(version);
            w.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bos.toByteArray();
    }

    public static <T> T read(byte[] bytes, int version, String what, Reader<T> r) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int v = in.readUnsignedByte();
            if (v != version) {
                throw new IllegalArgumentException(what + ": encoding version " + v + ", this code reads " + version);
            }
            return r.read(in);
        } catch (IOException e) {
            throw new IllegalArgumentException(what + ": truncated or corrupt bytes (" + bytes.length + ")", e);
        }
    }

    public static void writeNullable(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s);
        }
    }

    public static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    public static void writeInts(DataOutputStream out, int[] a) throws IOException {
        out.writeShort(a.length);
        for (int x : a) {
            out.writeInt(x);
        }
    }

    public static int[] readInts(DataInputStream in) throws IOException {
        int[] a = new int[in.readUnsignedShort()];
        for (int i = 0; i < a.length; i++) {
            a[i] = in.readInt();
        }
        return a;
    }

    public static void writeLongs(DataOutputStream out, long[] a) throws IOException {
        out.writeShort(a.length);
        for (long x : a) {
            out.writeLong(x);
        }
    }

    public static long[] readLongs(DataInputStream in) throws IOException {
        long[] a = new long[in.readUnsignedShort()];
        for (int i = 0; i < a.length; i++) {
            a[i] = in.readLong();
        }
        return a;
    }

    public static void writeStrings(DataOutputStream out, java.util.List<String> a) throws IOException {
        out.writeInt(a.size());
        for (String x : a) {
            out.writeUTF(x);
        }
    }

    public static java.util.List<String> readStrings(DataInputStream in) throws IOException {
        int n = in.readInt();
        java.util.List<String> a = new java.util.ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            a.add(in.readUTF());
        }
        return a;
    }
}
