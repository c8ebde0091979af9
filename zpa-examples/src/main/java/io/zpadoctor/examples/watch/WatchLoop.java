package io.zpadoctor.examples.watch;

import io.zpadoctor.model.Facts;
import io.zpadoctor.model.telemetry.TelemetryFeed;
import io.zpadoctor.model.telemetry.TelemetryRecord;
import io.zpadoctor.report.FindingChange;
import io.zpadoctor.report.FindingChanges;
import io.zpadoctor.report.FleetWatch;
import io.zpadoctor.report.Redactor;
import io.zpadoctor.rules.FleetReport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The watch: the tenant's latest facts (an API poll or a bundle read) and a live telemetry feed, re-diagnosed on
 * each change (a new tenant, or a batch of LSS records, at most once per {@code batch}) by one thread that alone
 * touches the feed. Each diagnosis is diffed against the previous one and what changed goes out as events. Records
 * wait in a bounded queue: when the loop falls behind, senders wait (TCP pushes back on the connector), and memory
 * stays bounded; the feed's windows are bounded by {@code TelemetryWindows}.
 */
public final class WatchLoop implements AutoCloseable {
    /** Records waiting for the loop: a few seconds of the fastest feed measured. */
    static final int QUEUE = 1 << 16;

    /** Where events go: standard output, the webhook, the metrics. */
    public interface Sink {
        /** The first diagnosis: what was open when the watch started. */
        void baseline(FleetReport report, String snapshotJson);

        void change(FindingChange change, String json);
    }

    private final FleetWatch watch;
    private final Sink sink;
    private final WatchMetrics metrics;
    private final long batchNanos;
    private final BlockingQueue<TelemetryRecord> records = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicReference<Facts> pendingTenant = new AtomicReference<>();
    private final AtomicLong firstWaitingNanos = new AtomicLong();
    private final AtomicLong taken = new AtomicLong();
    private final AtomicLong ticks = new AtomicLong();
    private final AtomicLong maxRecordToEventNanos = new AtomicLong();
    private final AtomicLong maxDiagnosisNanos = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong failedTicks = new AtomicLong();
    private final Consumer<String> log;
    private final TelemetryFeed feed = TelemetryFeed.empty();
    private final boolean live;
    private final Thread thread;
    private volatile boolean stopping;
    private volatile Throwable failure;
    private Facts tenant;
    private long lastDiagnosisNanos;
    private LiveIntakes intakes;

    /**
     * @param live whether LSS records come in: then the feed replaces the telemetry the tenant's own facts carry
     *             (a bundle's {@code lss/} folder); without, a bundle's records are diagnosed as they are
     */
    public WatchLoop(FleetWatch watch, Sink sink, WatchMetrics metrics, Duration batch, boolean live,
                     Consumer<String> log) {
        this.log = log;
        this.watch = watch;
        this.sink = sink;
        this.metrics = metrics;
        this.batchNanos = batch.toNanos();
        this.live = live;
        this.thread = new Thread(this::run, "watch-loop");
        thread.setDaemon(true);
    }

    /**
     * The LSS sources' counts (unknown, malformed lines) to diagnose with the records, as a one-shot diagnosis
     * does: without them ZPA-PRB-004 cannot open in a watch. Set before {@link #start()}.
     */
    public WatchLoop intakes(java.util.function.Supplier<List<io.zpadoctor.model.telemetry.TelemetryIntake>> sources) {
        this.intakes = new LiveIntakes(sources);
        return this;
    }

    public WatchLoop start() {
        thread.start();
        return this;
    }

