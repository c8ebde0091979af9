package io.zpadoctor.rules.internal.drl;

import io.zpadoctor.model.derived.NotEnrolling;
import io.zpadoctor.model.derived.ServingGroup;
import io.zpadoctor.model.host.HostInventory;
import io.zpadoctor.model.finding.Finding;
import io.zpadoctor.model.finding.Subject;
import io.zpadoctor.model.tenant.AppConnector;
import io.zpadoctor.model.tenant.ApplicationSegment;
import io.zpadoctor.model.tenant.PortRange;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Small computations the DRL consequences need; kept here so the rules read as conditions, not code. */
public final class RuleHelpers {
    /** Host probes that speak to enrollment, in the order an engineer would look at them. */
    static final List<String> ENROLLMENT_PROBES = HostHelpers.probesFor(io.zpadoctor.model.Symptom.NOT_ENROLLING);

    private RuleHelpers() {
    }

    /** Seconds from {@code from} to {@code now}, or -1 when {@code from} is unknown. */
    public static long secondsBetween(Instant from, Instant now) {
        return from == null || now == null ? -1 : Math.max(0, Duration.between(from, now).getSeconds());
    }

    /**
     * The status a connector left behind still reports as running (IN_PROGRESS, RESTARTING), or null: such an upgrade
     * is past the day it may take and stuck, and the report must not say none is running.
     */
    public static String stuckUpgrade(io.zpadoctor.model.tenant.AppConnector c) {
        io.zpadoctor.model.tenant.UpgradeStatus s = c.upgradeStatus();
        return s == io.zpadoctor.model.tenant.UpgradeStatus.IN_PROGRESS
                || s == io.zpadoctor.model.tenant.UpgradeStatus.RESTARTING ? c.upgradeStatusRaw() : null;
    }

    /** A duration the way the ZPA portal prints it: {@code 4d 19h 46m}, {@code 17h 32m}, {@code 5m 10s}. */
    public static String humanDuration(long seconds) {
        if (seconds < 0) {
            return "unknown";
        }
        long d = seconds / 86_400;
        long h = seconds % 86_400 / 3_600;
        long m = seconds % 3_600 / 60;
        long s = seconds % 60;
        if (d > 0) {
            return d + "d " + h + "h " + m + "m";
        }
        if (h > 0) {
            return h + "h " + m + "m";
        }
        return m > 0 ? m + "m " + s + "s" : s + "s";
    }

    /** A segment's ports as an administrator writes them: {@code tcp 443, 8000-8999; udp 53}. */
    public static String ports(ApplicationSegment s) {
        List<String> parts = new ArrayList<>();
        if (!s.tcpPortRanges().isEmpty()) {
            parts.add("tcp " + s.tcpPortRanges().stream().map(PortRange::toString).collect(Collectors.joining(", ")));
        }
        if (!s.udpPortRanges().isEmpty()) {
            parts.add("udp " + s.udpPortRanges().stream().map(PortRange::toString).collect(Collectors.joining(", ")));
        }
        return parts.isEmpty() ? "no ports" : String.join("; ", parts);
    }

    /** Serving groups with their counts: {@code DC1 (0 of 2 serving), DC2 (0 of 1 serving)}. */
    public static String groupCounts(Collection<?> servingGroups) {
        return servingGroups.stream().map(o -> (ServingGroup) o)
                .map(p -> p.connectorGroupName() + " (" + p.serving() + " of " + p.total() + " serving)")
                .distinct().sorted().collect(Collectors.joining(", "));
    }

    /** The serving paths with one per connector group (a group serves each segment by its own path), in name order. */
    public static List<ServingGroup> distinctGroups(Collection<?> servingGroups) {
        Map<String, ServingGroup> byGroup = new TreeMap<>();
        for (Object o : servingGroups) {
            ServingGroup p = (ServingGroup) o;
            byGroup.putIfAbsent(p.connectorGroupName() + "\u0000" + p.connectorGroupId(), p);
        }
        return List.copyOf(byGroup.values());
    }

