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
 *
 * <p>Each is timed two ways, in rounds that alternate the two so a machine slowing down for a while slows both.
 * Hot: runs back to back, so the loop's small working set stays in the CPU caches between runs while the
 * diagnosis, which allocates tens of megabytes, never fits. Cold: the caches are flushed before every run of
 * either, as they are when a command diagnoses a tenant once. Both are reported.
 */
public final class FleetBenchmark {
    /** One size's figures. Times in milliseconds, heap in MiB. */
    public record Row(int connectors, int facts, int findings, double droolsMedian, double droolsMin,
                      double engineMedian, double floorMedian, double ratio, double oneCoreMedian,
                      double oneCoreRatio, double coldDroolsMedian, double coldFloorMedian, double coldRatio,
                      double gcMillisPerRun, long peakHeapMb, long maxHeapMb) {
    }

    /**
     * Larger than the last-level cache of any current server CPU, so touching it evicts everything else; outside
     * the heap, so it does not count in the heap figures. Made on first use; null when the JVM has no room.
     */
    private static java.nio.ByteBuffer evict;
    private static boolean evictTried;
    private static long evictSink;

    /**
     * Writes one word per cache line of the 128 MiB buffer, pushing the tenant and its indexes out of the caches.
     * False when the buffer cannot be had (a JVM with less than 128 MiB of direct memory): no cold figures then.
     */
    static boolean evictCaches() {
        if (!evictTried) {
            evictTried = true;
            try {
                evict = java.nio.ByteBuffer.allocateDirect(128 << 20);
            } catch (OutOfMemoryError e) {
                evict = null;
            }
        }
        java.nio.ByteBuffer b = evict;
        if (b == null) {
            return false;
        }
        for (int i = 0; i < b.capacity(); i += 64) {
            b.putLong(i, b.getLong(i) + 1);
        }
        evictSink += b.getLong(0);
        return true;
    }

    /** Timed back-to-back runs of each per round. */
    static final int PER_ROUND = 3;

    private FleetBenchmark() {
    }

    /** Connectors of the tenant the prelude diagnoses, and how many rounds it runs. */
    static final int PRELUDE_CONNECTORS = 1_000;
    static final int PRELUDE_ROUNDS = 1_500;

    /**
     * Diagnoses a small tenant many times before any size is timed. Indexing the tenant and making its relations
     * run once per diagnosis, so a large tenant's warm-up alone calls them a few hundred times: too few for the JIT's
     * last tier, which left a 10k-only run timing half-optimised code (about 1.5x slower than after a 1k run). A
     * long-running embedder's diagnoses reach that tier; the prelude gets the benchmark there in a few seconds.
     */
    private static void prelude(Diagnoser doctor, Diagnoser oneCore, long seed, PrintStream log) {
        SyntheticTenant.Generated g = SyntheticTenant.generate(PRELUDE_CONNECTORS, seed);
        Facts facts = Facts.builder().tenant(g.tenant()).evaluatedAt(SyntheticTenant.NOW, "generated").build();
        log.printf("  compiling: %,d rounds on a %,d-connector tenant%n", PRELUDE_ROUNDS, PRELUDE_CONNECTORS);
        for (int i = 0; i < PRELUDE_ROUNDS; i++) {
            doctor.diagnoseFleet(facts);
            oneCore.diagnoseFleet(facts);
            PlainJavaChecks.run(g.tenant(), SyntheticTenant.NOW, Thresholds.DEFAULTS);
        }
    }

