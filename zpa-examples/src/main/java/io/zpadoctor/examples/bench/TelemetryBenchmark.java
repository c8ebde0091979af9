package io.zpadoctor.examples.bench;

import io.zpadoctor.client.lss.LssReader;
import io.zpadoctor.model.Facts;
import io.zpadoctor.model.telemetry.TelemetryFeed;
import io.zpadoctor.model.telemetry.TelemetryIntake;
import io.zpadoctor.rules.Diagnoser;
import io.zpadoctor.rules.FleetReport;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Log Streaming Service ingestion at fleet scale: a generated tenant's records for hours, round by round (every
 * connector's Metrics and Status record of one 5-minute report), read by the real reader into the per-connector
 * windows. Only the reading is timed (the generator writes each round to memory first); the heap is measured after
 * a full collection every simulated half hour, so a leak in the windows shows as a rising column.
 */
public final class TelemetryBenchmark {
    /** What one run measured. */
    public record Result(int connectors, int reporting, Duration simulated, long records, long rejected,
                         double seconds, double cpuSeconds, double lastHourPerSecond, List<Long> heapMb,
                         long diagnosisMs, long withoutMs, int findings, long telemetryFindings) {
        public double recordsPerSecond() {
            return records / seconds;
        }

        /** Records per second of the reading thread's own CPU time: what other processes on the machine take aside. */
        public double recordsPerCpuSecond() {
            return records / cpuSeconds;
        }
    }

    private TelemetryBenchmark() {
    }

    public static Result run(int connectors, Duration length, long seed, PrintStream log) {
        SyntheticTenant.Generated g = SyntheticTenant.generate(connectors, seed);
        Instant start = SyntheticTenant.NOW.minus(length);
        SyntheticTelemetry tel = SyntheticTelemetry.of(g.tenant(), start, length, seed);
        int perRound = 2 * tel.reportingConnectors();
        log.printf(Locale.ROOT, "  %,d connectors (%,d reporting): %s of records, %,d a round%n",
                g.tenant().connectors().size(), tel.reportingConnectors(), length, perRound);
        TelemetryFeed feed = TelemetryFeed.empty();
        List<Long> heap = new ArrayList<>();
        heap.add(usedAfterGc());
        ByteArrayOutputStream round = new ByteArrayOutputStream(perRound * 700);
        int[] inRound = {0};
        long[] nanos = {0};
        long[] cpu = {0};
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        int lastHourFrom = (int) (length.minusHours(1).toMinutes() / SyntheticTelemetry.CADENCE.toMinutes());
        long[] lastHour = {0, 0};
        long[] records = {0};
        long[] rejected = {0};
        int[] rounds = {0};
        int roundsPerHalfHour = (int) (Duration.ofMinutes(30).toMinutes() / SyntheticTelemetry.CADENCE.toMinutes());
        tel.write(line -> {
            byte[] b = line.getBytes(StandardCharsets.UTF_8);
            round.write(b, 0, b.length);
            round.write('\n');
            if (++inRound[0] < perRound) {
                return;
            }
            long t0 = System.nanoTime();
            long c0 = threads.getCurrentThreadCpuTime();
            TelemetryIntake i;
            try {
                i = LssReader.read(new ByteArrayInputStream(round.toByteArray()), "bench", feed);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            long took = System.nanoTime() - t0;
            nanos[0] += took;
            cpu[0] += threads.getCurrentThreadCpuTime() - c0;
            records[0] += i.records();
            if (rounds[0] >= lastHourFrom) {
                lastHour[0] += i.records();
                lastHour[1] += took;
            }
            rejected[0] += i.rejected();
            round.reset();
            inRound[0] = 0;
            if (++rounds[0] % roundsPerHalfHour == 0) {
                heap.add(usedAfterGc());
                log.printf(Locale.ROOT, "  %s simulated: %,d records, %,.0f records/s so far, heap %,d MiB%n",
                        Duration.ofMinutes(30L * heap.size() - 30), records[0], records[0] / (nanos[0] / 1e9),
                        heap.get(heap.size() - 1));
            }
        });
        Diagnoser doctor = Diagnoser.builder().build();
        Facts without = Facts.builder().tenant(g.tenant()).evaluatedAt(SyntheticTenant.NOW, "generated").build();
        Facts with = without.toBuilder().telemetry(feed).build();
        doctor.diagnoseFleet(with);     // once each untimed, so neither pays for loading the rules
        doctor.diagnoseFleet(without);
        long d0 = System.nanoTime();
        FleetReport fleet = doctor.diagnoseFleet(with);
        long diagnosisMs = (System.nanoTime() - d0) / 1_000_000;
        long w0 = System.nanoTime();
        doctor.diagnoseFleet(without);
        long withoutMs = (System.nanoTime() - w0) / 1_000_000;
        long telemetryFindings = fleet.diagnosis().findings().stream()
                .filter(f -> f.evidence().stream().anyMatch(e -> "bench".equals(e.source()))).count();
        return new Result(g.tenant().connectors().size(), tel.reportingConnectors(), length, records[0], rejected[0],
                nanos[0] / 1e9, cpu[0] / 1e9, lastHour[0] / (lastHour[1] / 1e9), heap, diagnosisMs, withoutMs, fleet.diagnosis().findings().size(), telemetryFindings);
    }

    private static long usedAfterGc() {
        Runtime r = Runtime.getRuntime();
        for (int i = 0; i < 2; i++) {
            System.gc();
        }
        return (r.totalMemory() - r.freeMemory()) >> 20;
    }

    public static void print(Result r, PrintStream out) {
        out.println("| connectors (reporting) | simulated | records | rejected | ingest s | records/s, all"
                + " | records/s, last hour | records/s of CPU | heap after GC, MiB, every 30 min"
                + " | fleet diagnosis ms, with (without) telemetry | findings (from LSS) |");
        out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|");
        out.printf(Locale.ROOT, "| %,d (%,d) | %d h | %,d | %,d | %.2f | %,.0f | %,.0f | %,.0f | %s | %,d (%,d) | %,d (%,d) |%n",
                r.connectors(), r.reporting(), r.simulated().toHours(), r.records(), r.rejected(), r.seconds(),
                r.recordsPerSecond(), r.lastHourPerSecond(), r.recordsPerCpuSecond(),
                r.heapMb().toString().replaceAll("[\\[\\]]", ""), r.diagnosisMs(), r.withoutMs(), r.findings(),
                r.telemetryFindings());
        out.printf(Locale.ROOT, "Heap limit %,d MiB; Java %s; %d processors; load average %.1f.%n",
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
