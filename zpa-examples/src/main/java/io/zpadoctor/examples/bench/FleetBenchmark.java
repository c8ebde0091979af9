package io.zpadoctor.examples.bench;

import io.zpadoctor.model.Facts;
import io.zpadoctor.model.Thresholds;
import io.zpadoctor.rules.Diagnoser;
import io.zpadoctor.rules.FleetReport;

import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Times the tenant-wide diagnosis on generated tenants against a plain-Java loop doing the same checks, and
 * checks on the way that both find exactly the injected faults.
 */
public final class FleetBenchmark {
    /** One size's figures. Times in milliseconds, heap in MiB. */
    public record Row(int connectors, int facts, int findings, double droolsMedian, double droolsMin,
                      double engineMedian, double floorMedian, double ratio, double gcMillisPerRun, long peakHeapMb,
                      long maxHeapMb) {
    }

    private FleetBenchmark() {
    }

    public static List<Row> run(int[] sizes, int warmup, long warmupNanos, int runs, long seed, PrintStream log) {
        Diagnoser doctor = Diagnoser.builder().build();
        List<Row> rows = new ArrayList<>();
        for (int size : sizes) {
            SyntheticTenant.Generated g = SyntheticTenant.generate(size, seed);
            Facts facts = Facts.builder().tenant(g.tenant()).evaluatedAt(SyntheticTenant.NOW, "generated").build();
            Set<SyntheticTenant.Expected> expected = new TreeSet<>(g.expected());
            log.printf("  %,d connectors: warming up%n", size);
            long warmStart = System.nanoTime();
            for (int i = 0; i < warmup || System.nanoTime() - warmStart < warmupNanos; i++) {
                check(doctor.diagnoseFleet(facts), expected, size);
                check(PlainJavaChecks.run(g.tenant(), SyntheticTenant.NOW, Thresholds.DEFAULTS), expected, size);
            }
            System.gc();
            resetPeaks();
            long gcBefore = gcMillis();
            List<Double> drools = new ArrayList<>();
            List<Double> engine = new ArrayList<>();
            int findings = 0;
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                FleetReport f = doctor.diagnoseFleet(facts);
                drools.add((System.nanoTime() - t0) / 1e6);
                engine.add(f.diagnosis().engineNanos() / 1e6);
                findings = f.diagnosis().findings().size();
            }
            double gcPerRun = (gcMillis() - gcBefore) / (double) runs;
            long peak = peakHeapMb();
            List<Double> floor = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                PlainJavaChecks.run(g.tenant(), SyntheticTenant.NOW, Thresholds.DEFAULTS);
                floor.add((System.nanoTime() - t0) / 1e6);
            }
            double dm = median(drools);
            double fm = median(floor);
            rows.add(new Row(size, g.tenant().objectCount(), findings, dm, Collections.min(drools), median(engine), fm,
                    dm / fm,
                    gcPerRun, peak, Runtime.getRuntime().maxMemory() >> 20));
        }
        return rows;
    }

    private static void check(FleetReport f, Set<SyntheticTenant.Expected> expected, int size) {
        Set<SyntheticTenant.Expected> found = new TreeSet<>();
        f.diagnosis().findings().forEach(x -> found.add(new SyntheticTenant.Expected(x.code(), x.subject().id())));
        check(found, expected, size);
    }

    private static void check(Set<SyntheticTenant.Expected> found, Set<SyntheticTenant.Expected> expected, int size) {
        if (!new TreeSet<>(found).equals(expected)) {
            throw new IllegalStateException("at " + size + " connectors the findings differ from the injected faults");
        }
    }

    static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
    }

    /** The sum of the heap pools' peaks: an upper bound of the heap in use at any moment. */
    private static long peakHeapMb() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum >> 20;
    }

    private static long gcMillis() {
        long sum = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += Math.max(0, gc.getCollectionTime());
        }
        return sum;
    }

    public static void print(List<Row> rows, PrintStream out) {
        out.println("| connectors | tenant objects | findings | diagnosis ms, median (min) | of which rule engine ms"
                + " | plain-Java floor ms | ratio | GC ms/run | peak heap MiB (limit) |");
        out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Row r : rows) {
            out.printf("| %,d | %,d | %,d | %.1f (%.1f) | %.1f | %.1f | %.1fx | %.0f | %,d (%,d) |%n", r.connectors(),
                    r.facts(), r.findings(), r.droolsMedian(), r.droolsMin(), r.engineMedian(), r.floorMedian(),
                    r.ratio(), r.gcMillisPerRun(), r.peakHeapMb(), r.maxHeapMb());
        }
    }
}
