package io.zpadoctor.report;

/** The output formats. */
public enum Format {
    MARKDOWN, JSON, TEXT;

    public static Format parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unknown format '" + s + "' (expected markdown, json or text)");
        }
    }
}
