package io.zpadoctor.rules.internal.tenant;

import io.zpadoctor.model.derived.CertificateInUse;
import io.zpadoctor.model.derived.EnrolledWithKey;
import io.zpadoctor.model.derived.GroupHealth;
import io.zpadoctor.model.derived.GroupInServerGroup;
import io.zpadoctor.model.derived.SameAddress;
import io.zpadoctor.model.derived.SameFingerprint;
import io.zpadoctor.model.derived.SegmentUsesServerGroup;
import io.zpadoctor.model.internal.lookup.ConnectorsById;
import io.zpadoctor.model.internal.lookup.GroupHealthById;
import io.zpadoctor.model.internal.lookup.TenantKeys;
import io.zpadoctor.model.tenant.AppConnector;
import io.zpadoctor.model.tenant.ApplicationSegment;
import io.zpadoctor.model.tenant.ConnectorGroup;
import io.zpadoctor.model.tenant.ProvisioningKey;
import io.zpadoctor.model.tenant.ServerGroup;
import io.zpadoctor.model.tenant.Tenant;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.zpadoctor.rules.internal.tenant.TenantIndex.capacity;
import static io.zpadoctor.rules.internal.tenant.TenantIndex.pair;

/** The relations a session takes beside the tenant's records, computed once in Java (see {@link #relations}). */
public final class Relations {
    private Relations() {
    }

    /**
     * The tenant's bookkeeping facts: each group's counts, the membership lists flattened into edges, and the
     * connectors grouped by what they share (fingerprint, address in a group, enrollment key) and the CAs in use.
     * They restate the tenant and never change during a session, so they are computed here once instead of by
     * rules with truth maintenance, and rules join a few hundred of them instead of every connector: a pattern
     * over all connectors costs a tuple per connector per rule, the largest part of a 10,000-connector session.
     */
    public static List<Object> relations(Tenant t) {
        return relations(t, null, c -> true);
    }

    /**
     * The same, reusing the index's connectors-by-group when it was built from this very tenant, and leaving out
     * the kinds {@code wanted} refuses (no rule of the session could match them).
     */
    public static List<Object> relations(Tenant t, TenantIndex index, java.util.function.Predicate<Class<?>> wanted) {
        TenantIndex ix = index != null && index.indexes(t) ? index : new TenantIndex(t);
        List<ConnectorGroup> groups = t.groups();
        // every group id a connector names, listed or not: duplicates by address are looked for within each
        Map<String, TenantIndex.Members> byGroup = ix.connectorsByGroup;
        Map<String, List<AppConnector>> sameFingerprint = ix.sameFingerprint;
        Map<String, int[]> certificates = ix.certificateUse;
        List<Object> out = new ArrayList<>(byGroup.size() + sameFingerprint.size()
                + certificates.size() + t.serverGroups().size() * 2 + t.segments().size());
        // each listed group object gets its counts (a hand-built tenant may list two under one id, and rules once
        // joined every group with an id), its shared addresses once per id; the same object listed twice once
        Set<ConnectorGroup> counted = ix.groups.size() < groups.size()
                ? Collections.newSetFromMap(new IdentityHashMap<>()) : null;
        Map<String, List<GroupHealth>> repeatedHealth = new LinkedHashMap<>();
        for (ConnectorGroup g : groups) {
            if (counted != null && !counted.add(g)) {
                continue;
            }
            TenantIndex.Members m = byGroup.get(g.id());
            List<String> sgIds = serverGroupIds(ix.serverGroupsUsing(g.id()));
            // counted while the index was built: the group's connectors are not walked again
            GroupHealth h = m == null ? GroupHealth.of(g, List.of(), sgIds) : m.tally.health(g, sgIds);
            GroupHealth before = ix.health.putIfAbsent(g.id(), h);
            if (before != null) {
                repeatedHealth.computeIfAbsent(g.id(), k -> pair(before)).add(h);
            }
            out.add(h);
            if (m != null && m.list.size() > 1 && ix.group(g.id()) == g) {
                sameAddress(g.id(), m.list, out);
            }
        }
        byGroup.forEach((gid, m) -> {
            if (m.list.size() > 1 && ix.group(gid) == null) {
                sameAddress(gid, m.list, out);
            }
        });
        sameFingerprint.forEach((fp, same) -> out.add(new SameFingerprint(fp, same)));
        // the built-in rules ask only for the deleted keys, through TenantKeys; the fact per key id is made when
        // a rule pack names it
        List<EnrolledWithKey> deleted = new ArrayList<>(ix.unknownKeyUsers.size());
        ix.unknownKeyUsers.forEach((kid, users) -> deleted.add(new EnrolledWithKey(kid, null, users)));
        if (wanted.test(EnrolledWithKey.class)) {
            enrolledWithKey(t, ix, out);
        }
        out.add(new ConnectorsById(ix.connectors, ix.repeatedIds));
        if (wanted.test(GroupHealthById.class)) {
            out.add(new GroupHealthById(ix.health, repeatedHealth));
        }
        if (wanted.test(TenantKeys.class)) {
            out.add(tenantKeys(t, deleted));
        }
        certificates.forEach((id, n) -> out.add(new CertificateInUse(id, n[0], n[1], n[2])));
        Set<Object> edges = new LinkedHashSet<>();
        boolean groupEdges = wanted.test(GroupInServerGroup.class);
        for (ServerGroup sg : t.serverGroups()) {
            for (String cg : groupEdges ? sg.connectorGroupIds() : List.<String>of()) {
                edges.add(new GroupInServerGroup(sg.id(), cg));
            }
            // some exports carry the segment link only on the server group's side (its "applications")
            for (String seg : sg.applicationIds()) {
                edges.add(new SegmentUsesServerGroup(seg, sg.id()));
            }
        }
        for (ApplicationSegment seg : t.segments()) {
            for (String sg : seg.serverGroupIds()) {
                edges.add(new SegmentUsesServerGroup(seg.id(), sg));
            }
        }
        out.addAll(edges);
        return out;
    }

