package io.zpadoctor.rules.internal.tenant;

import io.zpadoctor.model.derived.GroupHealth;
import io.zpadoctor.model.tenant.AppConnector;
import io.zpadoctor.model.tenant.ApplicationSegment;
import io.zpadoctor.model.tenant.ConnectorGroup;
import io.zpadoctor.model.tenant.ProvisioningKey;
import io.zpadoctor.model.tenant.ServerGroup;
import io.zpadoctor.model.tenant.Tenant;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tenant objects by id and by relation, built once per diagnosis for the Java-side steps. */
public final class TenantIndex {
    final Map<String, AppConnector> connectors;
    final Map<String, ConnectorGroup> groups;
    final Map<String, ProvisioningKey> keys;
    final Map<String, ServerGroup> serverGroups;
    final Map<String, ApplicationSegment> segments;
    /** By first appearance among the connectors, so whoever walks it gets the same order every time. */
    final Map<String, Members> connectorsByGroup;
    final Map<String, List<ProvisioningKey>> keysByGroup;
    final Map<String, List<ServerGroup>> serverGroupsByConnectorGroup;
    final Map<String, List<ApplicationSegment>> segmentsByServerGroup;
    /** Ids listed for more than one connector (a bad export or a hand-built tenant), with all of them. */
    final Map<String, List<AppConnector>> repeatedIds = new LinkedHashMap<>();
    /** Fingerprints two or more connectors report, with those connectors, by first repeat. */
    final Map<String, List<AppConnector>> sameFingerprint = new LinkedHashMap<>();
    /**
     * Connectors carrying a provisioning key id that no listed key has (a deleted key), by first appearance: the
     * one question the built-in rules ask of key use, so the other 10,000 connectors' key ids are only looked up.
     */
    final Map<String, List<AppConnector>> unknownKeyUsers = new LinkedHashMap<>();
    /** Per enrollment CA id: how many groups, keys and connectors name it. */
    final Map<String, int[]> certificateUse = new LinkedHashMap<>();
    /** Each listed group's counts, as the session's relations computed them; reused by the report's summaries. */
    final Map<String, GroupHealth> health = new HashMap<>();
    private final Tenant tenant;

    /** The fleet summary's counts, taken on the walk over the connectors; null when not asked for. */
    private final FleetCounts.Tally fleet;

    /** Whether a connector list was read at all: without one, a connector missing from it proves nothing. */
    final boolean connectorsRead;

    public TenantIndex(Tenant t) {
        this(t, false);
    }

    /** The index of {@code t}; with {@code fleetCounts}, also the fleet summary's counts of its connectors. */
    public TenantIndex(Tenant t, boolean fleetCounts) {
        tenant = t;
        fleet = fleetCounts ? new FleetCounts.Tally() : null;
        // sized up front: a 10,000-connector tenant would otherwise rehash each map a dozen times
        connectors = new FirstSeen<>(t.connectors().size());
        groups = new HashMap<>(capacity(t.groups().size()));
        keys = new HashMap<>(capacity(t.keys().size()));
        serverGroups = new HashMap<>(capacity(t.serverGroups().size()));
        segments = new HashMap<>(capacity(t.segments().size()));
        connectorsByGroup = new LinkedHashMap<>(capacity(t.groups().size()));
        keysByGroup = new HashMap<>(capacity(t.groups().size()));
        serverGroupsByConnectorGroup = new HashMap<>(capacity(t.groups().size()));
        segmentsByServerGroup = new HashMap<>(capacity(t.serverGroups().size()));
        connectorsRead = t.loaded().isEmpty() ? !t.connectors().isEmpty()
                : t.loaded().contains(io.zpadoctor.model.tenant.TenantCollection.CONNECTORS);
        for (ProvisioningKey k : t.keys()) {
            keys.putIfAbsent(k.id(), k);
        }
        for (ConnectorGroup g : t.groups()) {
            groups.putIfAbsent(g.id(), g);
            countCertificate(g.enrollmentCertId(), 0);
        }
        // one pass over the connectors for everything the diagnosis asks of them: at 10,000 connectors each
        // further pass costs about as much as the rules that use it
        FirstSeen<AppConnector> firstWithFingerprint = new FirstSeen<>(t.connectors().size());
        for (AppConnector c : t.connectors()) {
            AppConnector sameId = connectors.putIfAbsent(c.id(), c);
            if (sameId != null) {
                repeatedIds.computeIfAbsent(c.id(), k -> pair(sameId)).add(c);
            }
            if (c.groupId() != null) {
                connectorsByGroup.computeIfAbsent(c.groupId(), k -> new Members()).add(c);
            }
            if (c.fingerprint() != null) {
                AppConnector first = firstWithFingerprint.putIfAbsent(c.fingerprint(), c);
                if (first != null) {
                    sameFingerprint.computeIfAbsent(c.fingerprint(), k -> pair(first)).add(c);
                }
            }
            if (c.provisioningKeyId() != null && !keys.containsKey(c.provisioningKeyId())) {
                unknownKeyUsers.computeIfAbsent(c.provisioningKeyId(), k -> new ArrayList<>(1)).add(c);
            }
            countCertificate(c.enrollmentCertId(), 2);
            if (fleet != null) {
                fleet.add(c);
            }
        }
        for (ProvisioningKey k : t.keys()) {
            countCertificate(k.enrollmentCertId(), 1);
            if (k.groupId() != null && k.isForConnectors()) {
                keysByGroup.computeIfAbsent(k.groupId(), x -> new ArrayList<>()).add(k);
            }
        }
        for (ServerGroup sg : t.serverGroups()) {
            serverGroups.putIfAbsent(sg.id(), sg);
            for (String cg : sg.connectorGroupIds()) {
                serverGroupsByConnectorGroup.computeIfAbsent(cg, x -> new ArrayList<>()).add(sg);
            }
        }
        for (ApplicationSegment s : t.segments()) {
            segments.putIfAbsent(s.id(), s);
            for (String sg : s.serverGroupIds()) {
                segmentsByServerGroup.computeIfAbsent(sg, x -> new ArrayList<>()).add(s);
            }
        }
        // some exports record the segment link only on the server group
        for (ServerGroup sg : t.serverGroups()) {
            for (String app : sg.applicationIds()) {
                ApplicationSegment s = segments.get(app);
                List<ApplicationSegment> list = segmentsByServerGroup.computeIfAbsent(sg.id(), x -> new ArrayList<>());
                if (s != null && !list.contains(s)) {
                    list.add(s);
                }
            }
        }
    }

