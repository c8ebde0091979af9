package io.zpadoctor.model.telemetry;

import java.util.List;

/**
 * What one source of Log Streaming Service records held: records read per type, and the lines that did not become
 * facts: another log type's records (unknown), lines that are not a valid App Connector record (malformed), and
 * records naming no connector the API knows (unmatched). A fact: the probe-problem rules report it.
 *
 * @param source the file (bundle-relative or as given) or {@code listener host:port}
 * @param examples the first rejected lines, with line number and reason
 */
public record TelemetryIntake(String source, long statusRecords, long metricsRecords, long unknownLines,
                              long malformedLines, long unmatchedRecords, List<Rejected> examples) {

    /** At most this many rejected lines are kept as examples. */
    public static final int EXAMPLES = 5;

    public TelemetryIntake {
        examples = List.copyOf(examples);
    }

    public long records() {
        return statusRecords + metricsRecords;
    }

    public long rejected() {
        return unknownLines + malformedLines;
    }

    /** A line that did not become a record. */
    public record Rejected(long line, Kind kind, String reason) {
        public enum Kind { UNKNOWN, MALFORMED, UNMATCHED }
    }

    public TelemetryIntake withUnmatched(long n, List<Rejected> more) {
        List<Rejected> all = new java.util.ArrayList<>(examples);
        for (Rejected r : more) {
            if (all.size() < EXAMPLES) {
                all.add(r);
            }
        }
        return new TelemetryIntake(source, statusRecords, metricsRecords, unknownLines, malformedLines, n, all);
    }
}
