package io.zpadoctor.examples.bench;

import io.zpadoctor.model.Thresholds;
import io.zpadoctor.model.tenant.AppConnector;
import io.zpadoctor.model.tenant.ApplicationSegment;
import io.zpadoctor.model.tenant.ConnectorGroup;
import io.zpadoctor.model.tenant.ControlChannelStatus;
import io.zpadoctor.model.tenant.EnrollmentCertificate;
import io.zpadoctor.model.tenant.ProvisioningKey;
import io.zpadoctor.model.tenant.ServerGroup;
import io.zpadoctor.model.tenant.Tenant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tenant-wide checks of the rules, written as plain loops over the same records: the speed floor the
 * Drools diagnosis is compared with, and an independent cross-check of what it finds.
 */
public final class PlainJavaChecks {
    private PlainJavaChecks() {
    }

    public static Set<SyntheticTenant.Expected> run(Tenant t, Instant now, Thresholds th) {
        Set<SyntheticTenant.Expected> out = new HashSet<>();
        Map<String, List<AppConnector>> byGroup = new HashMap<>();
        Map<String, AppConnector> liveByFingerprint = new HashMap<>();
        Map<String, AppConnector> liveByGroupIp = new HashMap<>();
        for (AppConnector c : t.connectors()) {
            byGroup.computeIfAbsent(c.groupId(), k -> new ArrayList<>()).add(c);
            if (c.controlChannelStatus() == ControlChannelStatus.AUTHENTICATED) {
                if (c.fingerprint() != null) {
                    liveByFingerprint.put(c.fingerprint(), c);
                }
                if (c.privateIp() != null && c.groupId() != null) {
                    liveByGroupIp.put(c.groupId() + "/" + c.privateIp(), c);
                }
            }
        }
        Set<String> keyIds = new HashSet<>();
        t.keys().forEach(k -> keyIds.add(k.id()));
        Set<String> segmentServerGroups = new HashSet<>();
        for (ApplicationSegment s : t.segments()) {
            segmentServerGroups.addAll(s.serverGroupIds());
        }
        Set<String> servingGroups = new HashSet<>();
        Set<String> referencedGroups = new HashSet<>();
        for (ServerGroup sg : t.serverGroups()) {
            referencedGroups.addAll(sg.connectorGroupIds());
            if (segmentServerGroups.contains(sg.id()) || !sg.applicationIds().isEmpty()) {
                servingGroups.addAll(sg.connectorGroupIds());
            }
        }
        long staleSeconds = th.staleDisconnectDays() * 86_400L;
        for (AppConnector c : t.connectors()) {
            String id = c.id();
            switch (c.controlChannelStatus()) {
                case DISCONNECTED -> {
                    add(out, "ZPA-CON-001", id);
                    if (c.lastBrokerDisconnectTime() != null
                            && now.getEpochSecond() - c.lastBrokerDisconnectTime().getEpochSecond() >= staleSeconds) {
                        add(out, "ZPA-FLT-004", id);
                    }
                }
                case UNKNOWN -> add(out, "ZPA-CON-004", id);
                default -> {
                }
            }
            if (!c.enabled()) {
                add(out, "ZPA-CON-005", id);
            }
            if (c.upgradeFailed()) {
                add(out, "ZPA-UPG-002", id);
            }
            if (c.versionDiffers() && (c.upgradeFailed() || !c.upgradeScheduledAfter(now)) && !c.upgradeRunningAt(now)) {
                add(out, "ZPA-UPG-001", id);
            }
            if (c.provisioningKeyId() != null && !keyIds.contains(c.provisioningKeyId())) {
                add(out, "ZPA-UPG-004", id);
            }
            if (c.controlChannelStatus() != ControlChannelStatus.AUTHENTICATED) {
                AppConnector twin = c.fingerprint() == null ? null : liveByFingerprint.get(c.fingerprint());
                if (twin == null && c.privateIp() != null && c.groupId() != null) {
                    twin = liveByGroupIp.get(c.groupId() + "/" + c.privateIp());
                }
                if (twin != null && !twin.id().equals(id)) {
                    add(out, "ZPA-FLT-006", id);
                }
            }
        }
        for (ConnectorGroup g : t.groups()) {
            List<AppConnector> members = byGroup.getOrDefault(g.id(), List.of());
            if (!g.enabled()) {
                add(out, "ZPA-CON-007", g.id());
            }
            Set<String> versions = new HashSet<>();
            int serving = 0;
            int down = 0;
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            boolean timesKnown = true;
            for (AppConnector c : members) {
                if (c.currentVersion() != null) {
                    versions.add(c.currentVersion());
                }
                if (c.isServing()) {
                    serving++;
                }
                if (c.controlChannelStatus() == ControlChannelStatus.DISCONNECTED) {
                    down++;
                }
                if (c.lastBrokerDisconnectTime() == null) {
                    timesKnown = false;
                } else {
                    first = Math.min(first, c.lastBrokerDisconnectTime().getEpochSecond());
                    last = Math.max(last, c.lastBrokerDisconnectTime().getEpochSecond());
                }
            }
            if (versions.size() > 1) {
                add(out, "ZPA-UPG-006", g.id());
            }
            if (g.enabled() && !members.isEmpty() && serving < 2 && servingGroups.contains(g.id())) {
                add(out, "ZPA-FLT-001", g.id());
            }
            if (members.isEmpty() && referencedGroups.contains(g.id())) {
                add(out, "ZPA-FLT-002", g.id());
            }
            if (members.size() >= 2 && down == members.size() && timesKnown
                    && last - first <= th.correlatedOutageMinutes() * 60L) {
                add(out, "ZPA-FLT-005", g.id());
            }
            if (g.enabled() && members.size() >= 2 && down == members.size()
                    && (!timesKnown || last - first > th.correlatedOutageMinutes() * 60L)) {
                add(out, "ZPA-FLT-008", g.id());
            }
        }
        chains(t, byGroup, out);
        for (ProvisioningKey k : t.keys()) {
            if (k.isForConnectors() && k.enabled() && k.maxUsage() != null && k.maxUsage() > 0 && k.usageCount() != null
                    && k.usageCount() * 100.0 >= k.maxUsage() * th.keyUsageWarnPercent()) {
                add(out, "ZPA-FLT-003", k.id());
            }
        }
        for (EnrollmentCertificate cert : t.certificates()) {
            if (cert.validTo() != null
                    && Math.floorDiv(cert.validTo().getEpochSecond() - now.getEpochSecond(), 86_400L) < th.certificateExpiryDays()
                    && ("Connector".equals(cert.name()) || referenced(t, cert.id()))) {
                add(out, "ZPA-HLT-002", cert.id());
            }
        }
        return out;
    }

