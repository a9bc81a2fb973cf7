package nl.retentiewerkboek.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads UTF-8, and reads a byte that is not valid UTF-8 as Windows-1252 instead of a replacement character: a Dutch
 * Excel file that is plain ASCII for its first 64 kB and has {@code Müller} and {@code Möller} further on keeps them
 * apart, where a plain UTF-8 reader would make both {@code M\uFFFDller}.
 */
final class LenientUtf8Reader extends Reader {

    private static final char[] WINDOWS_1252 = new char[256];

    static {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        String decoded = new String(all, Charset.forName("windows-1252"));
        for (int i = 0; i < 256; i++) {
            WINDOWS_1252[i] = decoded.charAt(i);
        }
    }

    private final InputStream in;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(16 * 1024);
    private final CharBuffer chars = CharBuffer.allocate(16 * 1024);
    private boolean endOfInput;

    LenientUtf8Reader(InputStream in) {
        this.in = in;
        bytes.flip();
        chars.flip();
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (!chars.hasRemaining()) {
            if (!fill()) {
                return -1;
            }
        }
        int n = Math.min(length, chars.remaining());
        chars.get(target, offset, n);
        return n;
    }

    /** Decodes what the bytes give into {@code chars}; false at the end of the input. */
    private boolean fill() throws IOException {
        chars.clear();
        while (true) {
            CoderResult result = utf8.decode(bytes, chars, endOfInput);
            if (result.isError()) {
                if (!chars.hasRemaining()) {
                    chars.flip();
                    return true;
                }
                // the bytes that are not UTF-8, one character each in Windows-1252
                for (int i = 0; i < result.length() && chars.hasRemaining(); i++) {
                    chars.put(WINDOWS_1252[bytes.get() & 0xFF]);
                }
                continue;
            }
            if (result.isOverflow() || chars.position() > 0 && !endOfInput) {
                chars.flip();
                return true;
            }
            if (endOfInput) {
                utf8.flush(chars);
                chars.flip();
                return chars.hasRemaining();
            }
            bytes.compact();
            int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (read < 0) {
                endOfInput = true;
            } else {
                bytes.position(bytes.position() + read);
            }
            bytes.flip();
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
