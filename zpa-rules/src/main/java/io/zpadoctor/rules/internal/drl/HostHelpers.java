package io.zpadoctor.rules.internal.drl;

import io.zpadoctor.model.derived.HostContext;
import io.zpadoctor.model.host.DiskConsumer;
import io.zpadoctor.model.host.DiskUsage;
import io.zpadoctor.model.host.HostInventory;
import io.zpadoctor.model.host.LogEvent;
import io.zpadoctor.model.host.LogEventKind;
import io.zpadoctor.model.host.StatusBlock;
import io.zpadoctor.model.host.TcpProbe;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Computations over a host's observations that the DRL rules need. */
public final class HostHelpers {
    /** Journal lines that mean an enrollment attempt failed. */
    static final Set<LogEventKind> ENROLLMENT_FAILURES = EnumSet.of(LogEventKind.ENROLLMENT_FAILED,
            LogEventKind.LOGIN_REFUSED, LogEventKind.SEND_CSR_FAILED, LogEventKind.CERTIFICATE_NOT_YET_VALID,
            LogEventKind.CERTIFICATE_VERIFY_FAILED, LogEventKind.HTTP_CLIENT_FAILED);
    static final Set<LogEventKind> CONNECTED = EnumSet.of(LogEventKind.CONTROL_CHANNEL_CONNECTED,
            LogEventKind.CONTROL_CONNECTED);

    private HostHelpers() {
    }

    /**
     * Whether a host folder is the VM the case is about: the bundle's only host, or the one named after the case's
     * connector (as a folder, or as the connector its journal or address shows).
     */
    public static boolean isCaseHost(String host, Collection<?> hosts, io.zpadoctor.model.derived.CaseConnector c) {
        if (hosts.size() == 1) {
            return ((HostInventory) hosts.iterator().next()).host().equals(host);
        }
        if (c == null) {
            return false;
        }
        for (Object o : hosts) {
            HostInventory i = (HostInventory) o;
            if (i.host().equals(host)) {
                return host.equalsIgnoreCase(c.name()) || c.name().equalsIgnoreCase(i.connectorName());
            }
        }
        return false;
    }

    /** The file that tied a host folder to its connector. */
    public static String matchSource(HostContext x) {
        return "hosts/" + x.host() + "/" + (x.match() == io.zpadoctor.model.host.HostMatch.IP_ADDRESS ? "ip-addr.txt"
                : x.match() == io.zpadoctor.model.host.HostMatch.STATUS_BLOCK ? "journal.txt" : "");
    }

    /** How a host folder was tied to its connector, in words. */
    public static String matchBasis(HostContext x) {
        return switch (x.match()) {
            case STATUS_BLOCK -> "the status blocks in its journal name that connector";
            case IP_ADDRESS -> "its address is that connector's private IP";
            case FOLDER_NAME -> "the folder is named after that connector";
            case CASE_CONNECTOR -> "the case names that connector";
            case NONE -> "not tied to a connector";
        };
    }

    /** Findings about a host that deny "every healthy indicator": down, stopped, looping, cut off, flapping... */
    static final Set<String> DENY_HEALTH = Set.of("ZPA-CON-002", "ZPA-CON-003", "ZPA-CON-006", "ZPA-UPG-005",
            "ZPA-NET-001", "ZPA-NET-002", "ZPA-NET-003", "ZPA-NET-004", "ZPA-NET-005", "ZPA-NET-006", "ZPA-APP-010",
            "ZPA-HLT-001", "ZPA-ENR-003", "ZPA-ENR-004", "ZPA-ENR-005", "ZPA-ENR-006", "ZPA-ENR-007");

    /** Whether a finding with this code says the connector is not healthy (so no pass record may say it is). */
    public static boolean deniesHealth(String code) {
        return DENY_HEALTH.contains(code);
    }

    /** Whether the journal's last enrollment failure comes after its last successful connection. */
    public static boolean enrollmentFailing(Collection<?> events) {
        int lastFailure = -1;
        int lastSuccess = -1;
        for (Object o : events) {
            LogEvent e = (LogEvent) o;
            int line = e.line() == null ? 0 : e.line();
            if (ENROLLMENT_FAILURES.contains(e.kind())) {
                lastFailure = Math.max(lastFailure, line);
            } else if (CONNECTED.contains(e.kind())) {
                lastSuccess = Math.max(lastSuccess, line);
            }
        }
        return lastFailure >= 0 && lastFailure > lastSuccess;
    }

    /** The host's latest status block, by position in the journal. */
    public static StatusBlock latest(Collection<?> blocks) {
        return blocks.stream().map(o -> (StatusBlock) o)
                .max(Comparator.comparing(b -> b.line() == null ? 0 : b.line())).orElse(null);
    }

