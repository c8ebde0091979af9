package io.zpadoctor.client.host.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One journal line split into time, process, pid and message. Reads the {@code journalctl} formats a person
 * pastes: {@code short} (the default, {@code Jul 18 10:40:02 host unit[pid]: msg}, also /var/log/messages),
 * {@code short-precise} (fractional seconds), {@code short-iso} / {@code short-iso-precise}
 * ({@code 2025-07-18T10:40:02+0000}), {@code short-full} ({@code Fri 2025-07-18 10:40:02 UTC}); a missing host
 * field; and bare messages without any prefix, optionally led by a syslog level ({@code notice:}).
 *
 * @param monthDay for the short formats, which print no year: month and day, the year being resolved later
 * @param time the full local time when the line carries a year
 */
public record JournalLine(boolean prefixed, Month month, Integer day, LocalTime clock, LocalDateTime time,
                          String process, Integer pid, String message) {

    private static final String TAIL = " (?:([^\\s\\[\\]:]+) )?([^\\s\\[:]+)(?:\\[(\\d+)\\])?: ?(.*)$";
    private static final Pattern SHORT = Pattern.compile(
            "^([A-Z][a-z]{2}) {1,2}(\\d{1,2}) (\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?" + TAIL);
    private static final Pattern ISO = Pattern.compile(
            "^(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})(?:[.,](\\d{1,9}))?(?:Z|[+-]\\d{2}:?\\d{2})?" + TAIL);
    private static final Pattern FULL = Pattern.compile(
            "^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (\\d{4})-(\\d{2})-(\\d{2}) (\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))? [A-Z]{2,5}" + TAIL);
    private static final Pattern LEVEL = Pattern.compile("^(?:notice|error|err|info|warning|warn|debug|crit|alert|emerg):\\s?");
    private static final Map<String, Month> MONTHS = new HashMap<>();

    static {
        for (Month m : Month.values()) {
            MONTHS.put(m.getDisplayName(TextStyle.SHORT, Locale.ENGLISH), m);
        }
    }

    /** Splits a line; never fails (an unrecognised line is a bare message). */
    public static JournalLine parse(String line) {
        JournalLine quick = shortForm(line);
        return quick != null ? quick : byExpression(line);
    }

    /** The line read by the expressions alone (what {@link #shortForm} must agree with; the tests hold them to it). */
    static JournalLine byExpression(String line) {
        Matcher m = SHORT.matcher(line);
        if (m.matches() && MONTHS.containsKey(m.group(1))) {
            int day = Integer.parseInt(m.group(2));
            LocalTime clock = clock(m.group(3), m.group(4), m.group(5), m.group(6));
            if (day >= 1 && day <= 31 && clock != null) {
                return new JournalLine(true, MONTHS.get(m.group(1)), day, clock, null, m.group(8), pid(m.group(9)),
                        m.group(10));
            }
        }
        for (Pattern p : new Pattern[] {ISO, FULL}) {
            m = p.matcher(line);
            if (m.matches()) {
                LocalTime clock = clock(m.group(4), m.group(5), m.group(6), m.group(7));
                LocalDate date = date(m.group(1), m.group(2), m.group(3));
                if (clock != null && date != null) {
                    return new JournalLine(true, null, null, null, LocalDateTime.of(date, clock), m.group(9),
                            pid(m.group(10)), m.group(11));
                }
            }
        }
        String bare = line.strip();
        if (bare.startsWith("…") || bare.startsWith("...")) {
            bare = bare.substring(bare.startsWith("…") ? 1 : 3).strip(); // documentation abbreviates prefixes as "… "
        }
        bare = LEVEL.matcher(bare).replaceFirst("");
        return new JournalLine(false, null, null, null, null, null, null, bare);
    }

    /**
     * The default {@code short} form read by hand, as {@link #SHORT} reads it: nearly every line of a journal is in
     * it, and the regular expression was most of a journal's parse time. Null when the line is not plainly in it
     * (the expression then decides).
     */
    static JournalLine shortForm(String l) {
        int n = l.length();
        if (n < 17 || !Character.isUpperCase(l.charAt(0)) || !Character.isLowerCase(l.charAt(1))
                || !Character.isLowerCase(l.charAt(2)) || l.charAt(3) != ' ') {
            return null;
        }
        Month month = MONTHS.get(l.substring(0, 3));
        int i = 4;
        if (month == null) {
            return null;
        }
        if (l.charAt(i) == ' ') {
            i++;
        }
        int dayStart = i;
        while (i < n && i - dayStart < 2 && ascii(l.charAt(i))) {
            i++;
        }
        if (i == dayStart || i + 9 > n || l.charAt(i) != ' ' || !digits(l, i + 1, 2) || l.charAt(i + 3) != ':'
                || !digits(l, i + 4, 2) || l.charAt(i + 6) != ':' || !digits(l, i + 7, 2)) {
            return null;
        }
        int day = Integer.parseInt(l, dayStart, i, 10);
        String h = l.substring(i + 1, i + 3);
        String mi = l.substring(i + 4, i + 6);
        String se = l.substring(i + 7, i + 9);
        i += 9;
        String frac = null;
        if (i < n && l.charAt(i) == '.') {
            int f = ++i;
            while (i < n && ascii(l.charAt(i))) {
                i++;
            }
            if (i == f || i - f > 9) {
                return null;
            }
            frac = l.substring(f, i);
        }
        if (i >= n || l.charAt(i) != ' ') {
            return null;
        }
        i++;
        // [host ]process[\[pid\]]: message, the host optional
        int t1 = i;
        while (i < n && !space(l.charAt(i)) && l.charAt(i) != '[' && l.charAt(i) != ']' && l.charAt(i) != ':') {
            i++;
        }
        if (i == t1 || i >= n || space(l.charAt(i)) && l.charAt(i) != ' ') {
            return null;
        }
        if (l.charAt(i) == ' ') {
            i++;   // the first word was the host
            int t2 = i;
            while (i < n && !space(l.charAt(i)) && l.charAt(i) != '[' && l.charAt(i) != ':') {
                i++;
            }
            if (i == t2 || i >= n) {
                return null;
            }
            t1 = t2;
        } else if (l.charAt(i) == ']') {
            return null;
        }
        String process = l.substring(t1, i);
        String pid = null;
        if (l.charAt(i) == '[') {
            int p = ++i;
            while (i < n && ascii(l.charAt(i))) {
                i++;
            }
            if (i == p || i >= n || l.charAt(i) != ']') {
                return null;
            }
            pid = l.substring(p, i);
            i++;
        }
        if (i >= n || l.charAt(i) != ':') {
            return null;
        }
        i++;
        if (i < n && l.charAt(i) == ' ') {
            i++;
        }
        if (day < 1 || day > 31) {
            return null;
        }
        LocalTime clock = clock(h, mi, se, frac);
        return clock == null ? null : new JournalLine(true, month, day, clock, null, process, pid(pid), l.substring(i));
    }

    private static boolean ascii(char c) {
        return c >= '0' && c <= '9';
    }

    /** What the expression's \\s is: a space, tab, line break, vertical tab or form feed. */
    private static boolean space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    private static boolean digits(String l, int from, int count) {
        if (from + count > l.length()) {
            return false;
        }
        for (int k = from; k < from + count; k++) {
            if (!ascii(l.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    private static Integer pid(String s) {
        return s == null || s.length() > 9 ? null : Integer.valueOf(s);
    }

    private static LocalTime clock(String h, String m, String s, String frac) {
        int hh = Integer.parseInt(h);
        int mm = Integer.parseInt(m);
        int ss = Integer.parseInt(s);
        if (hh > 23 || mm > 59 || ss > 60) {
            return null;
        }
        int nanos = 0;
        if (frac != null) {
            nanos = Integer.parseInt((frac + "000000000").substring(0, 9));
        }
        return LocalTime.of(hh, mm, Math.min(ss, 59), nanos);
    }

    private static LocalDate date(String y, String mo, String d) {
        try {
            return LocalDate.of(Integer.parseInt(y), Integer.parseInt(mo), Integer.parseInt(d));
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /**
     * The full time of a short-format line, its year taken from {@code reference} (the collection date): the latest
     * year that puts the date no later than a day after the reference. A December line read in January falls in
     * the previous year; the day of slack covers a host clock ahead of UTC on New Year's Eve. Null without a
     * reference or a date.
     */
    public LocalDateTime resolve(LocalDate reference) {
        if (time != null) {
            return time;
        }
        if (month == null || reference == null) {
            return null;
        }
        for (int year = reference.getYear() + 1; year >= reference.getYear() - 4; year--) {
            LocalDate d;
            try {
                d = LocalDate.of(year, month, day);
            } catch (java.time.DateTimeException e) {
                continue; // Feb 29 outside a leap year: try an earlier year
            }
            if (!d.isAfter(reference.plusDays(1))) {
                return LocalDateTime.of(d, clock);
            }
        }
        return null;
    }
}
