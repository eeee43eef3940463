package dev.trawl.internal.fetch;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Header values as text. Both HTTP clients hand a header's bytes over one char per byte
 * (ISO-8859-1); a server that writes a non-ASCII {@code Location} writes UTF-8, and browsers read
 * it so.
 */
public final class HeaderBytes {
    private HeaderBytes() {}

    /** The value read as UTF-8 when its bytes are valid UTF-8 with some non-ASCII; else as it is. */
    public static String utf8(String value) {
        if (value == null || value.chars().allMatch(c -> c < 0x80) || value.chars().anyMatch(c -> c > 0xFF)) {
            return value;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value.getBytes(StandardCharsets.ISO_8859_1))).toString();
        } catch (CharacterCodingException notUtf8) {
            return value;
        }
    }
}
