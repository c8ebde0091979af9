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
import java.util.Set;

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

    private static final Set<String> STATUS_MARKERS = Set.of("SessionStatus", "SessionType");
    private static final Set<String> METRICS_MARKERS = Set.of("AvailableDiskBytes", "TargetCount", "AliveTargetCount",
            "SystemMemoryUtilization", "ProcessMemoryUtilization", "UsedTCPPortsIPv4", "AvailablePorts",
            "SystemMaximumFileDescriptors", "SystemUsedFileDescriptors", "ProcessMaximumFileDescriptors",
            "ProcessUsedFileDescriptors", "ActiveConnectionsToPublicSE", "ActiveConnectionsToPrivateSE");

    /** The fields read; the templates' others (interface counters, bytes, latitude...) are skipped unread. */
    private static final Set<String> READ = Set.of("LogTimestamp", "Connector", "ConnectorGroup", "SessionStatus",
            "SessionType", "CPUUtilization", "MemUtilization", "PrivateIP", "PublicIP", "Version", "ZEN",
            "TimestampAuthentication", "TimestampUnAuthentication", "HostStartTime", "HostUpTime",
            "ConnectorStartTime", "ConnectorUpTime", "SystemMemoryUtilization", "ProcessMemoryUtilization",
            "AvailableDiskBytes", "TargetCount", "AliveTargetCount", "UsedTCPPortsIPv4", "AvailablePorts",
            "SystemMaximumFileDescriptors", "SystemUsedFileDescriptors", "ProcessMaximumFileDescriptors",
            "ProcessUsedFileDescriptors", "ActiveConnectionsToPublicSE", "ActiveConnectionsToPrivateSE", "Username");

    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    /**
     * The last time text read on this thread and what it was: a feed's records come in bursts that share their
     * LogTimestamp to the second, and a ctime parse costs more than the rest of a record.
     */
    private static final ThreadLocal<Object[]> LAST_TIME = ThreadLocal.withInitial(() -> new Object[2]);

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
        Map<String, String> f = new HashMap<>(64);
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
                if (READ.contains(name)) {   // the parser still rejects any field named twice
                    f.put(name, v == JsonToken.VALUE_NULL ? "" : p.getText());
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
        boolean status = STATUS_MARKERS.stream().anyMatch(f::containsKey);
        boolean metrics = METRICS_MARKERS.stream().anyMatch(f::containsKey);
        if (!f.containsKey("Connector") || (!status && !metrics)) {
            return new Unknown(f.containsKey("Username") ? "a user's record, not an App Connector's"
                    : "not an App Connector Status or Metrics record");
        }
        try {
            Instant at = instant(f, "LogTimestamp");
            String connector = text(f, "Connector");
            if (at == null) {
                return new Malformed("LogTimestamp is missing");
            }
            if (connector == null) {
                return new Malformed("Connector is empty");
            }
            if (status && !metrics) {
                String st = text(f, "SessionStatus");
                return new Parsed(new StatusRecord(at, connector, text(f, "ConnectorGroup"), SessionStatus.parse(st), st,
                        integer(f, "CPUUtilization"), integer(f, "MemUtilization"), text(f, "PrivateIP"),
                        text(f, "PublicIP"), text(f, "Version"), text(f, "ZEN"), instant(f, "TimestampAuthentication"),
                        instant(f, "TimestampUnAuthentication"), instant(f, "HostStartTime", "HostUpTime"),
                        instant(f, "ConnectorStartTime", "ConnectorUpTime"), source, lineNumber));
            }
            return new Parsed(new MetricsRecord(at, connector, text(f, "ConnectorGroup"), integer(f, "CPUUtilization"),
                    integer(f, "SystemMemoryUtilization"), integer(f, "ProcessMemoryUtilization"),
                    number(f, "AvailableDiskBytes"), integer(f, "TargetCount"), integer(f, "AliveTargetCount"),
                    integer(f, "UsedTCPPortsIPv4"), integer(f, "AvailablePorts"), number(f, "SystemMaximumFileDescriptors"),
                    number(f, "SystemUsedFileDescriptors"), number(f, "ProcessMaximumFileDescriptors"),
                    number(f, "ProcessUsedFileDescriptors"), integer(f, "ActiveConnectionsToPublicSE"),
                    integer(f, "ActiveConnectionsToPrivateSE"), source, lineNumber));
        } catch (IllegalArgumentException e) {
            return new Malformed(e.getMessage());
        }
    }

    private static String text(Map<String, String> f, String name) {
        String v = f.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static Long number(Map<String, String> f, String name) {
        String v = text(f, name);
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

    private static Integer integer(Map<String, String> f, String name) {
        Long v = number(f, name);
        if (v == null) {
            return null;
        }
        if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
            throw new IllegalArgumentException(name + " " + v + " is out of range");
        }
        return v.intValue();
    }

    /** ctime or ISO-8601 text, or a number of seconds, milliseconds or microseconds since the epoch. */
    private static Instant instant(Map<String, String> f, String... names) {
        for (String name : names) {
            String v = text(f, name);
            if (v == null) {
                continue;
            }
            if (v.chars().allMatch(Character::isDigit)) {
                if (v.length() > 18) {
                    throw new IllegalArgumentException(name + " \"" + shorten(v) + "\" is not a time");
                }
                long n = Long.parseLong(v);
                // seconds until the year 5138, then milliseconds, then microseconds (both spellings are documented)
                return n < 100_000_000_000L ? Instant.ofEpochSecond(n) : n < 100_000_000_000_000L
                        ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n / 1_000_000, (n % 1_000_000) * 1_000);
            }
            Object[] last = LAST_TIME.get();
            if (v.equals(last[0])) {
                return (Instant) last[1];
            }
            try {
                Instant t = Character.isDigit(v.charAt(0)) ? Instant.parse(v)
                        : LocalDateTime.parse(SPACES.matcher(v).replaceAll(" "), CTIME).toInstant(ZoneOffset.UTC);
                last[0] = v;
                last[1] = t;
                return t;
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(name + " \"" + shorten(v) + "\" is not a time (expected"
                        + " \"Wed Jul 3 05:17:22 2019\" or ISO-8601)");
            }
        }
        return null;
    }

    private static String shorten(String v) {
        return v.length() > 40 ? v.substring(0, 40) + "..." : v;
    }
}
