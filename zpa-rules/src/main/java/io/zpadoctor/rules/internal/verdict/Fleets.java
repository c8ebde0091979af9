package io.zpadoctor.rules.internal.verdict;

import io.zpadoctor.model.derived.GroupHealth;
import io.zpadoctor.model.finding.Finding;
import io.zpadoctor.model.finding.Severity;
import io.zpadoctor.model.telemetry.ConnectorTelemetry;
import io.zpadoctor.model.telemetry.WindowStat;
import io.zpadoctor.model.tenant.AppConnector;
import io.zpadoctor.model.tenant.ApplicationSegment;
import io.zpadoctor.model.tenant.ConnectorGroup;
import io.zpadoctor.model.tenant.ControlChannelStatus;
import io.zpadoctor.model.tenant.ProvisioningKey;
import io.zpadoctor.model.tenant.ServerGroup;
import io.zpadoctor.model.tenant.Tenant;
import io.zpadoctor.rules.Diagnosis;
import io.zpadoctor.rules.FleetReport;
import io.zpadoctor.rules.HotSpots;
import io.zpadoctor.rules.internal.tenant.FleetCounts;
import io.zpadoctor.rules.internal.tenant.TenantIndex;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds the fleet summary from a tenant-wide diagnosis. */
public final class Fleets {
    private Fleets() {
    }

    /** The summary of a tenant-wide diagnosis, from an index built with the fleet counts. */
    public static FleetReport summarise(Diagnosis d, Tenant tenant, TenantIndex index) {
        return summarise(d, tenant, index, HotSpots.NONE);
    }

    /** The same, with the hot spots of the tenant's Log Streaming Service records. */
    public static FleetReport summarise(Diagnosis d, Tenant tenant, TenantIndex index, HotSpots hotSpots) {
        FleetCounts counts = index.fleetCounts();
        Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
        for (Finding f : d.findings()) {
            bySeverity.merge(f.severity(), 1, Integer::sum);
        }
        List<FleetReport.Problem> problems = problems(d.findings());
        int down = counts.statuses().getOrDefault(ControlChannelStatus.DISCONNECTED.wireName(), 0);
        FleetReport.Impact impact = new FleetReport.Impact(unreachable(tenant, index, d.findings()),
                groupsDown(tenant, index, d.findings("ZPA-FLT-005")), down, d.findings("ZPA-FLT-004"),
                d.findings("ZPA-FLT-006"), d.findings("ZPA-FLT-003"));
        List<FleetReport.GroupFindings> byGroup = byGroup(d.findings(), index);
        return new FleetReport(d, tenant.connectors().size(), tenant.groups().size(), tenant.keys().size(),
                counts.disabled(), counts.statuses(), counts.versions(), bySeverity, d.findings("ZPA-FLT-001"),
                d.findings("ZPA-FLT-002"), d.findings("ZPA-FLT-003"), d.findings("ZPA-FLT-005"),
                byGroup, impact, groupStates(tenant, index, byGroup), problems, hotSpots);
    }

    /** Every group once: down first, then by its worst finding, then those with fewer connectors up. */
    static List<FleetReport.GroupState> groupStates(Tenant tenant, TenantIndex index,
                                                    List<FleetReport.GroupFindings> byGroup) {
        Map<String, FleetReport.GroupFindings> findings = new HashMap<>();
        byGroup.forEach(g -> {
            if (g.groupId() != null) {
                findings.putIfAbsent(g.groupId(), g);
            }
        });
        Map<String, FleetReport.GroupState> out = new LinkedHashMap<>();
        for (ConnectorGroup g : tenant.groups()) {
            GroupHealth h = index.counts(g);
            FleetReport.GroupFindings gf = findings.get(g.id());
            out.putIfAbsent(g.id(), new FleetReport.GroupState(g.id(), g.displayName(), g.enabled(), h.serving(),
                    h.total(), gf == null ? null : gf.worst(), gf == null ? 0 : gf.findings().size()));
        }
        List<FleetReport.GroupState> list = new ArrayList<>(out.values());
        list.sort(Comparator.comparing((FleetReport.GroupState s) -> !s.down())
                .thenComparing(s -> s.worst() == null ? Severity.values().length : s.worst().ordinal())
                .thenComparingInt(FleetReport.GroupState::serving)
                .thenComparing(FleetReport.GroupState::groupName, Comparator.nullsLast(Comparator.naturalOrder())));
        return list;
    }