    /** Journal lines after which a status block no longer describes the connector: it restarted, or lost its link. */
    static final Set<LogEventKind> RESTARTS = EnumSet.of(LogEventKind.EXITED_TOO_FAST,
            LogEventKind.REVERTING_TO_DEFAULT, LogEventKind.SERVICE_STARTED, LogEventKind.SERVICE_STOPPED,
            LogEventKind.SERVICE_FAILED, LogEventKind.CHILD_STARTED, LogEventKind.CHECKING_ENROLLMENT,
            LogEventKind.CONTROL_CLOSED, LogEventKind.NOT_CONNECTED_TO_CLOUD, LogEventKind.ENROLLMENT_FAILED,
            LogEventKind.LOGIN_REFUSED, LogEventKind.INSTANCE_ID_DECRYPT_FAILED, LogEventKind.PAUSED);

    /** The first event after the block that restarted the connector or dropped its link, or null (the block is current). */
    public static LogEvent laterRestart(StatusBlock block, Collection<?> events) {
        if (block == null) {
            return null;
        }
        int after = block.line() == null ? 0 : block.line();
        LogEvent first = null;
        for (Object o : events) {
            LogEvent e = (LogEvent) o;
            int line = e.line() == null ? 0 : e.line();
            if (line > after && RESTARTS.contains(e.kind()) && (first == null || line < first.line())) {
                first = e;
            }
        }
        return first;
    }

    /** Lines after which a pause is over: the child started again, or connected. */
    static final Set<LogEventKind> RESUMES = EnumSet.of(LogEventKind.CHILD_STARTED, LogEventKind.SERVICE_STARTED,
            LogEventKind.CHECKING_ENROLLMENT, LogEventKind.CONTROL_CHANNEL_CONNECTED, LogEventKind.CONTROL_CONNECTED);

    /** The pause the connector is in at the journal's end, or null: none, or it restarted or connected since. */
    public static io.zpadoctor.model.derived.Paused currentPause(String host, Collection<?> events) {
        List<LogEvent> sorted = events.stream().map(o -> (LogEvent) o)
                .sorted(Comparator.comparing(e -> e.line() == null ? 0 : e.line())).toList();
        LogEvent entered = null;
        String reason = null;
        for (LogEvent e : sorted) {
            if (e.kind() == LogEventKind.PAUSED || e.kind() == LogEventKind.IN_PAUSED_MODE) {
                if (entered == null) {
                    entered = e;
                }
                if (e.kind() == LogEventKind.PAUSED) {
                    reason = e.detail() != null ? e.detail() : e.message();
                }
            } else if (entered != null && RESUMES.contains(e.kind())) {
                entered = null;
                reason = null;
            }
        }
        return entered == null ? null : new io.zpadoctor.model.derived.Paused(host, entered, reason);
    }

    /** A crash loop, when the fast exits and reverts amount to one: three exits or more, or any revert. */
    public static io.zpadoctor.model.derived.CrashLoop crashLoop(String host, Collection<?> exits, Collection<?> reverts) {
        if (exits.size() < 3 && reverts.isEmpty()) {
            return null;
        }
        List<Object> cited = byLine(reverts.isEmpty() ? exits : reverts);
        return new io.zpadoctor.model.derived.CrashLoop(host, exits.size(), reverts.size(), (LogEvent) cited.get(0));
    }

