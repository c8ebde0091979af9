package io.zpadoctor.rules.internal.verdict;

import io.zpadoctor.model.derived.CaseScope;
import io.zpadoctor.model.derived.GroupHealth;
import io.zpadoctor.model.finding.Finding;
import io.zpadoctor.model.finding.SubjectType;
import io.zpadoctor.model.tenant.AppConnector;
import io.zpadoctor.model.tenant.ConnectorGroup;
import io.zpadoctor.model.tenant.ProvisioningKey;
import io.zpadoctor.model.tenant.ServerGroup;
import io.zpadoctor.model.tenant.Tenant;
import io.zpadoctor.rules.AffectedConnector;
import io.zpadoctor.rules.GroupSummary;
import io.zpadoctor.rules.KeySummary;
import io.zpadoctor.rules.ServerGroupSummary;
import io.zpadoctor.rules.internal.tenant.Relations;
import io.zpadoctor.rules.internal.tenant.TenantIndex;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The report's per-group sections and its list of affected connectors. */
public final class Summaries {
    /** Beyond this many groups the report summarises only the ones findings or the case name. */
    static final int MAX_GROUPS = 50;

    private Summaries() {
    }

    /** Groups the report describes: the case's, those findings concern, those serving the application. */
    public static List<GroupSummary> groups(Tenant tenant, TenantIndex index, CaseScope scope, List<Finding> findings,
                                            List<String> servingGroupIds, Instant now) {
        Set<String> ids = new LinkedHashSet<>(scope.groupIds());
        ids.addAll(servingGroupIds);
        for (Finding f : findings) {
            for (String c : f.concerns()) {
                if (index.group(c) != null) {
                    ids.add(c);
                }
            }
            AppConnector a = f.subject().type() == SubjectType.CONNECTOR ? index.connector(f.subject().id()) : null;
            if (a != null && a.groupId() != null && index.group(a.groupId()) != null) {
                ids.add(a.groupId());
            }
        }
        if (ids.isEmpty() && scope.everything() && tenant.groups().size() <= MAX_GROUPS) {
            tenant.groups().forEach(g -> ids.add(g.id()));
        }
        List<GroupSummary> out = new ArrayList<>();
        for (String id : ids) {
            ConnectorGroup g = index.group(id);
            if (g != null) {
                out.add(summary(g, index, now));
            }
        }
        return out;
    }

    static GroupSummary summary(ConnectorGroup g, TenantIndex index, Instant now) {
        List<AppConnector> members = index.connectorsOf(g.id());
        Map<String, Integer> versions = new TreeMap<>();
        Set<String> expected = new TreeSet<>();
        for (AppConnector c : members) {
            versions.merge(c.currentVersion() == null ? "unknown" : c.currentVersion(), 1, Integer::sum);
            if (c.expectedVersion() != null) {
                expected.add(c.expectedVersion());
            }
        }
        List<KeySummary> keys = new ArrayList<>();
        for (ProvisioningKey k : index.keysOf(g.id())) {
            keys.add(new KeySummary(k, state(k, now)));
        }
        keys.sort(Comparator.comparing(k -> k.key().displayName()));
        List<ServerGroupSummary> sgs = new ArrayList<>();
        for (ServerGroup sg : index.serverGroupsUsing(g.id())) {
            sgs.add(new ServerGroupSummary(sg, index.segmentsUsing(sg.id())));
        }
        sgs.sort(Comparator.comparing(s -> s.serverGroup().displayName()));
        GroupHealth health = index.health(g.id());
        if (health == null || health.group() != g) {
            health = GroupHealth.of(g, members, Relations.serverGroupIds(index.serverGroupsUsing(g.id())));
        }
        return new GroupSummary(g, health, versions, expected, keys, sgs);
    }

    static KeySummary.State state(ProvisioningKey k, Instant now) {
        if (!k.enabled()) {
            return KeySummary.State.DISABLED;
        }
        if (k.expiration() != null && now != null && !k.expiration().isAfter(now)) {
            return KeySummary.State.EXPIRED;
        }
        return k.isExhausted() ? KeySummary.State.EXHAUSTED : KeySummary.State.ACTIVE;
    }

    /** The connectors the report is about: the case's, then those findings are about. */
    public static List<AffectedConnector> affected(CaseScope scope, TenantIndex index, List<Finding> findings) {
        Map<String, AffectedConnector> out = new LinkedHashMap<>();
        String absent = index.connectorsRead() ? AffectedConnector.NOT_IN_API : AffectedConnector.NO_CONNECTOR_LIST;
        if (scope.connector() != null && !scope.connector().existsInApi()) {
            ConnectorGroup g = index.group(scope.connector().groupId());
            out.put("name:" + scope.connector().name(), new AffectedConnector(scope.connector().name(), null,
                    absent, g == null ? null : g.displayName()));
        }
        for (String id : scope.connectorIds()) {
            add(out, index.connector(id), index);
        }
        for (Finding f : findings) {
            if (f.subject().type() == SubjectType.CONNECTOR && f.subject().id() != null) {
                add(out, index.connector(f.subject().id()), index);
            } else if (f.subject().type() == SubjectType.CONNECTOR && f.subject().id() == null
                    && !out.containsKey("name:" + f.subject().name())) {
                out.put("name:" + f.subject().name(), new AffectedConnector(f.subject().name(), null,
                        absent, null));
            }
        }
        return new ArrayList<>(out.values());
    }

    private static void add(Map<String, AffectedConnector> out, AppConnector c, TenantIndex index) {
        if (c == null || out.containsKey(c.id())) {
            return;
        }
        ConnectorGroup g = index.group(c.groupId());
        String status = c.statusText() != null ? c.statusText() : "no status in the API";
        out.put(c.id(), new AffectedConnector(c.displayName(), c.id(), status,
                g != null ? g.displayName() : c.groupName()));
    }
}
