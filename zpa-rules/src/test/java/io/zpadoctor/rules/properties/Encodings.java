package io.zpadoctor.rules.properties;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What copying a probe file through the wrong encoding does to it, as ZPA Doctor then reads it (UTF-8, a stray byte
 * as U+FFFD): UTF-8 shown as cp1252 and saved again (mojibake, {@code â””â”€}), a file saved as latin-1 or cp1252,
 * every non-ASCII character lost to {@code ?} by a terminal, long lines ellipsized by a pager.
 */
final class Encodings {
    private static final Charset CP1252 = Charset.forName("windows-1252");

    private Encodings() {
    }

    static Map<String, UnaryOperator<String>> all() {
        Map<String, UnaryOperator<String>> m = new LinkedHashMap<>();
        m.put("mojibake (UTF-8 read as cp1252)", t -> new String(t.getBytes(StandardCharsets.UTF_8), CP1252));
        m.put("saved as latin-1", t -> asUtf8(t.getBytes(StandardCharsets.ISO_8859_1)));
        m.put("saved as cp1252", t -> asUtf8(t.getBytes(CP1252)));
        m.put("?? for every non-ASCII character", t -> t.replaceAll("[^\\x00-\\x7F]", "?"));
        m.put("lines ellipsized at 80 columns", t -> {
            StringBuilder b = new StringBuilder();
            for (String l : t.split("\n", -1)) {
                b.append(l.length() > 80 ? l.substring(0, 79) + "\u2026" : l).append('\n');
            }
            return b.substring(0, b.length() - 1);
        });
        return m;
    }

    /** Bytes as the bundle reader decodes them: UTF-8, a malformed byte as U+FFFD. */
    static String asUtf8(byte[] b) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            return d.decode(ByteBuffer.wrap(b)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
