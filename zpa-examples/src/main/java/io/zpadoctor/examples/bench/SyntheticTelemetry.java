package io.zpadoctor.examples.bench;

import io.zpadoctor.model.tenant.AppConnector;
import io.zpadoctor.model.tenant.ControlChannelStatus;
import io.zpadoctor.model.tenant.Tenant;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Log Streaming Service records for a generated tenant: every authenticated connector sends a Metrics and a Status
 * record every {@link #CADENCE}, healthy values with noise, and a few connectors (and one whole group) carry a
 * resource fault for part of the run. Each fault says which code it must open, about what, and from when the rules
 * can see it to when they can no longer: the test of the windows is that exactly these open and resolve.
 */
public final class SyntheticTelemetry {
    /** How often each connector reports, as LSS does by default. */
    public static final Duration CADENCE = Duration.ofMinutes(5);
    private static final DateTimeFormatter CTIME = DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final long GB = 1L << 30;

    /** The kinds of fault injected, each with the code it must open. */
    public enum Kind {
        CPU_HOT("ZPA-RES-010"), MEMORY("ZPA-RES-011"), DISK_FLOOR("ZPA-RES-012"), DISK_TREND("ZPA-RES-013"),
        PORTS("ZPA-RES-014"), FDS("ZPA-RES-014"), TARGETS("ZPA-APP-011"), AUTH_FAILURES("ZPA-CON-008"),
        CHURN("ZPA-NET-008"), GROUP_HOT("ZPA-FLT-007");

        public final String code;

        Kind(String code) {
            this.code = code;
        }
    }

    /**
     * One injected fault: {@code code} about {@code subjectId} (a connector, or a group for GROUP_HOT) is due from
     * {@code opens} to {@code resolves} (null: to the end of the run). Both are the first record time at which the
     * windows can tell, given the default thresholds.
     */
    public record Fault(Kind kind, String code, String subjectId, String subjectName, Instant faultStart,
                        Instant faultEnd, Instant opens, Instant resolves) {
        /** Due at {@code t}. */
        public boolean openAt(Instant t) {
            return !t.isBefore(opens) && (resolves == null || t.isBefore(resolves));
        }
    }

    private final Tenant tenant;
    private final Instant start;
    private final Duration length;
    private final Random random;
    private final List<Fault> faults = new ArrayList<>();
    private final Map<String, Fault> byConnector = new HashMap<>();
    private final Map<String, String> hotGroup = new HashMap<>();
    private final List<AppConnector> reporting = new ArrayList<>();

    private SyntheticTelemetry(Tenant tenant, Instant start, Duration length, long seed) {
        this.tenant = tenant;
        this.start = start;
        this.length = length;
        this.random = new Random(seed);
    }

    /**
     * Records for {@code length} from {@code start} (at least three hours, so every fault can open and end), faults
     * placed on connectors of groups the tenant's own faults leave alone.
     */
    public static SyntheticTelemetry of(Tenant tenant, Instant start, Duration length, long seed) {
        if (length.compareTo(Duration.ofHours(3)) < 0) {
            throw new IllegalArgumentException("the run must last at least 3 hours to open and end every fault");
        }
        if (length.compareTo(Duration.ofHours(12)) > 0) {
            // the filling disk reaches its floor after about 13 hours, which would open a fault nobody planned
            throw new IllegalArgumentException("the run may last at most 12 hours");
        }
        SyntheticTelemetry s = new SyntheticTelemetry(tenant, start, length, seed);
        s.place();
        return s;
    }

    public List<Fault> faults() {
        return List.copyOf(faults);
    }

    /** The connectors that send records (enabled and authenticated in the API). */
    public int reportingConnectors() {
        return reporting.size();
    }

    public Instant end() {
        return start.plus(length);
    }

    private void place() {
        Map<String, List<AppConnector>> byGroup = new LinkedHashMap<>();
        for (AppConnector c : tenant.connectors()) {
            if (c.enabled() && c.controlChannelStatus() == ControlChannelStatus.AUTHENTICATED) {
                reporting.add(c);
                byGroup.computeIfAbsent(c.groupId(), k -> new ArrayList<>()).add(c);
            }
        }
        // whole groups whose every connector reports, none of them carrying a fault of the tenant already
        List<List<AppConnector>> clean = byGroup.values().stream()
                .filter(g -> g.size() >= 2 && g.size() == tenant.connectors().stream()
                        .filter(c -> c.groupId() != null && c.groupId().equals(g.get(0).groupId())).count())
                .toList();
        if (clean.size() < Kind.values().length) {
            throw new IllegalArgumentException("the tenant is too small for every kind of fault: "
                    + clean.size() + " healthy groups of 2 or more");
        }
        int stride = clean.size() / Kind.values().length;
        Duration window = Duration.ofMinutes(15);
        Duration trend = Duration.ofHours(1);
        for (Kind k : Kind.values()) {
            List<AppConnector> group = clean.get(k.ordinal() * stride);
            AppConnector c = group.get(0);
            Instant from = start.plus(Duration.ofMinutes(30 + 10L * k.ordinal()));
            Instant to = switch (k) {
                case MEMORY, DISK_TREND, TARGETS, PORTS -> null;
                default -> from.plus(Duration.ofMinutes(60));
            };
            // the first record time at which the windows see the fault, and at which they no longer do
            Instant opens;
            Instant resolves;
            switch (k) {
                case CPU_HOT, MEMORY, GROUP_HOT -> {
                    opens = from.plus(window);                        // every sample of the window above: 3 of them
                    resolves = to;                                    // the first normal sample breaks "every"
                }
                case DISK_FLOOR, PORTS, FDS -> {
                    opens = from;                                     // the latest value decides
                    resolves = to;
                }
                case TARGETS -> {
                    opens = from;
                    resolves = null;
                }
                case DISK_TREND -> {
                    opens = from.plus(Duration.ofMinutes(30));        // enough of a trend to project it
                    resolves = null;
                }
                case AUTH_FAILURES -> {
                    opens = from.plus(CADENCE.multipliedBy(2));       // the third failure
                    resolves = to.plus(trend).minus(CADENCE.multipliedBy(2)); // the third leaves the hour
                }
                case CHURN -> {
                    opens = from.plus(CADENCE.multipliedBy(3));       // the fourth new session
                    // each session starts 20 s before its record, so the fourth-last (20 min 20 s before the
                    // end) leaves the hour at the record 40 min after it
                    resolves = to.plus(trend).minus(CADENCE.multipliedBy(4));
                }
                default -> throw new IllegalStateException(k.name());
            }
            opens = align(opens);
            resolves = resolves == null || !resolves.isBefore(end()) ? null : align(resolves);
            if (k == Kind.GROUP_HOT) {
                for (AppConnector x : group) {
                    hotGroup.put(x.id(), c.groupId());
                    faults.add(new Fault(k, Kind.CPU_HOT.code, x.id(), x.name(), from, to, opens, resolves));
                }
                faults.add(new Fault(k, k.code, c.groupId(), c.groupName(), from, to, opens, resolves));
                continue;
            }
            Fault f = new Fault(k, k.code, c.id(), c.name(), from, to, opens, resolves);
            faults.add(f);
            byConnector.put(c.id(), f);
        }
    }

    /** The first record time at or after {@code t}. */
    private Instant align(Instant t) {
        long step = CADENCE.getSeconds();
        long d = t.getEpochSecond() - start.getEpochSecond();
        return start.plusSeconds((d + step - 1) / step * step);
    }

    /** Every record of the run in time order, one JSON line each (no line break), to {@code out}. */
    public void write(Consumer<String> out) {
        Map<String, Long> disk = new HashMap<>();
        for (AppConnector c : reporting) {
            disk.put(c.id(), 20 * GB + random.nextInt(180) * GB);
        }
        Instant session = start.minus(Duration.ofDays(3));
        for (Instant t = start; t.isBefore(end()); t = t.plus(CADENCE)) {
            for (AppConnector c : reporting) {
                Fault f = byConnector.get(c.id());
                boolean active = f != null && !t.isBefore(f.faultStart()) && (f.faultEnd() == null || t.isBefore(f.faultEnd()));
                boolean hot = active && f.kind() == Kind.CPU_HOT || hotGroup.containsKey(c.id())
                        && !t.isBefore(start.plus(Duration.ofMinutes(30 + 10L * Kind.GROUP_HOT.ordinal())))
                        && t.isBefore(start.plus(Duration.ofMinutes(90 + 10L * Kind.GROUP_HOT.ordinal())));
                int cpu = hot ? 91 + random.nextInt(8) : 5 + random.nextInt(35);
                int sysMem = active && f.kind() == Kind.MEMORY ? 94 + random.nextInt(5) : 30 + random.nextInt(30);
                int procMem = active && f.kind() == Kind.MEMORY ? 70 : 8 + random.nextInt(10);
                long free = disk.get(c.id()) + (random.nextInt(2001) - 1000) * 1024L;
                if (f != null && f.kind() == Kind.DISK_FLOOR && active) {
                    free = 80L << 20;
                } else if (f != null && f.kind() == Kind.DISK_TREND) {
                    // 20 GiB, then losing 1.5 GiB an hour from the start of the fault: the floor in about 13 hours,
                    // within the day the rules look ahead, once half an hour of samples shows the trend
                    long seconds = Math.max(0, Duration.between(f.faultStart(), t).getSeconds());
                    free = 20 * GB - (long) (1.5 * GB * seconds / 3600.0) + (random.nextInt(2001) - 1000) * 1024L;
                }
                int usedPorts = active && f.kind() == Kind.PORTS ? 30_500 : 100 + random.nextInt(1900);
                int available = active && f.kind() == Kind.PORTS ? 1_500 : 28_000 - usedPorts;
                long procFd = active && f.kind() == Kind.FDS ? 410_000 : 100 + random.nextInt(900);
                int targets = 9;
                int alive = active && f.kind() == Kind.TARGETS ? 6 : 9;
                out.accept(metrics(t, c, cpu, sysMem, procMem, free, targets, alive, usedPorts, available, procFd));
                String status = "ZPN_STATUS_AUTHENTICATED";
                Instant auth = session;
                if (active && f.kind() == Kind.AUTH_FAILURES) {
                    status = "ZPN_STATUS_AUTH_FAILED";
                } else if (active && f.kind() == Kind.CHURN) {
                    auth = t.minusSeconds(20);     // a new session every record
                }
                out.accept(status(t.plusSeconds(1), c, status, auth, cpu, sysMem));
            }
        }
    }

    private static String metrics(Instant t, AppConnector c, int cpu, int sysMem, int procMem, long free, int targets,
                                  int alive, int usedPorts, int available, long procFd) {
        return "{\"LogTimestamp\": \"" + CTIME.format(t) + "\",\"Connector\": \"" + c.name()
                + "\",\"CPUUtilization\": \"" + cpu + "\",\"SystemMemoryUtilization\": \"" + sysMem
                + "\",\"ProcessMemoryUtilization\": \"" + procMem + "\",\"AppCount\": \"12\",\"ServiceCount\": \"20\""
                + ",\"TargetCount\": \"" + targets + "\",\"AliveTargetCount\": \"" + alive
                + "\",\"ActiveConnectionsToPublicSE\": \"2\",\"ActiveConnectionsToPrivateSE\": \"0\""
                + ",\"UsedTCPPortsIPv4\": \"" + usedPorts + "\",\"UsedUDPPortsIPv4\": \"3\",\"AvailablePorts\": \""
                + available + "\",\"SystemMaximumFileDescriptors\": \"960344\",\"SystemUsedFileDescriptors\": \"2211\""
                + ",\"ProcessMaximumFileDescriptors\": \"421000\",\"ProcessUsedFileDescriptors\": \"" + procFd
                + "\",\"AvailableDiskBytes\": \"" + free + "\",\"MicroTenantID\": \"0\"}";
    }

    private static String status(Instant t, AppConnector c, String status, Instant auth, int cpu, int mem) {
        return "{\"LogTimestamp\": \"" + CTIME.format(t) + "\",\"SessionType\": \"ZPN_ASSISTANT_BROKER_CONTROL\""
                + ",\"SessionStatus\": \"" + status + "\",\"Version\": \"25.44.6\",\"Platform\": \"el9\",\"ZEN\": \""
                + "DE-FRA-4410\",\"Connector\": \"" + c.name() + "\",\"ConnectorGroup\": \"" + c.groupName()
                + "\",\"PrivateIP\": \"" + c.privateIp() + "\",\"PublicIP\": \"203.0.113.7\",\"TimestampAuthentication\": \""
                + (status.endsWith("AUTH_FAILED") ? "" : auth.toString()) + "\",\"TimestampUnAuthentication\": \"\""
                + ",\"CPUUtilization\": " + cpu + ",\"MemUtilization\": " + mem + ",\"HostStartTime\": \""
                + (t.getEpochSecond() - 864_000) + "\",\"ConnectorStartTime\": \"" + (t.getEpochSecond() - 259_200) + "\"}";
    }
}
