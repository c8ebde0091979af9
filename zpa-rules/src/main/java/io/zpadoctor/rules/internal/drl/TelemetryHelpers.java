package io.zpadoctor.rules.internal.drl;

import io.zpadoctor.model.EvaluationTime;
import io.zpadoctor.model.finding.Finding;
import io.zpadoctor.model.host.HostInventory;
import io.zpadoctor.model.telemetry.ConnectorTelemetry;
import io.zpadoctor.model.telemetry.TelemetryIntake;
import io.zpadoctor.model.telemetry.WindowStat;

import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** What the telemetry rules print: rounded numbers and how the connector's host files relate to its records. */
public final class TelemetryHelpers {
    private static final double MB = 1024.0 * 1024.0;

    private TelemetryHelpers() {
    }

    /** A percentage as the records give it: whole numbers stay whole, others get one decimal. */
    public static String percent(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    public static long mb(Long bytes) {
        return bytes == null ? 0 : Math.round(bytes / MB);
    }

    public static long mbPerHour(Double bytesPerHour) {
        return bytesPerHour == null ? 0 : Math.round(Math.abs(bytesPerHour) / MB);
    }

    /** Hours rounded to one decimal. */
    public static String hours(double h) {
        return String.format(Locale.ROOT, "%.1f", h);
    }

    /** The window's samples as evidence: {@code 3 of 3 above 80 % (91-97 %)}. */
    public static String samples(WindowStat s, double limit) {
        return s.above() + " of " + s.samples() + " above " + percent(limit) + " % (highest " + percent(s.max())
                + " %, latest " + percent(s.last()) + " %)";
    }

    /**
     * When the connector's host folder holding {@code probe} was collected (the bundle's {@code collectedAt}, which
     * the diagnosis is evaluated at), or null when no host folder of this connector holds it or when that time is
     * not known (evaluated by the clock): then no order between the two sources is claimed.
     */
    public static String hostAt(Collection<?> inventories, String probe, EvaluationTime time) {
        if (!time.basis().contains("collectedAt")) {
            return null;
        }
        for (Object o : inventories) {
            if (((HostInventory) o).has(probe)) {
                return time.instant().toString();
            }
        }
        return null;
    }

    /** "yes" when the host files are newer than the connector's latest record. */
    public static String hostNewer(Instant evaluatedAt, ConnectorTelemetry t) {
        return evaluatedAt.isAfter(t.lastSeen()) ? "yes" : null;
    }

    /**
     * Which records an evidence field is read from, as its prefix: {@code ConnectorGroup <group>: } when the series
     * has a group, so two connectors of one name in two groups never seem to cite one field with two values.
     */
    public static String series(ConnectorTelemetry t) {
        return t.group() == null || t.group().isBlank() ? "" : "ConnectorGroup " + t.group() + ": ";
    }

    /** The host findings on the same measure, by code and title, or null when there are none. */
    public static String codes(Collection<?> findings) {
        String s = findings.stream().map(o -> ((Finding) o).code()).filter(Objects::nonNull)
                .collect(Collectors.toCollection(TreeSet::new)).stream().collect(Collectors.joining(", "));
        return s.isEmpty() ? null : s;
    }

    /** The first rejected lines of a source, as "line 12: reason; ...". */
    public static String examples(TelemetryIntake i) {
        String s = i.examples().stream()
                .map(r -> (r.line() > 0 ? "line " + r.line() + ": " : "") + r.reason())
                .collect(Collectors.joining("; "));
        return s.isEmpty() ? "none kept" : s;
    }

    /** The first rejected line's number, or null when no example has one (unmatched connectors only). */
    public static Long firstLine(TelemetryIntake i) {
        return i.examples().stream().filter(r -> r.line() > 0).map(TelemetryIntake.Rejected::line).findFirst()
                .orElse(null);
    }

    /** Whether a source is a file (the listener's is {@code listener host:port}). */
    public static boolean isListener(TelemetryIntake i) {
        return i.source().startsWith("listener ");
    }

    /** The listener's port, from {@code listener host:port}. */
    public static String port(TelemetryIntake i) {
        return isListener(i) ? i.source().substring(i.source().lastIndexOf(':') + 1) : null;
    }
}