    /** How often uptime went down from one block to the next: each is a reconnection. */
    public static int uptimeResets(Collection<?> blocks) {
        List<StatusBlock> sorted = blocks.stream().map(o -> (StatusBlock) o).filter(b -> b.uptimeSeconds() != null)
                .sorted(Comparator.comparing(b -> b.line() == null ? 0 : b.line())).toList();
        int resets = 0;
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).uptimeSeconds() < sorted.get(i - 1).uptimeSeconds()) {
                resets++;
            }
        }
        return resets;
    }

    /** Data connections backing off, or none at all while the control connection is up. */
    public static boolean dataBackedOff(StatusBlock b) {
        return b != null && (b.backedOffConnections() != null && b.backedOffConnections() > 0
                || b.controlState() == io.zpadoctor.model.host.FohhState.CONNECTED && b.dataConnections() != null
                && b.dataConnections() == 0);
    }

    /** The filesystem that holds the path: of those that do, the most specific mount. */
    public static DiskUsage holding(Collection<?> filesystems, String path) {
        DiskUsage best = null;
        for (Object o : filesystems) {
            DiskUsage d = (DiskUsage) o;
            if (d.mountedOn() != null && d.holds(path)
                    && (best == null || d.mountedOn().length() > best.mountedOn().length())) {
                best = d;
            }
        }
        return best;
    }

    /** Normalised CPU: a percentage of all the VM's cores (ps shows up to 100 % per core). */
    public static double perCore(double cpuPercent, int cpus) {
        return cpus <= 0 ? cpuPercent : cpuPercent / cpus;
    }

    /** "ip:port outcome" for each probe in the file's order (a collect's order is the engine's), comma-separated. */
    public static String probes(Collection<?> probes) {
        return inFileOrder(probes).stream()
                .map(p -> p.target() + ":" + p.port() + " "
                        + p.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
                .collect(Collectors.joining(", "));
    }

    /** The probe that comes first in its file: the line the evidence cites. */
    public static TcpProbe first(Collection<?> probes) {
        return inFileOrder(probes).get(0);
    }

    private static List<TcpProbe> inFileOrder(Collection<?> probes) {
        return probes.stream().map(o -> (TcpProbe) o)
                .sorted(java.util.Comparator.comparing(TcpProbe::source, java.util.Comparator.nullsLast(String::compareTo))
                        .thenComparing(TcpProbe::line, java.util.Comparator.nullsLast(Integer::compareTo)))
                .toList();
    }

    /** Whether every probe failed. */
    public static boolean allFailed(Collection<?> probes) {
        return !probes.isEmpty() && probes.stream().allMatch(o -> ((TcpProbe) o).outcome().failed());
    }

    /** The cleanup-worthy paths among the top disk consumers, with sizes. */
    public static String cleanable(Collection<?> consumers, long minMb) {
        List<String> out = new ArrayList<>();
        for (Object o : consumers) {
            DiskConsumer c = (DiskConsumer) o;
            if (c.sizeMb() >= minMb && isCleanable(c.path())) {
                out.add(c.path() + " (" + c.sizeMb() + " MB)");
            }
        }
        return out.isEmpty() ? null : String.join(", ", out);
    }

    public static boolean isCleanable(String path) {
        return path != null && (path.equals("/var/log") || path.startsWith("/var/log/") || path.equals("/var/cache/yum")
                || path.startsWith("/var/cache/yum/") || path.equals("/var/cache/dnf") || path.startsWith("/var/cache/dnf/"));
    }

    /** The probe files a reported symptom cannot be diagnosed without. */
    public static List<String> probesFor(io.zpadoctor.model.Symptom s) {
        return switch (s) {
            case NOT_ENROLLING -> List.of("journal.txt", "provision-key.txt", "dig-broker.txt", "resolv-conf.txt",
                    "tcp-broker.txt", "tls-broker.txt", "time-sync.txt");
            case DISCONNECTED -> List.of("systemctl-status.txt", "journal.txt", "dig-broker.txt", "resolv-conf.txt",
                    "tcp-broker.txt", "tls-broker.txt");
            case UPGRADE_FAILED -> List.of("journal.txt", "upgrade-reach.txt", "df.txt");
            case HIGH_CPU -> List.of("ps-cpu.txt", "lscpu.txt");
            case HIGH_MEMORY -> List.of("ps-mem.txt", "free.txt", "memory-status.txt");
            case HIGH_DISK -> List.of("df.txt", "du.txt");
            case APP_UNREACHABLE -> List.of("journal.txt");
        };
    }

    /** The probe files the symptom needs that no host folder has, "journal.txt, df.txt", or "" when none. */
    public static String missingProbes(io.zpadoctor.model.Symptom s, Collection<?> hosts) {
        return probesFor(s).stream()
                .filter(f -> hosts.stream().noneMatch(h -> ((HostInventory) h).files().contains(f)))
                .collect(Collectors.joining(", "));
    }

    /** Host observations in file order (a stable order for evidence, whatever the firing order). */
    public static List<Object> byLine(Collection<?> observations) {
        return observations.stream().map(o -> (io.zpadoctor.model.host.HostObservation) o)
                .sorted(Comparator.comparing(io.zpadoctor.model.host.HostObservation::source)
                        .thenComparing(o -> o.line() == null ? 0 : o.line()))
                .map(o -> (Object) o).toList();
    }

    /** The servers of upgrade-reach results, in order: "dist.private.zscaler.com and yum.private.zscaler.com". */
    public static String servers(List<?> reaches) {
        return reaches.stream().map(o -> ((io.zpadoctor.model.host.UpgradeReach) o).server()).distinct()
                .collect(Collectors.joining(" and "));
    }

    /** Whether host folder {@code a} sorts before {@code b} (a tie-break between hosts; false when either is null). */
    public static boolean before(String a, String b) {
        return a != null && b != null && a.compareTo(b) < 0;
    }

    /** The events' lines, for evidence: "12, 40, 77". */
    public static String lines(Collection<?> events) {
        return events.stream().map(o -> (LogEvent) o).map(e -> String.valueOf(e.line())).distinct()
                .collect(Collectors.joining(", "));
    }

    /** The first event's detail or message, whichever says more. */
    public static String firstDetail(Collection<?> events) {
        return events.stream().map(o -> (LogEvent) o)
                .min(Comparator.comparing(e -> e.line() == null ? 0 : e.line()))
                .map(e -> e.detail() != null ? e.detail() : e.message()).orElse(null);
    }
}