    /**
     * The findings no other explains, each with the ones it explains beneath it. A symptom several causes explain
     * goes under the first of them in report order that shares what it concerns, and a symptom whose cause is itself
     * explained goes under that cause's problem, so each finding is counted once.
     */
    static List<FleetReport.Problem> problems(List<Finding> findings) {
        Map<String, List<Finding>> byConcern = new HashMap<>();
        for (Finding f : findings) {
            for (String c : f.concerns()) {
                byConcern.computeIfAbsent(c, k -> new ArrayList<>()).add(f);
            }
        }
        Map<Finding, Finding> rootOf = new IdentityHashMap<>();
        Map<Finding, List<Finding>> beneath = new IdentityHashMap<>();
        for (Finding f : findings) {
            Finding root = root(f, byConcern, rootOf);
            beneath.computeIfAbsent(root, k -> new ArrayList<>());
            if (root != f) {
                beneath.get(root).add(f);
            }
        }
        List<FleetReport.Problem> out = new ArrayList<>();
        for (Finding f : findings) {
            // INFO alone (a record to delete, a note) is cleanup, listed as such, not a problem to count
            if (rootOf.get(f) == f && (f.severity() != Severity.INFO
                    || beneath.get(f).stream().anyMatch(x -> x.severity() != Severity.INFO))) {
                out.add(new FleetReport.Problem(f, beneath.get(f)));
            }
        }
        return out;
    }

    /** The problem a finding is counted under: itself when unexplained, else its first cause's (a cycle stops at it). */
    private static Finding root(Finding f, Map<String, List<Finding>> byConcern, Map<Finding, Finding> rootOf) {
        Finding known = rootOf.get(f);
        if (known != null) {
            return known;
        }
        Set<Finding> path = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        Finding at = f;
        while (at.isExplained() && path.add(at)) {
            Finding cause = causeOf(at, byConcern);
            if (cause == null || path.contains(cause)) {
                break;
            }
            if (rootOf.containsKey(cause)) {
                at = rootOf.get(cause);
                break;
            }
            at = cause;
        }
        rootOf.put(f, at);
        return at;
    }

    private static Finding causeOf(Finding symptom, Map<String, List<Finding>> byConcern) {
        Finding best = null;
        int bestAt = Integer.MAX_VALUE;
        for (String c : symptom.concerns()) {
            List<Finding> candidates = byConcern.getOrDefault(c, List.of());
            for (int i = 0; i < candidates.size() && i < bestAt; i++) {
                Finding g = candidates.get(i);
                if (g != symptom && symptom.explainedBy().contains(g.code())) {
                    best = g;
                    bestAt = i;
                }
            }
        }
        return best;
    }

    /** Every enabled segment with no enabled server group reaching, through an enabled group, a connector that is up. */
    static List<FleetReport.UnreachableApplication> unreachable(Tenant tenant, TenantIndex index, List<Finding> findings) {
        Map<String, Set<String>> serverGroupsOf = new HashMap<>();
        for (ServerGroup sg : tenant.serverGroups()) {
            for (String seg : sg.applicationIds()) {
                serverGroupsOf.computeIfAbsent(seg, k -> new LinkedHashSet<>()).add(sg.id());
            }
        }
        Map<String, List<Finding>> chainFindings = new HashMap<>();
        for (Finding f : findings) {
            if (f.code().startsWith("ZPA-APP-")) {
                for (String c : f.concerns()) {
                    chainFindings.computeIfAbsent(c, k -> new ArrayList<>()).add(f);
                }
            }
        }
        Map<String, GroupHealth> health = new HashMap<>();
        List<FleetReport.UnreachableApplication> out = new ArrayList<>();
        for (ApplicationSegment seg : tenant.segments()) {
            if (!seg.enabled()) {
                continue;
            }
            Set<String> sgIds = new LinkedHashSet<>(seg.serverGroupIds());
            sgIds.addAll(serverGroupsOf.getOrDefault(seg.id(), Set.of()));
            List<FleetReport.ChainLink> chain = new ArrayList<>();
            boolean reachable = false;
            for (String sgId : sgIds) {
                ServerGroup sg = index.serverGroup(sgId);
                if (sg == null) {
                    chain.add(new FleetReport.ChainLink(sgId, null, "not in the tenant's server groups", List.of()));
                    continue;
                }
                String problem = !sg.enabled() ? "disabled" : sg.connectorGroupIds().isEmpty() ? "no connector group"
                        : !sg.findsServers()
                        ? "no discovery and no servers" : null;
                List<FleetReport.ChainGroup> groups = new ArrayList<>();
                for (String gid : sg.connectorGroupIds()) {
                    ConnectorGroup g = index.group(gid);
                    if (g == null) {
                        groups.add(new FleetReport.ChainGroup(gid, null, false, 0, 0));
                        continue;
                    }
                    GroupHealth h = health.computeIfAbsent(gid, k -> index.counts(g));
                    groups.add(new FleetReport.ChainGroup(gid, g.displayName(), g.enabled(), h.serving(), h.total()));
                    reachable |= problem == null && g.enabled() && h.serving() > 0;
                }
                chain.add(new FleetReport.ChainLink(sgId, sg.displayName(), problem, groups));
            }
            if (!reachable) {
                List<Finding> about = new ArrayList<>(chainFindings.getOrDefault(seg.id(), List.of()));
                about.sort(Comparator.comparing(Finding::isExplained));
                out.add(new FleetReport.UnreachableApplication(seg.id(), seg.displayName(), seg.domainNames(), chain,
                        about));
            }
        }
        out.sort(Comparator.comparing(FleetReport.UnreachableApplication::segmentName,
                Comparator.nullsLast(Comparator.naturalOrder())));
        return out;
    }

