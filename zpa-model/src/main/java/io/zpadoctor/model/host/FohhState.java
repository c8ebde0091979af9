package io.zpadoctor.model.host;

import java.util.Locale;

/** The state of a connector's connection to a ZPA broker, as the {@code fohh} library names it. */
public enum FohhState {
    /** {@code fohh_connection_connected}: healthy. */
    CONNECTED,
    /** {@code fohh_connection_backoff}: retrying after a failure. */
    BACKOFF,
    /** Any other name (the others are not documented); the fact keeps the raw text. */
    UNKNOWN;

    public static FohhState fromLog(String raw) {
        if (raw == null) {
            return UNKNOWN;
        }
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "fohh_connection_connected" -> CONNECTED;
            case "fohh_connection_backoff" -> BACKOFF;
            default -> UNKNOWN;
        };
    }
}
