package io.zpadoctor.report;

/** The output formats. */
public enum Format {
    MARKDOWN, JSON, TEXT,
    /** One self-contained page (styles and charts inline, nothing fetched), readable on screen and printable. */
    HTML;

    public static Format parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unknown format '" + s + "' (expected markdown, json, text or html)");
        }
    }
}
