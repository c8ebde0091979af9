package io.zpadoctor.client.host.internal;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Size texts of {@code df}, {@code du} and {@code free} turned into MiB. */
public final class Sizes {
    /** {@code 14G}, {@code 3.6Gi}, {@code 512Mi}, {@code 4.0K}, {@code 0B}, {@code 1,5G} (a comma locale). */
    private static final Pattern HUMAN = Pattern.compile("(\\d+(?:[.,]\\d+)?)([BKMGTPE]?)(i?)B?", Pattern.CASE_INSENSITIVE);

    private Sizes() {
    }

    /**
     * A human-readable size in MiB (powers of 1024, as {@code -h} prints; a bare number is bytes), or null when the
     * text is not a size.
     */
    public static Double humanToMib(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = HUMAN.matcher(text.trim());
        if (!m.matches()) {
            return null;
        }
        double v = Double.parseDouble(m.group(1).replace(',', '.'));
        String unit = m.group(2).toUpperCase(Locale.ROOT);
        return switch (unit) {
            case "", "B" -> v / (1024.0 * 1024.0);
            case "K" -> v / 1024.0;
            case "M" -> v;
            case "G" -> v * 1024.0;
            case "T" -> v * 1024.0 * 1024.0;
            case "P" -> v * 1024.0 * 1024.0 * 1024.0;
            case "E" -> v * 1024.0 * 1024.0 * 1024.0 * 1024.0;
            default -> null;
        };
    }

    // compiled once: these run for every number of every file
    private static final Pattern WITH_UNIT = Pattern.compile("\\d+(?:[.,]\\d+)?[BKMGTPE]i?B?");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d+(?:[.,]\\d+)?");

    /** Whether the text ends in a unit letter, i.e. came from a {@code -h} listing. */
    public static boolean hasUnit(String text) {
        return text != null && WITH_UNIT.matcher(text.trim()).matches();
    }

    /** Non-negative whole number, or null when the text is not one (never a guess). */
    public static Long wholeNumber(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        if (t.isEmpty() || t.length() > 18) {
            return null;
        }
        long v = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** A non-negative whole number that fits an int (a pid, a port, an exit code), or null when it does not. */
    public static Integer wholeInt(String text) {
        Long n = wholeNumber(text);
        return n == null || n > Integer.MAX_VALUE ? null : n.intValue();
    }

    /** A decimal number such as {@code 12.5} or {@code 0,3}, or null (also for 400 digits, which no double holds). */
    public static Double decimal(String text) {
        if (text == null || !DECIMAL.matcher(text.trim()).matches()) {
            return null;
        }
        double v = Double.parseDouble(text.trim().replace(',', '.'));
        return Double.isFinite(v) ? v : null;
    }
}
