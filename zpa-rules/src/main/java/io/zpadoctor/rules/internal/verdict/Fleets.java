package io.zpadoctor.rules.internal.verdict;

import io.zpadoctor.model.finding.Finding;
import io.zpadoctor.model.finding.Severity;
import io.zpadoctor.model.telemetry.ConnectorTelemetry;
import io.zpadoctor.model.telemetry.WindowStat;
import io.zpadoctor.model.tenant.AppConnector;
import io.zpadoctor.model.tenant.ConnectorGroup;
import io.zpadoctor.model.tenant.ProvisioningKey;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        return new FleetReport(d, tenant.connectors().size(), tenant.groups().size(), tenant.keys().size(),
                counts.disabled(), counts.statuses(), counts.versions(), bySeverity, d.findings("ZPA-FLT-001"),
                d.findings("ZPA-FLT-002"), d.findings("ZPA-FLT-003"), d.findings("ZPA-FLT-005"),
                byGroup(d.findings(), index), hotSpots);
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
            Double fd = t.systemFdPercent() == null ? t.processFdPercent() : t.processFdPercent() == null
                    ? t.systemFdPercent() : Math.max(t.systemFdPercent(), t.processFdPercent());
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
        connectors.sort(Comparator.comparingDouble(HotSpots.Connector::busiestPercent).reversed()
                .thenComparing(HotSpots.Connector::connectorName));
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
        return new HotSpots(asOf, matched.size(), connectors.subList(0, Math.min(TOP, connectors.size())),
                groups.subList(0, Math.min(TOP, groups.size())));
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
