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
        bare = bare.replaceFirst("^(?:…|\\.\\.\\.)\\s*", ""); // documentation abbreviates prefixes as "… "
        bare = LEVEL.matcher(bare).replaceFirst("");
        return new JournalLine(false, null, null, null, null, null, null, bare);
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
