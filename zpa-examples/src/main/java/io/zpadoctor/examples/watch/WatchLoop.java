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
 * each change (a new tenant, or LSS records) by one thread that alone touches the feed: a diagnosis starts at most
 * once per {@code batch} after the previous one started, and takes in every record queued before it starts. Each
 * diagnosis is diffed against the previous one and what changed goes out as events, rendered and handed to the sink
 * on a thread of their own so that the loop goes back to the records. Records wait in a bounded queue: when the loop
 * falls behind, senders wait (TCP pushes back on the connector), and memory stays bounded; the feed's windows are
 * bounded by {@code TelemetryWindows}.
 */
public final class WatchLoop implements AutoCloseable {
    /** Records waiting for the loop: more than a diagnosis of 10,000 connectors lasts at the fastest feed measured. */
    static final int QUEUE = 1 << 16;

    /**
     * Record time one diagnosis takes in at most: a backlog replayed at full speed is diagnosed in steps of a
     * quarter hour, as live, so a fault of an hour is never skipped between two diagnoses; live records never reach it.
     */
    static final long SPAN_SECONDS = 15 * 60;

    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

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
    /** A record and when it was offered: a record's wait for its events is measured, not estimated. */
    private record Offered(TelemetryRecord record, long nanos) {
    }

    private final BlockingQueue<Offered> records;
    private final int queue;
    private final AtomicReference<Facts> pendingTenant = new AtomicReference<>();
    private final AtomicLong taken = new AtomicLong();
    private final AtomicLong ticks = new AtomicLong();
    private final AtomicLong maxRecordToEventNanos = new AtomicLong();
    private final AtomicLong maxDiagnosisNanos = new AtomicLong();
    private final AtomicLong maxDiagnosisCpuNanos = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong failedTicks = new AtomicLong();
    private final Consumer<String> log;
    private final TelemetryFeed feed = TelemetryFeed.empty();
    private final boolean live;
    private final Thread thread;
    /**
     * Renders events and calls the sink, in diagnosis order; bounded, as each waiting diagnosis holds a whole report:
     * when the sink falls behind, the loop waits for it.
     */
    private final java.util.concurrent.ExecutorService emitter = new java.util.concurrent.ThreadPoolExecutor(1, 1, 0,
            TimeUnit.SECONDS, new ArrayBlockingQueue<>(2), r -> {
                Thread t = new Thread(r, "watch-events");
                t.setDaemon(true);
                return t;
            }, (r, pool) -> {
                try {
                    if (!pool.isShutdown()) {
                        pool.getQueue().put(r);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
    private volatile boolean stopping;
    private volatile Throwable failure;
    private Facts tenant;
    private LiveIntakes intakes;
    /** When the oldest record taken in since the last diagnosis was offered, or 0. */
    private long oldestWaiting;
    /** The record time of the first record taken in since the last diagnosis, or {@code Long.MIN_VALUE}. */
    private long spanStart = Long.MIN_VALUE;
    /** Records past this diagnosis's span, in the order they came: the next diagnosis takes them in first. */
    private final java.util.ArrayDeque<Offered> held = new java.util.ArrayDeque<>();

    /**
     * @param live whether LSS records come in: then the feed replaces the telemetry the tenant's own facts carry
     *             (a bundle's {@code lss/} folder); without, a bundle's records are diagnosed as they are
     */
    public WatchLoop(FleetWatch watch, Sink sink, WatchMetrics metrics, Duration batch, boolean live,
                     Consumer<String> log) {
        this(watch, sink, metrics, batch, live, log, QUEUE);
    }

    /** The same with a queue of {@code queue} records (tests: a small one makes senders race the loop). */
    WatchLoop(FleetWatch watch, Sink sink, WatchMetrics metrics, Duration batch, boolean live, Consumer<String> log,
              int queue) {
        this.records = new ArrayBlockingQueue<>(queue);
        this.queue = queue;
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
            try {
                records.put(new Offered(r, System.nanoTime()));
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
     * The longest time from a record being offered to the events of the diagnosis that took it in being out (handed
     * to the sink), since the last call (a sender held back by a full queue counts its wait).
     */
    public long takeMaxRecordToEventNanos() {
        return maxRecordToEventNanos.getAndSet(0);
    }

    /** The longest diagnosis since the last call. */
    public long takeMaxDiagnosisNanos() {
        return maxDiagnosisNanos.getAndSet(0);
    }

    /**
     * The most CPU time the loop's thread spent on one diagnosis since the last call (on a shared machine, what the
     * diagnosis costs apart from waiting for a core; shards on other cores are not counted).
     */
    public long takeMaxDiagnosisCpuNanos() {
        return maxDiagnosisCpuNanos.getAndSet(0);
    }

    /** An error (out of memory) that ended the loop, or null. */
    public Throwable failure() {
        return failure;
    }

    private void run() {
        List<Offered> batch = new ArrayList<>(8192);
        long lastStart = System.nanoTime() - batchNanos;
        boolean dirty = false;
        try {
            while (true) {
                boolean stop = stopping;
                if (held.isEmpty()) {
                    Offered r = stop ? records.poll() : records.poll(20, TimeUnit.MILLISECONDS);
                    if (r != null) {
                        dirty |= admit(r);
                        // between diagnoses, records go into the windows as they come: a tick finds little left to do
                        records.drainTo(batch, 8192);
                        dirty |= admit(batch);
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
                boolean due = now - lastStart >= batchNanos;
                if (dirty && tenant != null && (due || stop && records.isEmpty() && held.isEmpty())) {
                    // every record queued by now goes into this diagnosis (at most a queue's worth, should senders race)
                    for (int left = queue; left > 0 && held.isEmpty(); ) {
                        int n = records.drainTo(batch, Math.min(8192, left));
                        if (n == 0) {
                            break;
                        }
                        admit(batch);
                        left -= n;
                    }
                    lastStart = System.nanoTime();
                    try {
                        tick(oldestWaiting);
                    } catch (RuntimeException e) {
                        // the last good state stands and the next change tries again: a watch outlives one bad tick
                        failedTicks.incrementAndGet();
                        log.accept("diagnosis failed, keeping the last one: " + Redactor.scrub(String.valueOf(e)));
                    }
                    dirty = false;
                    oldestWaiting = 0;
                    spanStart = Long.MIN_VALUE;
                    // what waited past the last span starts the next one, in the order it came
                    batch.addAll(held);
                    held.clear();
                    dirty = admit(batch);
                } else if (!held.isEmpty()) {
                    // records past the span wait for the diagnosis due next, not in a busy loop
                    Thread.sleep(tenant == null ? 20 : Math.max(1, (batchNanos - (now - lastStart)) / 1_000_000));
                }
                if (stop && records.isEmpty() && held.isEmpty() && pendingTenant.get() == null && !dirty) {
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

    /** Admits each of {@code batch} in order, then empties it; whether any went into the windows. */
    private boolean admit(List<Offered> batch) {
        boolean any = false;
        for (Offered x : batch) {
            any |= admit(x);
        }
        batch.clear();
        return any;
    }

    /**
     * Takes {@code o} into the windows unless it lies more than {@link #SPAN_SECONDS} of record time past the first
     * record of this diagnosis (or records already wait): then it waits, with those after it, for the next one.
     */
    private boolean admit(Offered o) {
        long at = o.record.at().getEpochSecond();
        if (!held.isEmpty() || spanStart != Long.MIN_VALUE && at > spanStart + SPAN_SECONDS) {
            held.add(o);
            return false;
        }
        if (spanStart == Long.MIN_VALUE) {
            spanStart = at;
        }
        take(o);
        return true;
    }

    private void take(Offered o) {
        if (oldestWaiting == 0 || o.nanos - oldestWaiting < 0) {
            oldestWaiting = o.nanos;
        }
        TelemetryRecord r = o.record;
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
        long cpu = CPU.getCurrentThreadCpuTime();
        FleetWatch.Tick t = watch.next(facts);
        maxDiagnosisCpuNanos.accumulateAndGet(CPU.getCurrentThreadCpuTime() - cpu, Math::max);
        maxDiagnosisNanos.accumulateAndGet(t.diagnosisNanos(), Math::max);
        ticks.incrementAndGet();
        emitter.execute(() -> emit(t, waitingSince));
    }

    /** On the events' thread: the events out, then how long the oldest record it took in waited for them. */
    private void emit(FleetWatch.Tick t, long waitingSince) {
        try {
            if (t.first()) {
                sink.baseline(t.report(), FindingChanges.snapshotJson(t.report().diagnosis(),
                        t.changes().isEmpty() ? java.time.Instant.now() : t.changes().get(0).at()));
            } else {
                for (FindingChange c : t.changes()) {
                    sink.change(c, FindingChanges.toJson(c));
                }
            }
        } catch (RuntimeException e) {
            log.accept("events of a diagnosis could not all be sent: " + Redactor.scrub(String.valueOf(e)));
        }
        long recordToEvent = waitingSince == 0 ? -1 : System.nanoTime() - waitingSince;
        maxRecordToEventNanos.accumulateAndGet(recordToEvent, Math::max);
        if (metrics != null) {
            metrics.diagnosed(t.report(), t.diagnosisNanos(), recordToEvent);
        }
    }

    /** Stops after taking in what is queued and diagnosing it once more, so nothing received is left unsaid. */
    @Override
    public void close() {
        stopping = true;
        try {
            thread.join(30_000);
            emitter.shutdown();
            emitter.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