    /** Groups with connectors and none of them serving, the largest first. */
    static List<FleetReport.GroupDown> groupsDown(Tenant tenant, TenantIndex index, List<Finding> outages) {
        Map<String, Finding> outageOf = new HashMap<>();
        outages.forEach(f -> outageOf.putIfAbsent(f.subject().id(), f));
        List<FleetReport.GroupDown> out = new ArrayList<>();
        for (ConnectorGroup g : tenant.groups()) {
            GroupHealth h = index.counts(g);
            if (g.enabled() && h.total() > 0 && h.serving() == 0) {
                out.add(new FleetReport.GroupDown(g.id(), g.displayName(), h.total(), h.disconnected(),
                        outageOf.get(g.id())));
            }
        }
        out.sort(Comparator.comparingInt((FleetReport.GroupDown x) -> -x.total())
                .thenComparing(FleetReport.GroupDown::groupName, Comparator.nullsLast(Comparator.naturalOrder())));
        return out;
    }

    /** How many connectors and groups the hot spots list. */
    static final int TOP = 10;

    /** The busiest of the matched connectors' summaries, and the groups with the highest average CPU. */
    public static HotSpots hotSpots(List<ConnectorTelemetry> matched) {
        if (matched.isEmpty()) {
            return HotSpots.NONE;
        }
        List<HotSpots.Connector> connectors = new ArrayList<>(matched.size());
        Map<String, List<ConnectorTelemetry>> byGroup = new LinkedHashMap<>();
        Instant asOf = null;
        for (ConnectorTelemetry t : matched) {
            asOf = t.asOf();
            byGroup.computeIfAbsent(t.groupId(), k -> new ArrayList<>()).add(t);
            Double cpu = max(t.cpu());
            Double mem = max(t.systemMemory());
            Double proc = max(t.processMemory());
            Double fd = maxOf(t.systemFdPercent(), t.processFdPercent());
            String busiest = null;
            double top = -1;
            String[] names = {"CPU", "memory", "process memory", "ports", "file descriptors"};
            Double[] values = {cpu, mem, proc, t.portsInUsePercent(), fd};
            for (int i = 0; i < names.length; i++) {
                if (values[i] != null && values[i] > top) {
                    top = values[i];
                    busiest = names[i];
                }
            }
            if (busiest == null) {
                continue;   // records without any share in use (Status records of a connector's failures only)
            }
            connectors.add(new HotSpots.Connector(t.connectorId(), t.connector(), t.groupId(), t.group(), cpu, mem,
                    proc, t.availableDiskBytes() == null ? null : t.availableDiskBytes() / (1024 * 1024),
                    t.portsInUsePercent(), fd, busiest, top));
        }
        List<HotSpots.Connector> busiest = top(connectors, Comparator.comparingDouble(HotSpots.Connector::busiestPercent)
                .reversed().thenComparing(HotSpots.Connector::connectorName), TOP);
        List<HotSpots.Group> groups = new ArrayList<>();
        byGroup.forEach((gid, list) -> {
            double[] cpus = list.stream().map(t -> max(t.cpu())).filter(java.util.Objects::nonNull)
                    .mapToDouble(Double::doubleValue).toArray();
            double[] mems = list.stream().map(t -> max(t.systemMemory())).filter(java.util.Objects::nonNull)
                    .mapToDouble(Double::doubleValue).toArray();
            if (cpus.length > 0) {
                groups.add(new HotSpots.Group(gid, list.get(0).group(), list.size(),
                        round(java.util.Arrays.stream(cpus).average().orElse(0)),
                        java.util.Arrays.stream(cpus).max().orElse(0),
                        round(java.util.Arrays.stream(mems).average().orElse(0))));
            }
        });
        groups.sort(Comparator.comparingDouble(HotSpots.Group::cpuAverage).reversed()
                .thenComparing(g -> g.groupName() == null ? "" : g.groupName()));
        return new HotSpots(asOf, matched.size(), busiest, groups.subList(0, Math.min(TOP, groups.size())));
    }

