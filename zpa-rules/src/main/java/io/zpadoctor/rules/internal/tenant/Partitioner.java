package io.zpadoctor.rules.internal.tenant;

import io.zpadoctor.model.Facts;
import io.zpadoctor.model.tenant.AppConnector;
import io.zpadoctor.model.tenant.ApplicationSegment;
import io.zpadoctor.model.tenant.ConnectorGroup;
import io.zpadoctor.model.tenant.ProvisioningKey;
import io.zpadoctor.model.tenant.ServerGroup;
import io.zpadoctor.model.tenant.Tenant;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits a tenant-wide diagnosis into sessions of whole connector groups, so a large tenant is diagnosed in
 * pieces whose working memory dies young instead of one session the garbage collector has to walk again and
 * again. A shard holds everything the built-in rules join a group with: its connectors and keys, the keys its
 * connectors name, the server groups that use it with their segments, and every certificate.
 * Groups whose connectors share a fingerprint go into one shard, since the duplicate rule
 * compares them, and so do the groups that serve one segment, since whether a segment is served is decided over all
 * of them; server groups that use no listed group and segments no such server group serves go with the last shard. Rules then see exactly what they would in one session; findings about shared objects (a
 * certificate, a key named from another group) come out of several shards identical and are merged.
 */
public final class Partitioner {
    private Partitioner() {
    }

    /**
     * Whether a diagnosis can be split: only a tenant-wide one (a named case joins across groups) without host
     * evidence (a host's key prefix is matched against every key, and a support bundle holds a handful of hosts).
     */
    public static boolean applies(Facts facts) {
        io.zpadoctor.model.ReportedCase c = facts.reportedCase();
        return c.symptom() == null && c.application() == null && !c.hasScope() && facts.hostFacts().isEmpty();
    }

    /** The shards, each with about {@code shardConnectors} connectors (a single large group stays whole). */
    public static List<Facts> shards(Facts facts, int shardConnectors) {
        Tenant t = facts.tenant();
        Map<String, List<AppConnector>> byGroup = new LinkedHashMap<>();
        for (ConnectorGroup g : t.groups()) {
            byGroup.put(g.id(), new ArrayList<>());
        }
        List<AppConnector> orphans = new ArrayList<>();
        for (AppConnector c : t.connectors()) {
            List<AppConnector> list = c.groupId() == null ? null : byGroup.get(c.groupId());
            (list != null ? list : orphans).add(c);
        }
        UnionFind groups = new UnionFind(byGroup.keySet());
        Map<String, String> groupOfFingerprint = new HashMap<>();
        for (AppConnector c : t.connectors()) {
            if (c.fingerprint() != null && c.groupId() != null && byGroup.containsKey(c.groupId())) {
                String other = groupOfFingerprint.putIfAbsent(c.fingerprint(), c.groupId());
                if (other != null) {
                    groups.union(other, c.groupId());
                }
            }
        }
        Map<String, List<ServerGroup>> serverGroupsOfSegment = new HashMap<>();
        for (ServerGroup sg : t.serverGroups()) {
            for (String app : sg.applicationIds()) {
                serverGroupsOfSegment.computeIfAbsent(app, x -> new ArrayList<>()).add(sg);
            }
        }
        Map<String, ServerGroup> serverGroupsById = new HashMap<>();
        t.serverGroups().forEach(sg -> serverGroupsById.putIfAbsent(sg.id(), sg));
        List<ApplicationSegment> unplaced = new ArrayList<>();
        for (ApplicationSegment s : t.segments()) {
            List<ServerGroup> sgs = new ArrayList<>(serverGroupsOfSegment.getOrDefault(s.id(), List.of()));
            s.serverGroupIds().forEach(id -> {
                ServerGroup sg = serverGroupsById.get(id);
                if (sg != null) {
                    sgs.add(sg);
                }
            });
            String first = null;
            for (ServerGroup sg : sgs) {
                for (String cg : sg.connectorGroupIds()) {
                    if (byGroup.containsKey(cg)) {
                        if (first == null) {
                            first = cg;
                        } else {
                            groups.union(first, cg);
                        }
                    }
                }
            }
            if (first == null) {
                unplaced.add(s);
            }
        }
        List<ServerGroup> unplacedServerGroups = new ArrayList<>();
        for (ServerGroup sg : t.serverGroups()) {
            if (sg.connectorGroupIds().stream().noneMatch(byGroup::containsKey)) {
                unplacedServerGroups.add(sg);
            }
        }
        Map<String, List<String>> components = new LinkedHashMap<>();
        for (String gid : byGroup.keySet()) {
            components.computeIfAbsent(groups.find(gid), k -> new ArrayList<>()).add(gid);
        }
        Map<String, ProvisioningKey> keysById = new HashMap<>();
        Map<String, List<ProvisioningKey>> keysByGroup = new HashMap<>();
        List<ProvisioningKey> orphanKeys = new ArrayList<>();
        for (ProvisioningKey k : t.keys()) {
            keysById.putIfAbsent(k.id(), k);
            if (k.groupId() != null && byGroup.containsKey(k.groupId())) {
                keysByGroup.computeIfAbsent(k.groupId(), x -> new ArrayList<>()).add(k);
            } else {
                orphanKeys.add(k);
            }
        }
        Map<String, List<ServerGroup>> serverGroupsByGroup = new HashMap<>();
        for (ServerGroup sg : t.serverGroups()) {
            for (String cg : sg.connectorGroupIds()) {
                serverGroupsByGroup.computeIfAbsent(cg, x -> new ArrayList<>()).add(sg);
            }
        }
        Map<String, List<ApplicationSegment>> segmentsByServerGroup = new HashMap<>();
        Map<String, ApplicationSegment> segmentsById = new HashMap<>();
        for (ApplicationSegment s : t.segments()) {
            segmentsById.putIfAbsent(s.id(), s);
            for (String sg : s.serverGroupIds()) {
                segmentsByServerGroup.computeIfAbsent(sg, x -> new ArrayList<>()).add(s);
            }
        }
        List<Facts> shards = new ArrayList<>();
        Shard current = new Shard();
        for (List<String> component : components.values()) {
            for (String gid : component) {
                current.groups.add(gid);
                current.connectors.addAll(byGroup.get(gid));
            }
            if (current.connectors.size() >= shardConnectors) {
                shards.add(current.facts(facts, byGroup, keysById, keysByGroup, serverGroupsByGroup,
                        segmentsByServerGroup, segmentsById, List.of(), List.of(), List.of(), List.of()));
                current = new Shard();
            }
        }
        shards.add(current.facts(facts, byGroup, keysById, keysByGroup, serverGroupsByGroup, segmentsByServerGroup,
                segmentsById, orphans, orphanKeys, unplacedServerGroups, unplaced));
        return shards;
    }