    /** One fact per key id the connectors carry, with its key (null for a deleted one), by first appearance. */
    private static void enrolledWithKey(Tenant t, TenantIndex ix, List<Object> out) {
        Map<String, List<AppConnector>> byKey = new LinkedHashMap<>(capacity(t.keys().size()));
        for (AppConnector c : t.connectors()) {
            if (c.provisioningKeyId() != null) {
                byKey.computeIfAbsent(c.provisioningKeyId(), k -> new ArrayList<>()).add(c);
            }
        }
        byKey.forEach((kid, users) -> out.add(new EnrolledWithKey(kid, ix.key(kid), users)));
    }

    /** Every key by the group it names and by its public prefix, each in the tenant's order. */
    private static TenantKeys tenantKeys(Tenant t, List<EnrolledWithKey> deleted) {
        Map<String, List<ProvisioningKey>> byGroup = new HashMap<>(capacity(t.keys().size()));
        Map<String, List<ProvisioningKey>> byPrefix = new HashMap<>(capacity(t.keys().size()));
        boolean anyForConnectors = false;
        for (ProvisioningKey k : t.keys()) {
            if (k.groupId() != null) {
                byGroup.computeIfAbsent(k.groupId(), x -> new ArrayList<>(1)).add(k);
            }
            String prefix = k.publicPrefix();
            if (prefix != null) {
                byPrefix.computeIfAbsent(prefix, x -> new ArrayList<>(1)).add(k);
            }
            anyForConnectors |= k.isForConnectors();
        }
        return new TenantKeys(byGroup, byPrefix, anyForConnectors, deleted);
    }

    /** The group's connectors that share a private address, one fact per shared address, in the group's order. */
    private static void sameAddress(String groupId, List<AppConnector> members, List<Object> out) {
        if (members.size() > 32) {
            Map<String, List<AppConnector>> byIp = new LinkedHashMap<>(capacity(members.size()));
            for (AppConnector c : members) {
                if (c.privateIp() != null) {
                    byIp.computeIfAbsent(c.privateIp(), k -> new ArrayList<>(1)).add(c);
                }
            }
            byIp.forEach((ip, same) -> {
                if (same.size() > 1) {
                    out.add(new SameAddress(groupId, ip, same));
                }
            });
            return;
        }
        // most groups hold a handful of connectors: comparing pairs is cheaper than hashing their addresses, and
        // comparing the strings' cached hashes first spares reading two strings' bytes for each differing pair
        int n = members.size();
        String[] ips = new String[n];
        int[] hashes = new int[n];
        for (int i = 0; i < n; i++) {
            String ip = members.get(i).privateIp();
            ips[i] = ip;
            hashes[i] = ip == null ? 0 : ip.hashCode();
        }
        Set<String> reported = null;
        for (int i = 0; i < n; i++) {
            String ip = ips[i];
            if (ip == null || reported != null && reported.contains(ip)) {
                continue;
            }
            List<AppConnector> same = null;
            for (int j = i + 1; j < n; j++) {
                if (hashes[j] == hashes[i] && ip.equals(ips[j])) {
                    if (same == null) {
                        same = pair(members.get(i));
                    }
                    same.add(members.get(j));
                }
            }
            if (same != null) {
                out.add(new SameAddress(groupId, ip, same));
                if (reported == null) {
                    reported = new HashSet<>();
                }
                reported.add(ip);
            }
        }
    }

    /** The ids of these server groups, each once, in their order. */
    public static List<String> serverGroupIds(List<ServerGroup> sgs) {
        List<String> ids = new ArrayList<>(sgs.size());
        for (ServerGroup sg : sgs) {
            if (!ids.contains(sg.id())) {
                ids.add(sg.id());
            }
        }
        return ids;
    }
}