    /**
     * The first {@code k} of {@code all} in {@code order}, ties kept in list order: what sorting the whole list and
     * taking its head gives, without sorting a watch's 10,000 connectors on every diagnosis to show ten.
     */
    static <T> List<T> top(List<T> all, Comparator<? super T> order, int k) {
        List<T> best = new ArrayList<>(Math.max(0, Math.min(k, all.size())) + 1);
        if (k <= 0) {
            return best;
        }
        for (T t : all) {
            if (best.size() == k && order.compare(t, best.get(k - 1)) >= 0) {
                continue;   // no better than the last kept: a later equal one stays behind it, as a stable sort keeps it
            }
            int at = best.size();
            while (at > 0 && order.compare(t, best.get(at - 1)) < 0) {
                at--;
            }
            best.add(at, t);
            if (best.size() > k) {
                best.remove(k);
            }
        }
        return best;
    }

    /** The larger of two shares either of which may be unknown (a ternary would unbox a null). */
    static Double maxOf(Double a, Double b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Double.valueOf(Math.max(a, b));
    }

    private static Double max(WindowStat s) {
        return s.samples() == 0 ? null : s.max();
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /** Findings per group, worst group first; the findings keep the diagnosis's order inside a group. */
    static List<FleetReport.GroupFindings> byGroup(List<Finding> findings, TenantIndex index) {
        Map<String, List<Finding>> groups = new LinkedHashMap<>();
        for (Finding f : findings) {
            groups.computeIfAbsent(groupOf(f, index), k -> new ArrayList<>()).add(f);
        }
        List<FleetReport.GroupFindings> out = new ArrayList<>();
        groups.forEach((gid, list) -> {
            ConnectorGroup g = index.group(gid);
            Severity worst = list.stream().map(Finding::severity).min(Enum::compareTo).orElse(Severity.INFO);
            out.add(new FleetReport.GroupFindings(gid, g == null ? (gid == null ? null : gid) : g.displayName(),
                    worst, list));
        });
        out.sort(Comparator.comparing(FleetReport.GroupFindings::worst)
                .thenComparing(gf -> gf.groupId() == null)
                .thenComparing(gf -> -gf.findings().size())
                .thenComparing(gf -> gf.groupName() == null ? "" : gf.groupName()));
        return out;
    }

    /** The group a finding belongs to: its subject's group, else a group it concerns, else none (tenant-wide). */
    static String groupOf(Finding f, TenantIndex index) {
        String id = f.subject().id();
        switch (f.subject().type()) {
            case CONNECTOR_GROUP -> {
                if (id != null) {
                    return id;
                }
            }
            case CONNECTOR -> {
                AppConnector c = index.connector(id);
                if (c != null && c.groupId() != null) {
                    return c.groupId();
                }
            }
            case PROVISIONING_KEY -> {
                ProvisioningKey k = index.key(id);
                if (k != null && k.groupId() != null) {
                    return k.groupId();
                }
            }
            default -> {
            }
        }
        for (String c : f.concerns()) {
            if (index.group(c) != null) {
                return c;
            }
        }
        return null;
    }
}
