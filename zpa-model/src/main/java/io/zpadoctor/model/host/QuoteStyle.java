package io.zpadoctor.model.host;

/** The quote characters around a provisioning key in its file. */
public enum QuoteStyle {
    /** No quotes. */
    NONE,
    /** ASCII double quotes ({@code "}), as Zscaler's instructions write them. */
    ASCII,
    /** Typographic ("smart") quotes such as U+201C/U+201D, which an editor or chat tool substituted: they break the key. */
    SMART,
    /** Not shown. */
    UNKNOWN
}
