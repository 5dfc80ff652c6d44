package io.newspipe.serde;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.apache.avro.InvalidNumberEncodingException;
import org.apache.avro.io.Decoder;
import org.apache.avro.util.Utf8;

/**
 * Avro binary decoding of one record held in a byte array, where no length read from the data may exceed the bytes
 * left: a string or bytes length, or an array or map block count (every item of newspipe's schemas takes at least
 * one byte). Avro's own BinaryDecoder allocates whatever length the data claims (up to 2 GiB), so a 20-byte record
 * could exhaust the heap; this one throws {@link AvroDecodingLimitException} instead, before allocating.
 */
final class BoundedBinaryDecoder extends Decoder {

    private final byte[] buf;
    private final int limit;
    private int pos;

    BoundedBinaryDecoder(byte[] buf, int offset, int length) {
        this.buf = buf;
        this.pos = offset;
        this.limit = offset + length;
    }

    @Override
    public int remainingBytes() {
        return limit - pos;
    }

    private int claimed(long length, String what) throws IOException {
        if (length < 0) {
            throw new AvroDecodingLimitException("Malformed Avro data: negative " + what + " length " + length);
        }
        if (length > remainingBytes()) {
            throw new AvroDecodingLimitException("Avro data claims " + what + " of " + length + " bytes but only "
                    + remainingBytes() + " bytes of the record are left (corrupt or hostile record)");
        }
        return (int) length;
    }

    private long count(long items, String what) {
        if (items > remainingBytes()) {
            throw new AvroDecodingLimitException("Avro data claims " + what + " of " + items + " items but only "
                    + remainingBytes() + " bytes of the record are left (corrupt or hostile record)");
        }
        return items;
    }

    private void require(int n) throws EOFException {
        if (n > remainingBytes()) {
            throw new EOFException("Avro data ends " + (n - remainingBytes()) + " byte(s) early");
        }
    }

    @Override
    public void readNull() {
    }

    @Override
    public boolean readBoolean() throws IOException {
        require(1);
        return buf[pos++] == 1;
    }

    @Override
    public int readInt() throws IOException {
        long n = readLong(); // an int is a long varint that fits 32 bits
        if ((int) n != n) {
            throw new InvalidNumberEncodingException("Invalid int encoding");
        }
        return (int) n;
    }

    @Override
    public long readLong() throws IOException {
        long n = 0;
        int shift = 0;
        while (true) {
            require(1);
            int b = buf[pos++] & 0xff;
            n |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                break;
            }
            shift += 7;
            if (shift > 63) {
                throw new InvalidNumberEncodingException("Invalid long encoding");
            }
        }
        return (n >>> 1) ^ -(n & 1);
    }

    @Override
    public float readFloat() throws IOException {
        require(4);
        int bits = (buf[pos] & 0xff) | (buf[pos + 1] & 0xff) << 8 | (buf[pos + 2] & 0xff) << 16
                | (buf[pos + 3] & 0xff) << 24;
        pos += 4;
        return Float.intBitsToFloat(bits);
    }

    @Override
    public double readDouble() throws IOException {
        require(8);
        long bits = 0;
        for (int i = 7; i >= 0; i--) {
            bits = bits << 8 | (buf[pos + i] & 0xff);
        }
        pos += 8;
        return Double.longBitsToDouble(bits);
    }

    @Override
    public Utf8 readString(Utf8 old) throws IOException {
        int length = claimed(readLong(), "a string");
        Utf8 result = old != null ? old : new Utf8();
        result.setByteLength(length);
        System.arraycopy(buf, pos, result.getBytes(), 0, length);
        pos += length;
        return result;
    }

    @Override
    public String readString() throws IOException {
        int length = claimed(readLong(), "a string");
        String s = new String(buf, pos, length, StandardCharsets.UTF_8);
        pos += length;
        return s;
    }

    @Override
    public void skipString() throws IOException {
        pos += claimed(readLong(), "a string");
    }

    @Override
    public ByteBuffer readBytes(ByteBuffer old) throws IOException {
        int length = claimed(readLong(), "bytes");
        ByteBuffer result = old != null && old.capacity() >= length ? old : ByteBuffer.allocate(length);
        result.clear();
        result.put(buf, pos, length).flip();
        pos += length;
        return result;
    }

    @Override
    public void skipBytes() throws IOException {
        pos += claimed(readLong(), "bytes");
    }

    @Override
    public void readFixed(byte[] bytes, int start, int length) throws IOException {
        require(length);
        System.arraycopy(buf, pos, bytes, start, length);
        pos += length;
    }

    @Override
    public void skipFixed(int length) throws IOException {
        require(length);
        pos += length;
    }

    @Override
    public int readEnum() throws IOException {
        return readInt();
    }

    @Override
    public int readIndex() throws IOException {
        return readInt();
    }

    /** A block's item count; a negative count is followed by the block's size in bytes, not needed to read it. */
    private long blockCount(String what) throws IOException {
        long items = readLong();
        if (items < 0) {
            readLong();
            items = -items;
        }
        return count(items, what);
    }

    /** Skips whole blocks while they carry their byte size; returns the count of the first block that does not. */
    private long skipBlocks(String what) throws IOException {
        long items = readLong();
        while (items < 0) {
            pos += claimed(readLong(), what);
            items = readLong();
        }
        return count(items, what);
    }

    @Override
    public long readArrayStart() throws IOException {
        return arrayNext(); // the same encoding as every later block
    }

    @Override
    public long arrayNext() throws IOException {
        return blockCount("an array block");
    }

    @Override
    public long skipArray() throws IOException {
        return skipBlocks("an array block");
    }

    @Override
    public long readMapStart() throws IOException {
        return mapNext(); // the same encoding as every later block
    }

    @Override
    public long mapNext() throws IOException {
        return blockCount("a map block");
    }

    @Override
    public long skipMap() throws IOException {
        return skipBlocks("a map block");
    }
}
