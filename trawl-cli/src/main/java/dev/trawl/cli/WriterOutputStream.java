package dev.trawl.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** UTF-8 bytes written to the command's output writer, so an export to standard output goes where {@code Main} said. */
final class WriterOutputStream extends OutputStream {
    private final PrintWriter writer;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
    private final CharBuffer chars = CharBuffer.allocate(1 << 16);

    WriterOutputStream(PrintWriter writer) {
        this.writer = writer;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            int n = Math.min(len, bytes.remaining());
            bytes.put(b, off, n);
            off += n;
            len -= n;
            decode(false);
        }
    }

    /** Decodes what is buffered; a sequence cut at the buffer's end waits for its next bytes. */
    private void decode(boolean end) throws IOException {
        bytes.flip();
        while (true) {
            var result = decoder.decode(bytes, chars, end);
            chars.flip();
            writer.append(chars);
            chars.clear();
            if (!result.isOverflow()) {
                break;
            }
        }
        bytes.compact();
        if (writer.checkError()) {
            throw new IOException("the output is closed");
        }
    }

    @Override
    public void flush() throws IOException {
        writer.flush();
        if (writer.checkError()) {
            throw new IOException("the output is closed");
        }
    }

    @Override
    public void close() throws IOException {
        decode(true);
        flush();
    }
}
