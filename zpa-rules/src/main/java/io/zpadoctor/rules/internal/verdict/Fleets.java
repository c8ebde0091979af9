package io.zpadoctor.rules.internal.verdict;

import io.zpadoctor.model.finding.Finding;
import io.zpadoctor.model.finding.Severity;
import io.zpadoctor.model.tenant.AppConnector;
import io.zpadoctor.model.tenant.ConnectorGroup;
import io.zpadoctor.model.tenant.ProvisioningKey;
import io.zpadoctor.model.tenant.Tenant;
import io.zpadoctor.rules.Diagnosis;
import io.zpadoctor.rules.FleetReport;
import io.zpadoctor.rules.internal.tenant.FleetCounts;
import io.zpadoctor.rules.internal.tenant.TenantIndex;

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
        FleetCounts counts = index.fleetCounts();
        Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
        for (Finding f : d.findings()) {
            bySeverity.merge(f.severity(), 1, Integer::sum);
        }
        return new FleetReport(d, tenant.connectors().size(), tenant.groups().size(), tenant.keys().size(),
                counts.disabled(), counts.statuses(), counts.versions(), bySeverity, d.findings("ZPA-FLT-001"),
                d.findings("ZPA-FLT-002"), d.findings("ZPA-FLT-003"), d.findings("ZPA-FLT-005"),
                byGroup(d.findings(), index));
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
