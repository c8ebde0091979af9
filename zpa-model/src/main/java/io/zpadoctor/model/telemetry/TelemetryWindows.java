package io.zpadoctor.model.telemetry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps, per connector, the samples the windows need and nothing older, and sums them up as
 * {@link ConnectorTelemetry} facts. A connector is its name and group: two connectors of one name in two groups keep
 * separate series. A record without a group (Metrics records carry none) joins the only group seen for its name, or,
 * while none or several are seen, a group-less series of that name (matched by name alone, so only where the name is
 * unique in the tenant). Memory is bounded whatever the feed does: each series holds at most
 * {@link #CAPACITY} samples and only those within the longest window of the feed's latest record. Not thread-safe:
 * one intake thread feeds it (the watch loop, or a reader).
 */
public final class TelemetryWindows {
    /** Samples kept per series and connector: an hour of 1-minute records, or hours of the 5-minute default. */
    static final int CAPACITY = 64;

    private final long keepSeconds;
    private final Map<String, Named> byName = new HashMap<>();
    private int states;
    private long watermark = Long.MIN_VALUE;
    /** Records taken in so far: summaries are worked out again only when it moved. */
    private long accepted;
    /** The states in name and group order, sorted again only when the series changed shape. */
    private State[] ordered = new State[0];
    /** Bumped when a series is added or a group-less one takes its group: {@link #ordered} is stale. */
    private long shape;
    private long orderedShape = -1;
    private List<ConnectorTelemetry> lastSummaries;
    private long lastSummariesAt = -1;
    private TelemetryThresholds lastLimits;
    private double lastCpuLimit;

    /** Keeps what windows as long as the default thresholds' need. */
    public TelemetryWindows() {
        this(KEEP);
    }

    /** Keeps samples for {@code keep} behind the feed's latest record; no window of a summary may be longer. */
    public TelemetryWindows(java.time.Duration keep) {
        this.keepSeconds = keep.getSeconds();
    }

    /** Long enough for any window a configuration may set (the summaries read what they need of it). */
    public static final java.time.Duration KEEP = java.time.Duration.ofHours(6);

    /** Adds one record: its samples replace nothing, they join the connector's series. */
    public void accept(TelemetryRecord r) {
        accepted++;
        long t = r.at().getEpochSecond();
        if (t > watermark) {
            watermark = t;
        }
        State s = byName.computeIfAbsent(key(r.connector()), k -> new Named()).state(r);
        s.touch(r, t);
        long oldest = watermark - keepSeconds;
        if (r instanceof MetricsRecord m) {
            s.metrics(m, t);
        } else if (r instanceof StatusRecord st) {
            s.status(st, t);
        }
        s.evict(oldest);
    }

    /** The latest record time of the whole feed, or null before the first record. */
    public Instant watermark() {
        return watermark == Long.MIN_VALUE ? null : Instant.ofEpochSecond(watermark);
    }

    /** Connectors (name and group) with a series. */
    public int connectors() {
        return states;
    }

    /**
     * Every connector's summary as of the feed's latest record, connectors in name order.
     *
     * @param cpuLimit the CPU percent above which a sample counts (the runbook's 80 %)
     */
    public synchronized List<ConnectorTelemetry> summaries(TelemetryThresholds limits, double cpuLimit) {
        // a diagnosis asks twice (session, hot spots) about the same records; locked as readers may be several
        if (lastSummaries != null && lastSummariesAt == accepted && limits.equals(lastLimits)
                && Double.compare(cpuLimit, lastCpuLimit) == 0) {
            return lastSummaries;
        }
        if (orderedShape != shape) {
            List<State> all = new ArrayList<>(states);
            byName.values().forEach(n -> n.addTo(all));
            // names and groups match case-insensitively, so they sort that way; the group-less series of a name last
            all.sort(java.util.Comparator.comparing((State x) -> x.name, String.CASE_INSENSITIVE_ORDER)
                    .thenComparing(x -> x.group, java.util.Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER)));
            ordered = all.toArray(new State[0]);
            orderedShape = shape;
        }
        List<ConnectorTelemetry> out = new ArrayList<>(ordered.length);
        for (State x : ordered) {
            out.add(summary(x, limits, cpuLimit));
        }
        lastSummaries = java.util.Collections.unmodifiableList(out);
        lastSummariesAt = accepted;
        lastLimits = limits;
        lastCpuLimit = cpuLimit;
        return lastSummaries;
    }

    /**
     * One connector's summary (by name, case-insensitive), or null when no record named it or its name has series in
     * several groups (then ask with the group).
     */
    public ConnectorTelemetry summary(String connector, TelemetryThresholds limits, double cpuLimit) {
        Named n = byName.get(key(connector));
        State s = n == null ? null : n.only();
        return s == null ? null : summary(s, limits, cpuLimit);
    }

    /** The summary of {@code connector} in {@code group} (both case-insensitive), or null. */
    public ConnectorTelemetry summary(String connector, String group, TelemetryThresholds limits, double cpuLimit) {
        Named n = byName.get(key(connector));
        State s = n == null ? null : n.groups.get(key(group));
        return s == null ? null : summary(s, limits, cpuLimit);
    }

    /** How many CPU samples the windows keep for {@code connector} (tests: the memory bound). */
    int cpuSamplesKept(String connector) {
        Named n = byName.get(key(connector));
        State s = n == null ? null : n.only();
        return s == null ? 0 : s.cpu.size;
    }

    private static String key(String name) {
        return name.trim().toLowerCase(java.util.Locale.ROOT);
    }

    private ConnectorTelemetry summary(State s, TelemetryThresholds limits, double cpuLimit) {
        long now = watermark;
        long from = now - limits.window().getSeconds();
        long trendFrom = now - limits.trendWindow().getSeconds();
        WindowStat cpu = s.cpu.stat(from, now, cpuLimit);
        WindowStat sys = s.systemMemory.stat(from, now, limits.memoryPercent());
        WindowStat proc = s.processMemory.stat(from, now, limits.memoryPercent());
        Double slope = s.disk.slopePerHour(trendFrom, now);
        Instant targetsDown = s.targetsDownSince == Long.MIN_VALUE ? null : Instant.ofEpochSecond(s.targetsDownSince);
        return new ConnectorTelemetry(s.name, s.group, null, null, Instant.ofEpochSecond(now),
                Instant.ofEpochSecond(s.lastSeen), cpu, sys, proc, s.availableDisk, slope,
                s.disk.count(trendFrom, now), s.portsPercent,
                s.systemFdPercent, s.processFdPercent, s.targets, s.aliveTargets, targetsDown,
                s.authFailures.count(trendFrom, now), s.sessions.count(trendFrom, now), s.lastStatus, s.version,
                s.source);
    }

    /** The series of one connector name: one per group the records named, and one for records naming none. */
    private final class Named {
        final Map<String, State> groups = new HashMap<>(2);
        State noGroup;

        State state(TelemetryRecord r) {
            String g = r.group();
            if (g == null || g.isBlank()) {
                if (groups.size() == 1) {
                    return groups.values().iterator().next();
                }
                if (noGroup == null) {
                    noGroup = new State(r.connector());
                    states++;
                    shape++;
                }
                return noGroup;
            }
            State s = groups.get(key(g));
            if (s == null) {
                if (groups.isEmpty() && noGroup != null) {
                    // the name's first group: the group-less samples before it were this connector's
                    s = noGroup;
                    noGroup = null;
                } else {
                    s = new State(r.connector());
                    states++;
                }
                shape++;
                s.group = g;
                groups.put(key(g), s);
            }
            return s;
        }

        State only() {
            return groups.size() + (noGroup == null ? 0 : 1) == 1
                    ? noGroup != null ? noGroup : groups.values().iterator().next() : null;
        }

        void addTo(List<State> out) {
            out.addAll(groups.values());
            if (noGroup != null) {
                out.add(noGroup);
            }
        }
    }

    /** One connector's series and latest values. */
    private static final class State {
        final String name;
        String group;
        String version;
        String source;
        long lastSeen = Long.MIN_VALUE;
        final Series cpu = new Series();
        final Series systemMemory = new Series();
        final Series processMemory = new Series();
        final Series disk = new Series();
        final Series authFailures = new Series();
        final Series sessions = new Series();
        Long availableDisk;
        long availableDiskAt = Long.MIN_VALUE;
        Double portsPercent;
        Double systemFdPercent;
        Double processFdPercent;
        Integer targets;
        Integer aliveTargets;
        long metricsAt = Long.MIN_VALUE;
        long targetsDownSince = Long.MIN_VALUE;
        SessionStatus lastStatus;
        long statusAt = Long.MIN_VALUE;

        State(String name) {
            this.name = name;
        }

        void touch(TelemetryRecord r, long t) {
            if (t >= lastSeen) {
                lastSeen = t;
                source = r.source();
            }
        }

        void metrics(MetricsRecord m, long t) {
            add(cpu, t, m.cpuPercent());
            add(systemMemory, t, m.systemMemPercent());
            add(processMemory, t, m.processMemPercent());
            if (m.availableDiskBytes() != null) {
                disk.add(t, m.availableDiskBytes());
            }
            if (t < metricsAt) {
                return; // an older record joins the series above, but never replaces the latest values
            }
            metricsAt = t;
            if (m.availableDiskBytes() != null) {
                availableDisk = m.availableDiskBytes();
                availableDiskAt = t;
            }
            if (m.usedTcpPortsIpv4() != null && m.availablePorts() != null
                    && m.usedTcpPortsIpv4() + m.availablePorts() > 0) {
                portsPercent = 100.0 * m.usedTcpPortsIpv4() / (m.usedTcpPortsIpv4() + m.availablePorts());
            }
            systemFdPercent = share(m.systemUsedFds(), m.systemMaxFds(), systemFdPercent);
            processFdPercent = share(m.processUsedFds(), m.processMaxFds(), processFdPercent);
            if (m.targetCount() != null && m.aliveTargetCount() != null) {
                targets = m.targetCount();
                aliveTargets = m.aliveTargetCount();
                boolean down = m.aliveTargetCount() < m.targetCount();
                targetsDownSince = !down ? Long.MIN_VALUE : targetsDownSince == Long.MIN_VALUE ? t : targetsDownSince;
            }
        }

        void status(StatusRecord s, long t) {
            add(cpu, t, s.cpuPercent());
            add(systemMemory, t, s.memPercent());
            if (s.status() == SessionStatus.AUTH_FAILED) {
                authFailures.add(t, 1);
            }
            if (s.status() == SessionStatus.AUTHENTICATED && s.authenticatedAt() != null) {
                long session = s.authenticatedAt().getEpochSecond();
                if (!sessions.holdsValue(session)) {
                    // a session is counted once, at its start, however many records repeat it
                    sessions.add(session, session);
                }
            }
            if (t >= statusAt) {
                statusAt = t;
                lastStatus = s.status();
                if (s.version() != null) {
                    version = s.version();
                }
            }
        }

        void evict(long oldest) {
            cpu.evict(oldest);
            systemMemory.evict(oldest);
            processMemory.evict(oldest);
            disk.evict(oldest);
            authFailures.evict(oldest);
            sessions.evict(oldest);
        }

        private static void add(Series s, long t, Integer v) {
            if (v != null) {
                s.add(t, v);
            }
        }

        private static Double share(Long used, Long max, Double previous) {
            // boxed on purpose: a double and a Double in one conditional unbox a null previous and throw
            return used != null && max != null && max > 0 ? Double.valueOf(100.0 * used / max) : previous;
        }
    }

    /** Time-stamped samples in arrival order, at most {@link #CAPACITY}: the oldest goes first when full. */
    static final class Series {
        /** Records of one connector this close together come from one reporting moment (Metrics come every 300 s). */
        static final long SAME_REPORT_SECONDS = 60;

        private final long[] t = new long[CAPACITY];
        private final double[] v = new double[CAPACITY];
        private int head;
        private int size;

        void add(long time, double value) {
            int i = (head + size) % CAPACITY;
            if (size == CAPACITY) {
                head = (head + 1) % CAPACITY;
                i = (head + size - 1) % CAPACITY;
            } else {
                size++;
            }
            t[i] = time;
            v[i] = value;
        }

        /** Drops samples older than {@code oldest} from the front (arrival order is time order for a live feed). */
        void evict(long oldest) {
            while (size > 0 && t[head] < oldest) {
                head = (head + 1) % CAPACITY;
                size--;
            }
        }

        int count(long from, long to) {
            int n = 0;
            for (int k = 0; k < size; k++) {
                int i = (head + k) % CAPACITY;
                if (t[i] >= from && t[i] <= to) {
                    n++;
                }
            }
            return n;
        }

        boolean holdsValue(double value) {
            for (int k = 0; k < size; k++) {
                if (v[(head + k) % CAPACITY] == value) {
                    return true;
                }
            }
            return false;
        }

        /** The window's samples in time order, summed up against {@code limit} (above means strictly above). */
        WindowStat stat(long from, long to, double limit) {
            long[] ts = new long[size];
            double[] vs = new double[size];
            int n = 0;
            for (int k = 0; k < size; k++) {
                int i = (head + k) % CAPACITY;
                if (t[i] >= from && t[i] <= to) {
                    ts[n] = t[i];
                    vs[n] = v[i];
                    n++;
                }
            }
            if (n == 0) {
                return WindowStat.NONE;
            }
            sortByTime(ts, vs, n);
            n = oneReportOneSample(ts, vs, n);
            int above = 0;
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < n; k++) {
                if (vs[k] > limit) {
                    above++;
                }
                max = Math.max(max, vs[k]);
            }
            Long since = null;
            for (int k = n - 1; k >= 0 && vs[k] > limit; k--) {
                since = ts[k];
            }
            return new WindowStat(n, above, since == null ? null : Instant.ofEpochSecond(since), max, vs[n - 1],
                    Instant.ofEpochSecond(ts[n - 1]), Instant.ofEpochSecond(ts[0]), Instant.ofEpochSecond(from));
        }

        /** Least-squares slope of the samples within the range, per hour; null with fewer than 2 distinct times. */
        Double slopePerHour(long from, long to) {
            double n = 0;
            double st = 0;
            double sv = 0;
            double stt = 0;
            double stv = 0;
            long base = Long.MIN_VALUE;
            for (int k = 0; k < size; k++) {
                int i = (head + k) % CAPACITY;
                if (t[i] < from || t[i] > to) {
                    continue;
                }
                if (base == Long.MIN_VALUE) {
                    base = t[i];
                }
                double x = (t[i] - base) / 3600.0;
                n++;
                st += x;
                sv += v[i];
                stt += x * x;
                stv += x * v[i];
            }
            double d = n * stt - st * st;
            return n < 2 || d <= 1e-12 ? null : (n * stv - st * sv) / d;
        }

        /**
         * Samples less than {@link #SAME_REPORT_SECONDS} apart are one report (a Status and a Metrics record of the
         * same moment both carry CPU and memory): one sample, its highest value at its latest time. Counting both would
         * let two moments pass for the three samples a sustained load needs. The first {@code n} in time order; the
         * count that remains.
         */
        static int oneReportOneSample(long[] ts, double[] vs, int n) {
            int out = 0;
            long start = Long.MIN_VALUE;
            for (int k = 0; k < n; k++) {
                if (out > 0 && ts[k] - start < SAME_REPORT_SECONDS) {
                    ts[out - 1] = ts[k];
                    vs[out - 1] = Math.max(vs[out - 1], vs[k]);
                } else {
                    start = ts[k];
                    ts[out] = ts[k];
                    vs[out] = vs[k];
                    out++;
                }
            }
            return out;
        }

        private static void sortByTime(long[] ts, double[] vs, int n) {
            for (int a = 1; a < n; a++) {   // insertion sort: a window is a few samples, nearly in order
                long tk = ts[a];
                double vk = vs[a];
                int b = a - 1;
                while (b >= 0 && ts[b] > tk) {
                    ts[b + 1] = ts[b];
                    vs[b + 1] = vs[b];
                    b--;
                }
                ts[b + 1] = tk;
                vs[b + 1] = vk;
            }
        }
    }
}
