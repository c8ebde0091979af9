package io.zpadoctor.model.telemetry;

import java.util.Locale;

/** A control session's state in an App Connector Status record ({@code SessionStatus}). */
public enum SessionStatus {
    AUTHENTICATED, AUTH_FAILED, DISCONNECTED,
    /** A value this version does not know; kept as text in the record, never read as one of the above. */
    OTHER;

    /** {@code ZPN_STATUS_AUTHENTICATED} and {@code AUTHENTICATED} alike (both spellings are documented). */
    public static SessionStatus parse(String text) {
        if (text == null) {
            return OTHER;
        }
        String t = text.trim().toUpperCase(Locale.ROOT);
        if (t.startsWith("ZPN_STATUS_")) {
            t = t.substring("ZPN_STATUS_".length());
        }
        return switch (t) {
            case "AUTHENTICATED" -> AUTHENTICATED;
            case "AUTH_FAILED" -> AUTH_FAILED;
            case "DISCONNECTED" -> DISCONNECTED;
            default -> OTHER;
        };
    }
}
