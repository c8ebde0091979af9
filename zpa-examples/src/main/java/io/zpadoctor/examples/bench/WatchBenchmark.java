package io.zpadoctor.examples.bench;

import io.zpadoctor.client.lss.LssListener;
import io.zpadoctor.examples.watch.WatchLoop;
import io.zpadoctor.model.Facts;
import io.zpadoctor.report.FindingChange;
import io.zpadoctor.report.FleetWatch;
import io.zpadoctor.rules.Diagnoser;
import io.zpadoctor.rules.FleetReport;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The watch under load: a generated tenant, its LSS records for some hours written to a file, then streamed at full
 * speed over loopback TCP into the watch's receiver while the loop re-diagnoses the tenant at most every 250 ms.
 * Prints records per second, heap after each simulated hour, the slowest diagnosis, and the time from a record to the
 * events of the diagnosis that took it in being out, at full speed and at a steady pace; then the same records from a
 * fresh watch over four connections at once (split by connector, so each connector's records keep their order).
 * Run it with the heap it must fit in:
 * {@code java -Xmx512m -cp ... io.zpadoctor.examples.bench.WatchBenchmark 10000 4}.
 */
public final class WatchBenchmark {
    private WatchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int connectors = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int hours = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        // optional: diagnose in shards of this many connectors (whole groups) on all cores, as the Diagnoser can
        int shard = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        Diagnoser doctor = shard <= 0 ? Diagnoser.builder().build()
                : Diagnoser.builder().partitioning(shard, shard, true).build();
        System.out.println(String.join("\n", run(connectors, hours, doctor)));
    }

    public static List<String> run(int connectors, int hours) throws Exception {
        return run(connectors, hours, Diagnoser.builder().build());
    }

    public static List<String> run(int connectors, int hours, Diagnoser doctor) throws Exception {
        List<String> out = new ArrayList<>();
        SyntheticTenant.Generated g = SyntheticTenant.generate(connectors, 18);
        Instant start = SyntheticTenant.NOW.minus(Duration.ofHours(hours));
        SyntheticTelemetry telemetry = SyntheticTelemetry.of(g.tenant(), start, Duration.ofHours(hours), 18);
        Path file = Files.createTempFile("watch-bench", ".jsonl");
        // the same records split by connector over CONNECTIONS streams: each connector's records stay in order
        Path[] parts = new Path[CONNECTIONS];
        BufferedWriter[] pw = new BufferedWriter[CONNECTIONS];
        long[] lines = new long[1];
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            for (int i = 0; i < CONNECTIONS; i++) {
                parts[i] = Files.createTempFile("watch-bench-" + i, ".jsonl");
                pw[i] = Files.newBufferedWriter(parts[i]);
            }
            telemetry.write(l -> {
                try {
                    w.write(l);
                    w.write('\n');
                    int at = l.indexOf("\"Connector\": \"") + 14;
                    BufferedWriter p = pw[Math.floorMod(l.substring(at, l.indexOf('"', at)).hashCode(), CONNECTIONS)];
                    p.write(l);
                    p.write('\n');
                    lines[0]++;
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } finally {
            for (BufferedWriter p : pw) {
                if (p != null) {
                    p.close();
                }
            }
        }
        long perHour = lines[0] / hours;
        out.add(String.format("tenant: %,d connectors (%,d reporting); records: %,d over %d h (%,d per simulated hour),"
                + " %,d MB of JSON lines", g.tenant().connectors().size(), telemetry.reportingConnectors(), lines[0],
                hours, perHour, Files.size(file) >> 20));

        Facts tenant = Facts.builder().tenant(g.tenant()).evaluatedAt(SyntheticTenant.NOW, "bench").build();
        AtomicLong events = new AtomicLong();
        WatchLoop loop = loop(doctor, tenant, events);
        List<String> heap = new ArrayList<>();
        long t0;
        long t1;
        try (LssListener listener = LssListener.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                null, loop.records())) {
            t0 = System.nanoTime();
            Thread sender = new Thread(() -> send(file, listener.port()), "bench-sender");
            sender.start();
            for (int h = 1; h < hours; h++) {
                awaitTaken(loop, listener, perHour * h);
                heap.add(usedAfterGc());
            }
            sender.join();
            // the generator's disk-trend fault goes below zero after 2.7 h: those few lines are refused as malformed
            long records = lines[0] - listener.intake().rejected();
            awaitTaken(loop, listener, records);
            t1 = System.nanoTime();
            heap.add(usedAfterGc());
            long burstLatency = loop.takeMaxRecordToEventNanos();
            long slowest = loop.takeMaxDiagnosisNanos();
            long slowestCpu = loop.takeMaxDiagnosisCpuNanos();
            long diagnoses = loop.diagnoses();
            double seconds = (t1 - t0) / 1e9;
            out.add(String.format("ingest, 1 connection: %,d records in %.1f s = %,.0f records/s over loopback TCP"
                    + " (parse, windows, %d diagnoses of the whole tenant on the way; slowest %d ms, %d ms CPU of the"
                    + " loop's thread); %d lines refused", records, seconds, records / seconds, diagnoses,
                    slowest / 1_000_000, slowestCpu / 1_000_000,
                    listener.intake().rejected()));
            out.add("heap used after GC at the end of each simulated hour (MB): " + String.join(", ", heap)
                    + "; max heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MB");
            out.add(String.format("record to event at full speed, 1 connection: %d ms",
                    burstLatency / 1_000_000));
            // a steady pace well above a real tenant's (10,000 connectors send about 70 records a second)
            List<String> paced = new ArrayList<>();
            SyntheticTelemetry.of(g.tenant(), SyntheticTenant.NOW, Duration.ofHours(3), 19).write(l -> {
                if (paced.size() < 20_000) {
                    paced.add(l);
                }
            });
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), listener.port());
                 OutputStream o = s.getOutputStream()) {
                long p0 = System.nanoTime();
                for (int i = 0; i < paced.size(); i++) {
                    o.write((paced.get(i) + "\n").getBytes(StandardCharsets.UTF_8));
                    if (i % 100 == 99) {
                        o.flush();
                        long due = p0 + (i + 1) * 500_000L;      // 2,000 records a second
                        // parked, not spinning: a spinning sender would take one of the two cores the watch measures on
                        for (long left; (left = due - System.nanoTime()) > 0; ) {
                            java.util.concurrent.locks.LockSupport.parkNanos(left);
                        }
                    }
                }
            }
            long want = records + paced.size();
            while (loop.recordsTaken() < want) {
                Thread.sleep(5);
            }
            Thread.sleep(600);
            out.add(String.format("record to event at 2,000 records/s: %d ms (slowest diagnosis %d ms, %d ms CPU)",
                    loop.takeMaxRecordToEventNanos() / 1_000_000, loop.takeMaxDiagnosisNanos() / 1_000_000,
                    loop.takeMaxDiagnosisCpuNanos() / 1_000_000));
            loop.close();
            out.add("events after the baseline: " + events.get());

            // the target's own rate: a fresh watch fed the same records at a steady 50,000 a second on one connection
            AtomicLong events3 = new AtomicLong();
            WatchLoop loop3 = loop(doctor, tenant, events3);
            try (LssListener l3 = LssListener.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                    null, loop3.records())) {
                long sent = sendPaced(file, l3.port(), PACED_RATE, PACED_SECONDS);
                long upTo = Math.min(sent, records);
                awaitTaken(loop3, l3, upTo - l3.intake().rejected());
                Thread.sleep(600);
                out.add(String.format("record to event at %,d records/s, 1 connection, %d s: %d ms (%,d records;"
                        + " %d diagnoses, slowest %d ms, %d ms CPU)", PACED_RATE, PACED_SECONDS,
                        loop3.takeMaxRecordToEventNanos() / 1_000_000, sent, loop3.diagnoses(),
                        loop3.takeMaxDiagnosisNanos() / 1_000_000, loop3.takeMaxDiagnosisCpuNanos() / 1_000_000));
            } finally {
                loop3.close();
            }

            // the same records again, from a fresh watch, over several connections at once
            AtomicLong events2 = new AtomicLong();
            WatchLoop loop2 = loop(doctor, tenant, events2);
            try (LssListener l2 = LssListener.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                    null, loop2.records())) {
                long s0 = System.nanoTime();
                List<Thread> senders = new ArrayList<>();
                for (Path part : parts) {
                    Thread t = new Thread(() -> send(part, l2.port()), "bench-sender-" + senders.size());
                    senders.add(t);
                    t.start();
                }
                for (Thread t : senders) {
                    t.join();
                }
                awaitTaken(loop2, l2, records);
                double secs = (System.nanoTime() - s0) / 1e9;
                out.add(String.format("ingest, %d connections (records split by connector): %,d records in %.1f s ="
                        + " %,.0f records/s; %d diagnoses, slowest %d ms (%d ms CPU); record to event %d ms; events %d",
                        CONNECTIONS, records, secs, records / secs, loop2.diagnoses(),
                        loop2.takeMaxDiagnosisNanos() / 1_000_000, loop2.takeMaxDiagnosisCpuNanos() / 1_000_000,
                        loop2.takeMaxRecordToEventNanos() / 1_000_000, events2.get()));
            } finally {
                loop2.close();
            }
        } finally {
            loop.close();
            Files.deleteIfExists(file);
            for (Path p : parts) {
                Files.deleteIfExists(p);
            }
        }
        return out;
    }

    /** The paced run: the ingest rate the target states, for long enough to reach a steady state. */
    private static final int PACED_RATE = 50_000;
    private static final int PACED_SECONDS = 12;

    /**
     * Sends the first {@code rate * seconds} lines of {@code file} at {@code rate} lines a second, flushed every 10 ms;
     * the number sent. Parked between bursts, never spinning: a spinning sender would take a core the watch needs.
     */
    private static long sendPaced(Path file, int port, int rate, int seconds) {
        long limit = (long) rate * seconds;
        int burst = Math.max(1, rate / 100);
        long sent = 0;
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
             OutputStream o = new BufferedOutputStream(s.getOutputStream(), 1 << 16);
             java.io.BufferedReader in = Files.newBufferedReader(file)) {
            long p0 = System.nanoTime();
            for (String l; sent < limit && (l = in.readLine()) != null; ) {
                o.write(l.getBytes(StandardCharsets.UTF_8));
                o.write('\n');
                if (++sent % burst == 0) {
                    o.flush();
                    long due = p0 + sent * 1_000_000_000L / rate;
                    for (long left; (left = due - System.nanoTime()) > 0; ) {
                        java.util.concurrent.locks.LockSupport.parkNanos(left);
                    }
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return sent;
    }

    /** Connections of the several-connection run. */
    private static final int CONNECTIONS = 4;

    /** A watch of {@code tenant} counting its events, started and past its baseline. */
    private static WatchLoop loop(Diagnoser doctor, Facts tenant, AtomicLong events) throws InterruptedException {
        WatchLoop loop = new WatchLoop(new FleetWatch(doctor), new WatchLoop.Sink() {
            @Override
            public void baseline(FleetReport report, String snapshotJson) {
            }

            @Override
            public void change(FindingChange change, String json) {
                events.incrementAndGet();
            }
        }, null, Duration.ofMillis(250), true, m -> System.err.println("watch: " + m));
        loop.tenant(tenant);
        loop.start();
        while (loop.diagnoses() == 0) {
            Thread.sleep(10);
        }
        return loop;
    }

    /** Waits until the loop took {@code n} records; fails saying what the receiver counted when it stalls. */
    private static void awaitTaken(WatchLoop loop, LssListener listener, long n) throws InterruptedException {
        long last = -1;
        long stalledSince = System.nanoTime();
        while (loop.recordsTaken() < n) {
            long now = loop.recordsTaken();
            if (now != last) {
                last = now;
                stalledSince = System.nanoTime();
            } else if (System.nanoTime() - stalledSince > 30_000_000_000L) {
                Thread.getAllStackTraces().forEach((t, st) -> {
                    if (t.getName().startsWith("watch") || t.getName().startsWith("lss")) {
                        System.err.println(t.getName() + " " + t.getState());
                        for (StackTraceElement e : st) {
                            System.err.println("    at " + e);
                        }
                    }
                });
                throw new IllegalStateException("stalled at " + now + " of " + n + " records; the receiver counted "
                        + listener.intake() + "; refused by the windows " + loop.refusedRecords() + "; the loop's failure: "
                        + loop.failure());
            }
            Thread.sleep(5);
        }
    }

    private static void send(Path file, int port) {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
             OutputStream o = new BufferedOutputStream(s.getOutputStream(), 1 << 16);
             InputStream in = Files.newInputStream(file)) {
            in.transferTo(o);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String usedAfterGc() {
        System.gc();
        return Long.toString(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20);
    }
}