    /** Where LSS sources put records: waits while the queue is full, so never loses one. */
    public Consumer<TelemetryRecord> records() {
        return r -> {
            firstWaitingNanos.compareAndSet(0, System.nanoTime());
            try {
                records.put(r);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    /** A new reading of the tenant (a poll, a re-read bundle): diagnosed at the next tick. */
    public void tenant(Facts facts) {
        pendingTenant.set(facts);
    }

    public long recordsTaken() {
        return taken.get();
    }

    public long diagnoses() {
        return ticks.get();
    }

    /**
     * The longest time from a record being offered to the end of the diagnosis that took it in, since the last call
     * (a sender held back by a full queue counts its wait).
     */
    public long takeMaxRecordToEventNanos() {
        return maxRecordToEventNanos.getAndSet(0);
    }

    /** The longest diagnosis since the last call. */
    public long takeMaxDiagnosisNanos() {
        return maxDiagnosisNanos.getAndSet(0);
    }

    /** An error (out of memory) that ended the loop, or null. */
    public Throwable failure() {
        return failure;
    }

    private void run() {
        List<TelemetryRecord> batch = new ArrayList<>(8192);
        long last = System.nanoTime() - batchNanos;
        boolean dirty = false;
        long waitingSince = 0;
        try {
            while (true) {
                boolean stop = stopping;
                TelemetryRecord r = stop ? records.poll() : records.poll(20, TimeUnit.MILLISECONDS);
                if (r != null) {
                    // each take claims the stamp of the oldest record offered since the last take
                    long stamp = firstWaitingNanos.getAndSet(0);
                    if (waitingSince == 0 && stamp != 0) {
                        waitingSince = stamp;
                    }
                    take(r);
                    dirty = true;
                    batch.clear();
                    records.drainTo(batch, 8192);
                    for (TelemetryRecord x : batch) {
                        take(x);
                    }
                }
                Facts t = pendingTenant.getAndSet(null);
                if (t != null) {
                    tenant = t;
                    dirty = true;
                }
                if (live && intakes != null && intakes.refresh()) {
                    dirty = true;     // rejected lines alone (no record among them) must reach the diagnosis too
                }
                long now = System.nanoTime();
                // diagnoses take at most half the loop, so a slow one (a cold JIT, a huge tenant) cannot starve intake
                if (dirty && tenant != null && (now - last >= Math.max(batchNanos, lastDiagnosisNanos)
                        || stop && records.isEmpty())) {
                    try {
                        tick(waitingSince);
                    } catch (RuntimeException e) {
                        // the last good state stands and the next change tries again: a watch outlives one bad tick
                        failedTicks.incrementAndGet();
                        log.accept("diagnosis failed, keeping the last one: " + Redactor.scrub(String.valueOf(e)));
                    }
                    last = System.nanoTime();
                    dirty = false;
                    waitingSince = 0;
                }
                if (stop && records.isEmpty() && pendingTenant.get() == null && !dirty) {
                    return;
                }
                if (stop && tenant == null && records.isEmpty()) {
                    return;     // stopped before the tenant was ever read: nothing to say
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            failure = e;
        }
    }

    private void take(TelemetryRecord r) {
        try {
            feed.accept(r);
            taken.incrementAndGet();
        } catch (RuntimeException e) {
            if (Long.bitCount(refused.incrementAndGet()) == 1) {      // 1, 2, 4...: said, never a flood
                log.accept("LSS record refused by the windows (" + refused.get() + " so far): "
                        + Redactor.scrub(String.valueOf(e)));
            }
        }
    }

    /** Records the windows refused (a defect: the parser passed them), and diagnoses that failed. */
    public long refusedRecords() {
        return refused.get();
    }

    public long failedDiagnoses() {
        return failedTicks.get();
    }

    private void tick(long waitingSince) {
        if (live && intakes != null) {
            feed.replaceIntakes(intakes.shown());
        }
        Facts facts = live ? tenant.toBuilder().telemetry(feed).build() : tenant;
        FleetWatch.Tick t = watch.next(facts);
        long end = System.nanoTime();
        long recordToEvent = waitingSince == 0 ? -1 : end - waitingSince;
        maxRecordToEventNanos.accumulateAndGet(recordToEvent, Math::max);
        maxDiagnosisNanos.accumulateAndGet(t.diagnosisNanos(), Math::max);
        lastDiagnosisNanos = t.diagnosisNanos();
        ticks.incrementAndGet();
        if (metrics != null) {
            metrics.diagnosed(t.report(), t.diagnosisNanos(), recordToEvent);
        }
        if (t.first()) {
            sink.baseline(t.report(), FindingChanges.snapshotJson(t.report().diagnosis(),
                    t.changes().isEmpty() ? java.time.Instant.now() : t.changes().get(0).at()));
            return;
        }
        for (FindingChange c : t.changes()) {
            sink.change(c, FindingChanges.toJson(c));
        }
    }

    /** Stops after taking in what is queued and diagnosing it once more, so nothing received is left unsaid. */
    @Override
    public void close() {
        stopping = true;
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
