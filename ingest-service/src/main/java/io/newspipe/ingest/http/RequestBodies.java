package io.newspipe.ingest.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Reading request bodies safely: never more than a limit, and only valid UTF-8. */
public final class RequestBodies {

    private RequestBodies() {
    }

    /**
     * Reads the whole body, or fails with 413 as soon as it is known to exceed {@code maxBytes}: at once when the
     * declared Content-Length is too large, else after reading {@code maxBytes + 1} bytes (the rest is not read).
     *
     * @param declaredLength the Content-Length, or -1 when unknown (chunked)
     */
    public static byte[] readBounded(InputStream in, long declaredLength, long maxBytes) throws IOException {
        if (declaredLength > maxBytes) {
            throw tooLarge(declaredLength + " bytes declared", maxBytes);
        }
        int initial = (int) Math.min(declaredLength > 0 ? declaredLength : 8192, maxBytes);
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(initial, 16));
        byte[] buf = new byte[16384];
        long total = 0;
        int n;
        while ((n = in.read(buf, 0, (int) Math.min(buf.length, maxBytes + 1 - total))) > 0) {
            total += n;
            if (total > maxBytes) {
                throw tooLarge("more than " + maxBytes + " bytes sent", maxBytes);
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    private static ApiException tooLarge(String what, long maxBytes) {
        return new ApiException(413, "body_too_large",
                "request body too large (" + what + "); the limit is " + maxBytes + " bytes (--max-body-bytes)");
    }

    /**
     * Decodes strictly: malformed or unmappable input is reported (never replaced), with the byte offset of the first
     * bad byte.
     *
     * @throws ApiException 400 {@code invalid_utf8}
     */
    public static String decodeUtf8(byte[] bytes, int offset, int length, String what) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
        CharBuffer out = CharBuffer.allocate((int) Math.ceil(length * (double) decoder.maxCharsPerByte()) + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isUnderflow()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position() - offset;
            throw new ApiException(400, "invalid_utf8", what + " is not valid UTF-8: " + describe(result)
                    + " at byte " + at + " (send the text encoded as UTF-8)");
        }
        out.flip();
        return out.toString();
    }

    public static String decodeUtf8(byte[] bytes, String what) {
        return decodeUtf8(bytes, 0, bytes.length, what);
    }

    private static String describe(CoderResult result) {
        try {
            result.throwException();
            return result.toString();
        } catch (CharacterCodingException e) {
            return (result.isMalformed() ? "malformed input of " : "unmappable input of ") + result.length() + " byte(s)";
        }
    }
}