    /** A group's connectors in the tenant's order, counted for its {@code GroupHealth} as they are listed. */
    static final class Members {
        final List<AppConnector> list = new ArrayList<>();
        final GroupHealth.Tally tally = new GroupHealth.Tally();

        void add(AppConnector c) {
            list.add(c);
            tally.add(c);
        }
    }

    private String lastCertificate;
    private int[] lastCertificateCounts;

    private void countCertificate(String id, int kind) {
        if (id == null) {
            return;
        }
        // a tenant has a CA or two that nearly every record names: the last one's counts are kept at hand
        if (!id.equals(lastCertificate)) {
            lastCertificate = id;
            lastCertificateCounts = certificateUse.computeIfAbsent(id, k -> new int[3]);
        }
        lastCertificateCounts[kind]++;
    }

    /** A growable list holding {@code first}, for a value a second record turned out to share. */
    static <T> List<T> pair(T first) {
        List<T> l = new ArrayList<>(2);
        l.add(first);
        return l;
    }

    /** A hash map capacity that holds {@code n} entries without resizing. */
    static int capacity(int n) {
        return (int) Math.min(1 << 30, n * 4L / 3 + 1);
    }

    public AppConnector connector(String id) {
        return id == null ? null : connectors.get(id);
    }

    public ConnectorGroup group(String id) {
        return id == null ? null : groups.get(id);
    }

    public ProvisioningKey key(String id) {
        return id == null ? null : keys.get(id);
    }

    public ServerGroup serverGroup(String id) {
        return id == null ? null : serverGroups.get(id);
    }

    public ApplicationSegment segment(String id) {
        return id == null ? null : segments.get(id);
    }

    /** The fleet summary's counts, for an index built with {@code fleetCounts}. */
    public FleetCounts fleetCounts() {
        if (fleet == null) {
            throw new IllegalStateException("this index was built without the fleet summary's counts");
        }
        return fleet.counts();
    }

    /** Whether this index was built from exactly this tenant object. */
    public boolean indexes(Tenant t) {
        return tenant == t;
    }

    /** The group's counts as the session's relations computed them, or null before they were (or for no group). */
    public GroupHealth health(String groupId) {
        return groupId == null ? null : health.get(groupId);
    }

    /** The group's counts: the session's when it computed them, else from the index's tally (no walk of its connectors). */
    public GroupHealth counts(ConnectorGroup g) {
        GroupHealth h = health(g.id());
        if (h != null && h.group() == g) {
            return h;
        }
        Members m = connectorsByGroup.get(g.id());
        return m == null ? GroupHealth.of(g, List.of(), List.of()) : m.tally.health(g, List.of());
    }

    /** Whether a connector list was read at all: without one, a connector missing from it proves nothing. */
    public boolean connectorsRead() {
        return connectorsRead;
    }

    public List<AppConnector> connectorsOf(String groupId) {
        Members m = groupId == null ? null : connectorsByGroup.get(groupId);
        return m == null ? List.of() : m.list;
    }

    public List<ProvisioningKey> keysOf(String groupId) {
        return keysByGroup.getOrDefault(groupId, List.of());
    }

    public List<ServerGroup> serverGroupsUsing(String groupId) {
        return serverGroupsByConnectorGroup.getOrDefault(groupId, List.of());
    }

    public List<ApplicationSegment> segmentsUsing(String serverGroupId) {
        return segmentsByServerGroup.getOrDefault(serverGroupId, List.of());
    }
}
