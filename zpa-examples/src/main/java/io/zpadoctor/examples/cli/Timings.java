package io.zpadoctor.examples.cli;

import java.util.ArrayList;
import java.util.List;

/** Phase times on standard error when ZPA_DOCTOR_TIMINGS is set: for measuring the cold start. */
final class Timings {
    private static final boolean ON = System.getenv("ZPA_DOCTOR_TIMINGS") != null;
    private static final List<String> LINES = new ArrayList<>();
    private static long last = System.nanoTime();

    private Timings() {
    }

    static void note(String line) {
        if (ON) {
            LINES.add(line);
        }
    }

    static void mark(String phase) {
        if (!ON) {
            return;
        }
        long now = System.nanoTime();
        LINES.add(String.format("%-22s %7.1f ms", phase, (now - last) / 1e6));
        last = now;
    }

    static void print() {
        if (!ON) {
            return;
        }
        LINES.add(String.format("%-22s %7.1f ms", "JVM uptime at exit",
                (double) java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime()));
        LINES.forEach(System.err::println);
    }
}