    /** Whole days from {@code now} to {@code then}, negative when {@code then} has passed. */
    public static long daysBetween(Instant now, Instant then) {
        return Math.floorDiv(then.getEpochSecond() - now.getEpochSecond(), 86_400L);
    }

    /** A finding (ZPA-FLT-006) about the stale one of two connector records that are the same VM. */
    public static Finding duplicate(String code, AppConnector stale, AppConnector live, String field, String value) {
        Instant lastSeen = latest(stale.lastBrokerConnectTime(), stale.lastBrokerDisconnectTime());
        Finding.Builder b = Finding.builder(code)
                .subject(Subject.of(stale))
                .concern(stale.groupId())
                .concern(live.id())
                .evidence(stale.source(), field + " of " + stale.displayName(), value)
                .evidence(live.source(), field + " of " + live.displayName(), value)
                .evidence(stale.source(), "controlChannelStatus of " + stale.displayName(), stale.statusText())
                .param("staleName", stale.displayName())
                .param("staleId", stale.id())
                .param("liveName", live.displayName())
                .param("liveId", live.id())
                .param("groupId", stale.groupId())
                .param("field", field)
                .param("value", value)
                .param("lastSeen", iso(lastSeen));
        if (lastSeen != null) {
            // the words say when the cloud last saw the record: the field that says so is cited
            b.evidence(stale.source(), (lastSeen.equals(stale.lastBrokerDisconnectTime()) ? "lastBrokerDisconnectTime"
                    : "lastBrokerConnectTime") + " of " + stale.displayName(), iso(lastSeen));
        }
        return b.build();
    }

    /** The later of two times, either of which may be unknown: a record disconnects after it last connected. */
    static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    /** A number with one decimal, as the report prints offsets: {@code 312.4}. */
    public static String oneDecimal(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f", v);
    }

    /** ISO-8601 text of an instant, or null. */
    public static String iso(Instant t) {
        return t == null ? null : t.toString();
    }

    /** Names of the connectors among the not-enrolling facts, sorted, or null when none is named. */
    public static String connectorNames(Collection<?> notEnrolling) {
        String names = notEnrolling.stream().map(o -> ((NotEnrolling) o).connectorName()).filter(Objects::nonNull)
                .collect(Collectors.toCollection(TreeSet::new)).stream().collect(Collectors.joining(", "));
        return names.isEmpty() ? null : names;
    }

    /**
     * The enrollment probe files no host folder holds, comma-separated, or null when every one is there.
     * With a host named, only that host's folder counts.
     */
    public static String missingEnrollmentProbes(Collection<?> inventories, String connectorName) {
        return missingEnrollmentProbes(inventories, List.of(), connectorName);
    }

    /** As above, counting a file that could not be read whole ({@code ProbeProblem}) as missing too. */
    public static String missingEnrollmentProbes(Collection<?> inventories, Collection<?> problems, String connectorName) {
        List<HostInventory> mine = inventories.stream().map(o -> (HostInventory) o)
                .filter(h -> connectorName == null || connectorName.equals(h.connectorName())
                        || connectorName.equalsIgnoreCase(h.host())).toList();
        List<String> missing = new ArrayList<>();
        for (String file : ENROLLMENT_PROBES) {
            boolean present = mine.stream().anyMatch(h -> h.has(file));
            boolean unreadable = present && mine.stream().filter(h -> h.has(file)).allMatch(h -> problems.stream()
                    .map(p -> (io.zpadoctor.model.host.ProbeProblem) p)
                    .anyMatch(p -> p.host().equals(h.host()) && p.file().equals(file)));
            if (!present) {
                missing.add(file);
            } else if (unreadable) {
                missing.add(file + " (not readable whole)");
            }
        }
        return missing.isEmpty() ? null : String.join(", ", missing);
    }
}
