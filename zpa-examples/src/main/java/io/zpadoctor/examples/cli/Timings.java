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
        LINES.add(String.format("%-22s %7.1f ms%s", phase, (now - last) / 1e6, cores()));
        last = now;
    }

    /** CPU ms per kind of thread since the last mark (Linux only, in 10 ms ticks): who had the cores in a phase. */
    private static final java.util.Map<String, Long> CPU = new java.util.HashMap<>();

    private static String cores() {
        java.io.File[] tasks = new java.io.File("/proc/self/task").listFiles();
        if (tasks == null) {
            return "";
        }
        java.util.Map<String, Long> byKind = new java.util.TreeMap<>();
        for (java.io.File t : tasks) {
            try {
                String stat = java.nio.file.Files.readString(t.toPath().resolve("stat"));
                int close = stat.lastIndexOf(')');
                String name = stat.substring(stat.indexOf('(') + 1, close).replaceAll("[0-9#-]+$", "").trim();
                String[] f = stat.substring(close + 2).split(" ");
                long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                long before = CPU.getOrDefault(t.getName(), 0L);
                CPU.put(t.getName(), ticks);
                if (ticks > before) {
                    byKind.merge(name, (ticks - before) * 10, Long::sum);
                }
            } catch (java.io.IOException | RuntimeException e) {
                // a thread that ended between listing and reading: nothing to count
            }
        }
        StringBuilder sb = new StringBuilder("   cpu:");
        byKind.forEach((k, v) -> sb.append(' ').append(k).append(' ').append(v));
        return sb.toString();
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
