package io.zpadoctor.client.api.internal;

import java.time.Duration;
import java.util.Locale;

/** Durations as people read them, and as the API writes them in {@code retry-after}. */
public final class Durations {
    private Durations() {
    }

    public static String show(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        return String.format(Locale.ROOT, ms % 1000 == 0 ? "%.0f s" : "%.1f s", ms / 1000.0);
    }

    /**
     * A {@code retry-after} or {@code x-ratelimit-reset} value: seconds as {@code 4}, {@code "4s"} (what ZPA
     * sends), {@code 4.5s} or {@code 1500ms}, quoted or not. Null when absent or not understood (an HTTP date is
     * turned into the time left until it).
     */
    public static Duration parseWait(String header) {
        if (header == null) {
            return null;
        }
        String s = header.strip();
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            s = s.substring(1, s.length() - 1).strip();
        }
        s = s.toLowerCase(Locale.ROOT);
        try {
            if (s.endsWith("ms")) {
                return nonNegative(Math.round(Double.parseDouble(s.substring(0, s.length() - 2).strip())));
            }
            if (s.endsWith("s")) {
                s = s.substring(0, s.length() - 1).strip();
            }
            return nonNegative(Math.round(Double.parseDouble(s) * 1000));
        } catch (NumberFormatException e) {
            try {
                java.time.ZonedDateTime t = java.time.ZonedDateTime.parse(header.strip(),
                        java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration left = Duration.between(java.time.Instant.now(), t.toInstant());
                return left.isNegative() ? Duration.ZERO : left;
            } catch (java.time.format.DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static Duration nonNegative(long ms) {
        return ms < 0 || ms > 86_400_000L ? null : Duration.ofMillis(ms);
    }
}