    public static List<Row> run(int[] sizes, int warmup, long warmupNanos, int runs, long seed, PrintStream log) {
        Diagnoser doctor = Diagnoser.builder().build();
        // the same rules with every step on the calling thread: what the second core is worth
        Diagnoser oneCore = Diagnoser.builder().partitioning(20_000, 5_000, false).build();
        prelude(doctor, oneCore, seed, log);
        List<Row> rows = new ArrayList<>();
        for (int size : sizes) {
            SyntheticTenant.Generated g = SyntheticTenant.generate(size, seed);
            Facts facts = Facts.builder().tenant(g.tenant()).evaluatedAt(SyntheticTenant.NOW, "generated").build();
            Set<SyntheticTenant.Expected> expected = new TreeSet<>(g.expected());
            log.printf("  %,d connectors: warming up%n", size);
            long warmStart = System.nanoTime();
            for (int i = 0; i < warmup || System.nanoTime() - warmStart < warmupNanos; i++) {
                check(doctor.diagnoseFleet(facts), expected, size);
                check(oneCore.diagnoseFleet(facts), expected, size);
                check(PlainJavaChecks.run(g.tenant(), SyntheticTenant.NOW, Thresholds.DEFAULTS), expected, size);
            }
            System.gc();
            resetPeaks();
            long gcBefore = gcMillis();
            List<Double> drools = new ArrayList<>();
            List<Double> engine = new ArrayList<>();
            List<Double> floor = new ArrayList<>();
            List<Double> single = new ArrayList<>();
            int findings = 0;
            int diagnoses = 0;
            // rounds alternate the two, so a machine that slows down for a while slows both alike; inside a
            // round each runs back to back, its first run untimed so the next ones find what it left cached
            for (int round = 0; round < runs; round++) {
                doctor.diagnoseFleet(facts);
                diagnoses++;
                for (int i = 0; i < PER_ROUND; i++) {
                    long t0 = System.nanoTime();
                    FleetReport f = doctor.diagnoseFleet(facts);
                    drools.add((System.nanoTime() - t0) / 1e6);
                    engine.add(f.diagnosis().engineNanos() / 1e6);
                    findings = f.diagnosis().findings().size();
                    diagnoses++;
                }
                PlainJavaChecks.run(g.tenant(), SyntheticTenant.NOW, Thresholds.DEFAULTS);
                for (int i = 0; i < PER_ROUND; i++) {
                    long t0 = System.nanoTime();
                    PlainJavaChecks.run(g.tenant(), SyntheticTenant.NOW, Thresholds.DEFAULTS);
                    floor.add((System.nanoTime() - t0) / 1e6);
                }
                oneCore.diagnoseFleet(facts);
                diagnoses++;
                for (int i = 0; i < PER_ROUND; i++) {
                    long t0 = System.nanoTime();
                    oneCore.diagnoseFleet(facts);
                    single.add((System.nanoTime() - t0) / 1e6);
                    diagnoses++;
                }
            }
            double gcPerRun = (gcMillis() - gcBefore) / (double) diagnoses;
            long peak = peakHeapMb();
            List<Double> coldDrools = new ArrayList<>();
            List<Double> coldFloor = new ArrayList<>();
            for (int i = 0; i < runs && evictCaches(); i++) {
                long t0 = System.nanoTime();
                doctor.diagnoseFleet(facts);
                coldDrools.add((System.nanoTime() - t0) / 1e6);
                evictCaches();
                t0 = System.nanoTime();
                PlainJavaChecks.run(g.tenant(), SyntheticTenant.NOW, Thresholds.DEFAULTS);
                coldFloor.add((System.nanoTime() - t0) / 1e6);
            }
            double dm = median(drools);
            double fm = median(floor);
            double cdm = median(coldDrools);
            double cfm = median(coldFloor);
            double sm = median(single);
            rows.add(new Row(size, g.tenant().objectCount(), findings, dm, Collections.min(drools), median(engine), fm,
                    dm / fm, sm, sm / fm, cdm, cfm, cdm / cfm, gcPerRun, peak, Runtime.getRuntime().maxMemory() >> 20));
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
        if (n == 0) {
            return Double.NaN;
        }
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

    /** A cold figure, or "n/a" when the caches could not be flushed. */
    private static String cold(double v, String unit) {
        return Double.isNaN(v) ? "n/a" : String.format("%.1f%s", v, unit);
    }

    public static void print(List<Row> rows, PrintStream out) {
        out.println("| connectors | tenant objects | findings | diagnosis ms, median (min) | of which rule engine ms"
                + " | plain-Java floor ms | ratio | one core: diagnosis ms | one core: ratio | cold: diagnosis ms"
                + " | cold: floor ms | cold: ratio | GC ms/run | peak heap MiB (limit) |");
        out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Row r : rows) {
            out.printf("| %,d | %,d | %,d | %.1f (%.1f) | %.1f | %.1f | %.1fx | %.1f | %.1fx | %s | %s | %s | %.0f"
                            + " | %,d (%,d) |%n",
                    r.connectors(), r.facts(), r.findings(), r.droolsMedian(), r.droolsMin(), r.engineMedian(),
                    r.floorMedian(), r.ratio(), r.oneCoreMedian(), r.oneCoreRatio(), cold(r.coldDroolsMedian(), ""),
                    cold(r.coldFloorMedian(), ""), cold(r.coldRatio(), "x"), r.gcMillisPerRun(), r.peakHeapMb(),
                    r.maxHeapMb());
        }
        out.println();
        out.println("Hot: back-to-back runs; the floor's small working set stays in the CPU caches between its runs."
                + " Cold: caches flushed before every run of either, as when a command diagnoses a tenant once."
                + " The diagnosis prepares the tenant on a second core while its session fills; 'one core' runs"
                + " every step on the calling thread, as the single-threaded floor does.");
    }
}
