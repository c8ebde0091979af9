package io.zpadoctor.client.lss;

import io.zpadoctor.model.telemetry.MetricsRecord;
import io.zpadoctor.model.telemetry.TelemetryIntake;
import io.zpadoctor.model.telemetry.TelemetryRecord;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Reads a Log Streaming Service feed, one JSON record per line, plain or gzip (told apart by the first bytes, not
 * the name), and hands each App Connector record to a consumer as it is read: hours of records never sit in memory.
 * Unknown and malformed lines are counted, the first few kept with their line numbers; none becomes a fact. A line
 * longer than {@link #MAX_LINE} bytes is malformed and skipped to its end.
 */
public final class LssReader {
    /** Longer than any record of the two log types (about 1-2 KB), short enough to hold. */
    public static final int MAX_LINE = 64 * 1024;

    private LssReader() {
    }

    /** Reads a file; {@code name} is how reports name it (bundle-relative, or as the user gave it). */
    public static TelemetryIntake read(Path file, String name, Consumer<? super TelemetryRecord> sink) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, name, sink);
        }
    }

    /** Reads a stream to its end (a file, or one connection of a live feed). */
    public static TelemetryIntake read(InputStream raw, String name, Consumer<? super TelemetryRecord> sink)
            throws IOException {
        Counter c = new Counter(name);
        read(raw, c, sink);
        return c.intake();
    }

    /** Reads a stream to its end, counting into {@code c} as it goes (a live feed's connections share one). */
    static void read(InputStream raw, Counter c, Consumer<? super TelemetryRecord> sink) throws IOException {
        read(raw, c, sink, () -> false);
    }

    /**
     * The same; when {@code cutOff} says, at the end, that the reader stopped the stream (a receiver closing), a last
     * line without its line break was cut off by that stop: it is not the sender's, so it is neither a record nor a
     * malformed line.
     */
    static void read(InputStream raw, Counter c, Consumer<? super TelemetryRecord> sink,
                     java.util.function.BooleanSupplier cutOff) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        InputStream src = b1 == 0x1f && b2 == 0x8b ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16) : in;
        byte[] line = new byte[4096];
        int len = 0;    // bytes of a line begun in an earlier chunk, kept in line
        boolean tooLong = false;
        long number = 0;
        byte[] chunk = new byte[1 << 16];
        int n;
        while ((n = src.read(chunk)) > 0) {
            int from = 0;
            while (from < n) {
                int nl = from;
                while (nl < n && chunk[nl] != '\n') {
                    nl++;
                }
                int part = nl - from;
                if (nl < n && len == 0 && !tooLong && part <= MAX_LINE) {
                    // the whole line is in this chunk: parsed where it lies, not copied
                    c.line(chunk, from, part, false, ++number, sink);
                } else {
                    if (!tooLong) {
                        int room = MAX_LINE - len;
                        int keep = Math.min(part, room);
                        if (len + keep > line.length) {
                            line = Arrays.copyOf(line, Math.min(MAX_LINE, Math.max(len + keep, line.length * 2)));
                        }
                        System.arraycopy(chunk, from, line, len, keep);
                        len += keep;
                        tooLong = part > room;
                    }
                    if (nl < n) {
                        c.line(line, 0, len, tooLong, ++number, sink);
                        len = 0;
                        tooLong = false;
                    }
                }
                from = nl + 1;
            }
        }
        if ((len > 0 || tooLong) && !cutOff.getAsBoolean()) {
            number++;
            c.line(line, 0, len, tooLong, number, sink);
        }
    }

    /** Counts what the lines were; connections of one listener share it, so its counts are guarded. */
    static final class Counter {
        private final String source;
        private long status;
        private long metrics;
        private long unknown;
        private long malformed;
        private final List<TelemetryIntake.Rejected> examples = new ArrayList<>();

        Counter(String source) {
            this.source = source;
        }

        void line(byte[] b, int off, int length, boolean tooLong, long number,
                  Consumer<? super TelemetryRecord> sink) {
            int len = off + length;
            if (len > off && b[len - 1] == '\r') {
                len--;
            }
            int start = off;
            while (start < len && (b[start] == ' ' || b[start] == '\t')) {
                start++;
            }
            if (start == len && !tooLong) {
                return; // blank lines separate nothing and mean nothing
            }
            if (tooLong) {
                reject(number, TelemetryIntake.Rejected.Kind.MALFORMED, "longer than " + MAX_LINE + " bytes");
                return;
            }
            LssRecordParser.Result r = LssRecordParser.parse(b, start, len - start, source, number);
            if (r instanceof LssRecordParser.Parsed p) {
                synchronized (this) {
                    if (p.record() instanceof MetricsRecord) {
                        metrics++;
                    } else {
                        status++;
                    }
                }
                sink.accept(p.record());
            } else if (r instanceof LssRecordParser.Unknown u) {
                reject(number, TelemetryIntake.Rejected.Kind.UNKNOWN, u.reason());
            } else if (r instanceof LssRecordParser.Malformed m) {
                reject(number, TelemetryIntake.Rejected.Kind.MALFORMED, m.reason());
            }
        }

        private synchronized void reject(long number, TelemetryIntake.Rejected.Kind kind, String reason) {
            if (kind == TelemetryIntake.Rejected.Kind.UNKNOWN) {
                unknown++;
            } else {
                malformed++;
            }
            if (examples.size() < TelemetryIntake.EXAMPLES) {
                examples.add(new TelemetryIntake.Rejected(number, kind, reason));
            }
        }

        synchronized TelemetryIntake intake() {
            return new TelemetryIntake(source, status, metrics, unknown, malformed, 0, examples);
        }
    }
}