    private static final class Shard {
        final Set<String> groups = new LinkedHashSet<>();
        final List<AppConnector> connectors = new ArrayList<>();

        Facts facts(Facts all, Map<String, List<AppConnector>> byGroup, Map<String, ProvisioningKey> keysById,
                    Map<String, List<ProvisioningKey>> keysByGroup, Map<String, List<ServerGroup>> sgByGroup,
                    Map<String, List<ApplicationSegment>> segBySg, Map<String, ApplicationSegment> segById,
                    List<AppConnector> extraConnectors, List<ProvisioningKey> extraKeys,
                    List<ServerGroup> extraServerGroups, List<ApplicationSegment> extraSegments) {
            Tenant t = all.tenant();
            List<AppConnector> cs = new ArrayList<>(connectors);
            cs.addAll(extraConnectors);
            Set<ProvisioningKey> keys = new LinkedHashSet<>(extraKeys);
            Set<ServerGroup> sgs = new LinkedHashSet<>(extraServerGroups);
            List<ConnectorGroup> gs = new ArrayList<>();
            for (ConnectorGroup g : t.groups()) {
                if (groups.contains(g.id())) {
                    gs.add(g);
                    keys.addAll(keysByGroup.getOrDefault(g.id(), List.of()));
                    sgs.addAll(sgByGroup.getOrDefault(g.id(), List.of()));
                }
            }
            for (AppConnector c : cs) {
                ProvisioningKey named = c.provisioningKeyId() == null ? null : keysById.get(c.provisioningKeyId());
                if (named != null) {
                    keys.add(named);
                }
            }
            Set<ApplicationSegment> segs = new LinkedHashSet<>(extraSegments);
            for (ServerGroup sg : sgs) {
                segs.addAll(segBySg.getOrDefault(sg.id(), List.of()));
                for (String app : sg.applicationIds()) {
                    ApplicationSegment s = segById.get(app);
                    if (s != null) {
                        segs.add(s);
                    }
                }
            }
            Tenant shard = new Tenant(cs, gs, new ArrayList<>(keys), t.certificates(), new ArrayList<>(sgs),
                    new ArrayList<>(segs), t.loaded());
            return new Facts(shard, List.of(), all.reportedCase(), all.evaluationTime(), all.thresholds(), all.origin(),
                    all.notes());
        }
    }

    /** Disjoint sets of group ids. */
    private static final class UnionFind {
        private final Map<String, String> parent = new HashMap<>();

        UnionFind(Set<String> ids) {
            ids.forEach(i -> parent.put(i, i));
        }

        String find(String x) {
            String root = x;
            while (!parent.get(root).equals(root)) {
                root = parent.get(root);
            }
            while (!x.equals(root)) {
                String next = parent.get(x);
                parent.put(x, root);
                x = next;
            }
            return root;
        }

        void union(String a, String b) {
            String ra = find(a);
            String rb = find(b);
            if (!ra.equals(rb)) {
                parent.put(rb, ra);
            }
        }
    }
}