    /** Every enabled segment's chain: its server groups, their connector groups, a connector up among them. */
    private static void chains(Tenant t, Map<String, List<AppConnector>> byGroup, Set<SyntheticTenant.Expected> out) {
        Map<String, ServerGroup> serverGroups = new HashMap<>();
        Map<String, Set<String>> serverGroupsOfSegment = new HashMap<>();
        for (ServerGroup sg : t.serverGroups()) {
            serverGroups.putIfAbsent(sg.id(), sg);
            for (String seg : sg.applicationIds()) {
                serverGroupsOfSegment.computeIfAbsent(seg, k -> new LinkedHashSet<>()).add(sg.id());
            }
        }
        Map<String, ConnectorGroup> groups = new HashMap<>();
        t.groups().forEach(g -> groups.putIfAbsent(g.id(), g));
        for (ApplicationSegment s : t.segments()) {
            if (!s.enabled()) {
                continue;
            }
            Set<String> sgIds = serverGroupsOfSegment.computeIfAbsent(s.id(), k -> new LinkedHashSet<>());
            sgIds.addAll(s.serverGroupIds());
            if (sgIds.isEmpty()) {
                add(out, "ZPA-APP-004", s.id());
            }
            List<String> withPath = new ArrayList<>();
            boolean up = false;
            List<String> disabledGroups = new ArrayList<>();
            for (String sgId : sgIds) {
                ServerGroup sg = serverGroups.get(sgId);
                if (sg == null) {
                    continue;
                }
                if (!sg.enabled()) {
                    add(out, "ZPA-APP-005", sg.id());
                    continue;
                }
                if (sg.connectorGroupIds().isEmpty()) {
                    add(out, "ZPA-APP-006", sg.id());
                }
                if (!sg.dynamicDiscovery() && sg.serversListed() && sg.servers().isEmpty()) {
                    add(out, "ZPA-APP-007", sg.id());
                }
                for (String gid : sg.connectorGroupIds()) {
                    ConnectorGroup g = groups.get(gid);
                    if (g == null) {
                        continue;
                    }
                    if (!g.enabled()) {
                        disabledGroups.add(g.id());
                        continue;
                    }
                    if (withPath.isEmpty() || !withPath.get(withPath.size() - 1).equals(sg.id())) {
                        withPath.add(sg.id());
                    }
                    up |= byGroup.getOrDefault(gid, List.of()).stream().anyMatch(AppConnector::isServing);
                }
            }
            if (!up) {
                // a disabled group breaks the chain only where no other group still serves the segment
                disabledGroups.forEach(gid -> add(out, "ZPA-APP-008", gid));
            }
            if (!up) {
                // one finding per server group that has a path and no live connector on it
                withPath.forEach(sgId -> add(out, "ZPA-APP-009", sgId));
            }
        }
    }

    private static boolean referenced(Tenant t, String certId) {
        return t.groups().stream().anyMatch(g -> certId.equals(g.enrollmentCertId()))
                || t.keys().stream().anyMatch(k -> certId.equals(k.enrollmentCertId()))
                || t.connectors().stream().anyMatch(c -> certId.equals(c.enrollmentCertId()));
    }

    private static void add(Set<SyntheticTenant.Expected> out, String code, String id) {
        out.add(new SyntheticTenant.Expected(code, id));
    }
}
