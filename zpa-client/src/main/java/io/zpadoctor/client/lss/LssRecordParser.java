package io.zpadoctor.client.lss;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.zpadoctor.model.telemetry.MetricsRecord;
import io.zpadoctor.model.telemetry.SessionStatus;
import io.zpadoctor.model.telemetry.StatusRecord;
import io.zpadoctor.model.telemetry.TelemetryRecord;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One line of a Log Streaming Service feed in its JSON format: an App Connector Status record
 * ({@code zpn_ast_auth_log}), an App Connector Metrics record ({@code zpn_ast_comprehensive_stats}), another log
 * type's record (unknown), or not such a record (malformed, with the reason). Numbers are read whether LSS writes
 * them as numbers or strings; an empty string is an absent value. Field names as Zscaler documents them (see
 * docs/LSS.md), older ones accepted.
 */
public final class LssRecordParser {
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    /** {@code Wed Jul 3 05:17:22 2019} and {@code Fri May  6 11:40:00 2022}: ctime, UTC. */
    private static final DateTimeFormatter CTIME = DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.ROOT);

    /** The fields read, each in its slot of a line's values; the templates' others are skipped unread. */
    private static final String[] READ = {"LogTimestamp", "Connector", "ConnectorGroup", "SessionStatus",
            "SessionType", "CPUUtilization", "MemUtilization", "PrivateIP", "PublicIP", "Version", "ZEN",
            "TimestampAuthentication", "TimestampUnAuthentication", "HostStartTime", "HostUpTime",
            "ConnectorStartTime", "ConnectorUpTime", "SystemMemoryUtilization", "ProcessMemoryUtilization",
            "AvailableDiskBytes", "TargetCount", "AliveTargetCount", "UsedTCPPortsIPv4", "AvailablePorts",
            "SystemMaximumFileDescriptors", "SystemUsedFileDescriptors", "ProcessMaximumFileDescriptors",
            "ProcessUsedFileDescriptors", "ActiveConnectionsToPublicSE", "ActiveConnectionsToPrivateSE", "Username"};
    private static final int LOG_TIMESTAMP = 0;
    private static final int CONNECTOR = 1;
    private static final int GROUP = 2;
    private static final int SESSION_STATUS = 3;
    private static final int CPU = 5;
    private static final int MEM = 6;
    private static final int PRIVATE_IP = 7;
    private static final int PUBLIC_IP = 8;
    private static final int VERSION = 9;
    private static final int ZEN = 10;
    private static final int AUTH = 11;
    private static final int UNAUTH = 12;
    private static final int HOST_START = 13;
    private static final int HOST_UP = 14;
    private static final int CONNECTOR_START = 15;
    private static final int CONNECTOR_UP = 16;
    private static final int SYSTEM_MEM = 17;
    private static final int PROCESS_MEM = 18;
    private static final int DISK = 19;
    private static final int TARGETS = 20;
    private static final int ALIVE_TARGETS = 21;
    private static final int USED_PORTS = 22;
    private static final int AVAILABLE_PORTS = 23;
    private static final int SYSTEM_MAX_FDS = 24;
    private static final int SYSTEM_USED_FDS = 25;
    private static final int PROCESS_MAX_FDS = 26;
    private static final int PROCESS_USED_FDS = 27;
    private static final int TO_PUBLIC_SE = 28;
    private static final int TO_PRIVATE_SE = 29;
    private static final int USERNAME = 30;
    /** SessionStatus, SessionType: a Status record carries one of them. */
    private static final int STATUS_MARKERS_FROM = 3;
    private static final int STATUS_MARKERS_TO = 4;
    /** SystemMemoryUtilization to ActiveConnectionsToPrivateSE: a Metrics record carries one of them. */
    private static final int METRICS_MARKERS_FROM = 17;
    private static final int METRICS_MARKERS_TO = 29;
    private static final Map<String, Integer> SLOT = new HashMap<>();

    static {
        for (int i = 0; i < READ.length; i++) {
            SLOT.put(READ[i], i);
        }
    }

    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    /**
     * The last two time texts read on this thread in each time field, and what they were: a feed's records come in
     * bursts that share their LogTimestamp to the second (a Metrics and a Status record a second apart alternate), a
     * ctime parse costs more than the rest of a record, and a Status record's other times must not evict them.
     */
    private static final ThreadLocal<Object[]> LAST_TIME = ThreadLocal.withInitial(() -> new Object[4 * READ.length]);

    /** What a line is. */
    public sealed interface Result permits Parsed, Unknown, Malformed {
    }

    public record Parsed(TelemetryRecord record) implements Result {
    }

    /** Valid JSON of another log type (a user's status, a transaction...): not ours, not wrong. */
    public record Unknown(String reason) implements Result {
    }

    public record Malformed(String reason) implements Result {
    }

    private LssRecordParser() {
    }

    public static Result parse(byte[] line, int offset, int length, String source, long lineNumber) {
        String[] f = new String[READ.length];
        try (JsonParser p = JSON.createParser(line, offset, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return new Malformed("expected one JSON object per line");
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
                    p.skipChildren();   // no field of the two log types is nested
                    continue;
                }
                Integer slot = SLOT.get(name);
                if (slot != null) {   // the parser still rejects any field named twice
                    f[slot] = v == JsonToken.VALUE_NULL ? "" : p.getText();
                }
            }
            if (t != JsonToken.END_OBJECT) {
                return new Malformed("the JSON object is not closed");
            }
            if (p.nextToken() != null) {
                return new Malformed("text after the JSON object");
            }
        } catch (IOException e) {
            String m = e.getMessage() == null ? e.toString() : e.getMessage();
            int cut = m.indexOf('\n');
            return new Malformed("not JSON: " + (cut > 0 ? m.substring(0, cut) : m));
        }
        boolean status = any(f, STATUS_MARKERS_FROM, STATUS_MARKERS_TO);
        boolean metrics = any(f, METRICS_MARKERS_FROM, METRICS_MARKERS_TO);
        if (f[CONNECTOR] == null || (!status && !metrics)) {
            return new Unknown(f[USERNAME] != null ? "a user's record, not an App Connector's"
                    : "not an App Connector Status or Metrics record");
        }
        try {
            Instant at = instant(f, LOG_TIMESTAMP, -1);
            String connector = text(f, CONNECTOR);
            if (at == null) {
                return new Malformed("LogTimestamp is missing");
            }
            if (connector == null) {
                return new Malformed("Connector is empty");
            }
            if (status && !metrics) {
                String st = text(f, SESSION_STATUS);
                return new Parsed(new StatusRecord(at, connector, text(f, GROUP), SessionStatus.parse(st), st,
                        integer(f, CPU), integer(f, MEM), text(f, PRIVATE_IP), text(f, PUBLIC_IP), text(f, VERSION),
                        text(f, ZEN), instant(f, AUTH, -1), instant(f, UNAUTH, -1), instant(f, HOST_START, HOST_UP),
                        instant(f, CONNECTOR_START, CONNECTOR_UP), source, lineNumber));
            }
            return new Parsed(new MetricsRecord(at, connector, text(f, GROUP), integer(f, CPU),
                    integer(f, SYSTEM_MEM), integer(f, PROCESS_MEM), number(f, DISK), integer(f, TARGETS),
                    integer(f, ALIVE_TARGETS), integer(f, USED_PORTS), integer(f, AVAILABLE_PORTS),
                    number(f, SYSTEM_MAX_FDS), number(f, SYSTEM_USED_FDS), number(f, PROCESS_MAX_FDS),
                    number(f, PROCESS_USED_FDS), integer(f, TO_PUBLIC_SE), integer(f, TO_PRIVATE_SE), source,
                    lineNumber));
        } catch (IllegalArgumentException e) {
            return new Malformed(e.getMessage());
        }
    }

    private static boolean any(String[] f, int from, int to) {
        for (int i = from; i <= to; i++) {
            if (f[i] != null) {
                return true;
            }
        }
        return false;
    }

    private static String text(String[] f, int slot) {
        String v = f[slot];
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static Long number(String[] f, int slot) {
        String name = READ[slot];
        String v = text(f, slot);
        if (v == null) {
            return null;
        }
        try {
            if (v.indexOf('.') >= 0) {
                double d = Double.parseDouble(v);
                if (d != Math.rint(d) || Double.isInfinite(d)) {
                    throw new IllegalArgumentException(name + " \"" + v + "\" is not a whole number");
                }
                return (long) d;
            }
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " \"" + shorten(v) + "\" is not a number");
        }
    }

    private static Integer integer(String[] f, int slot) {
        String name = READ[slot];
        Long v = number(f, slot);
        if (v == null) {
            return null;
        }
        if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
            throw new IllegalArgumentException(name + " " + v + " is out of range");
        }
        return v.intValue();
    }

    /**
     * ctime or ISO-8601 text, or a number of seconds, milliseconds or microseconds since the epoch: from field
     * {@code slot}, else (when it is absent and {@code older} is not -1) from the older name's field.
     */
    private static Instant instant(String[] f, int slot, int older) {
        int i = slot;
        String v = text(f, i);
        if (v == null && older >= 0) {
            i = older;
            v = text(f, i);
        }
        if (v == null) {
            return null;
        }
        String name = READ[i];
        if (allDigits(v)) {
            if (v.length() > 18) {
                throw new IllegalArgumentException(name + " \"" + shorten(v) + "\" is not a time");
            }
            long n = Long.parseLong(v);
            // seconds until the year 5138, then milliseconds, then microseconds (both spellings are documented)
            return n < 100_000_000_000L ? Instant.ofEpochSecond(n) : n < 100_000_000_000_000L
                    ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n / 1_000_000, (n % 1_000_000) * 1_000);
        }
        Object[] last = LAST_TIME.get();
        int at = 4 * i;
        if (v.equals(last[at])) {
            return (Instant) last[at + 1];
        }
        if (v.equals(last[at + 2])) {
            return (Instant) last[at + 3];
        }
        try {
            Instant t = Character.isDigit(v.charAt(0)) ? Instant.parse(v)
                    : LocalDateTime.parse(SPACES.matcher(v).replaceAll(" "), CTIME).toInstant(ZoneOffset.UTC);
            last[at + 2] = last[at];
            last[at + 3] = last[at + 1];
            last[at] = v;
            last[at + 1] = t;
            return t;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " \"" + shorten(v) + "\" is not a time (expected"
                    + " \"Wed Jul 3 05:17:22 2019\" or ISO-8601)");
        }
    }

    /** As {@code chars().allMatch(Character::isDigit)}, without a stream per time field. */
    private static boolean allDigits(String v) {
        for (int i = 0; i < v.length(); i++) {
            if (!Character.isDigit(v.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static String shorten(String v) {
        return v.length() > 40 ? v.substring(0, 40) + "..." : v;
    }
}
