package io.zpadoctor.rules.internal;

import io.zpadoctor.model.EvaluationTime;
import io.zpadoctor.model.Facts;
import io.zpadoctor.model.Thresholds;
import io.zpadoctor.model.derived.CaseScope;
import io.zpadoctor.model.derived.CertificateInUse;
import io.zpadoctor.model.derived.ConnectorsById;
import io.zpadoctor.model.derived.EnrolledWithKey;
import io.zpadoctor.model.derived.SameAddress;
import io.zpadoctor.model.derived.SameFingerprint;
import io.zpadoctor.model.derived.EffectiveSegment;
import io.zpadoctor.model.derived.GroupHealth;
import io.zpadoctor.model.derived.GroupHealthById;
import io.zpadoctor.model.derived.TenantKeys;
import io.zpadoctor.model.derived.GroupInServerGroup;
import io.zpadoctor.model.derived.SegmentUsesServerGroup;
import io.zpadoctor.model.derived.Loaded;
import io.zpadoctor.model.derived.NotEnrolling;
import io.zpadoctor.model.derived.ServingGroup;
import io.zpadoctor.model.finding.Finding;
import io.zpadoctor.model.tenant.AppConnector;
import io.zpadoctor.model.tenant.ApplicationSegment;
import io.zpadoctor.model.tenant.ConnectorGroup;
import io.zpadoctor.model.tenant.EnrollmentCertificate;
import io.zpadoctor.model.tenant.ProvisioningKey;
import io.zpadoctor.model.tenant.ServerGroup;
import io.zpadoctor.model.tenant.Tenant;
import io.zpadoctor.model.tenant.TenantCollection;
import io.zpadoctor.rules.DiagnosisException;
import io.zpadoctor.rules.RuleListener;
import org.drools.core.common.InternalWorkingMemory;
import org.drools.core.common.InternalWorkingMemoryActions;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Runs one diagnosis in a fresh KieSession: insert every fact, fire, read back the findings. */
public final class SessionRunner {

    /** What a session produced. */
    public record Result(List<Finding> findings, List<NotEnrolling> notEnrolling, List<String> effectiveSegments,
                         List<ServingGroup> servingGroups, int fired, long nanos) {
    }

    private SessionRunner() {
    }

    /** One result from several shard sessions; {@code nanos} is the wall time of them all. */
    public static Result merge(List<Result> parts, long wallNanos) {
        List<Finding> findings = new ArrayList<>();
        List<NotEnrolling> notEnrolling = new ArrayList<>();
        List<String> effective = new ArrayList<>();
        List<ServingGroup> serving = new ArrayList<>();
        int fired = 0;
        for (Result r : parts) {
            findings.addAll(r.findings());
            notEnrolling.addAll(r.notEnrolling());
            effective.addAll(r.effectiveSegments());
            serving.addAll(r.servingGroups());
            fired += r.fired();
        }
        return new Result(findings, notEnrolling, effective, serving, fired, wallNanos);
    }

    public static Result run(KieBase kieBase, Facts facts, CaseScope scope, EvaluationTime time,
                             Thresholds thresholds, List<RuleListener> listeners, int fireLimit) {
        return run(kieBase, facts, scope, time, thresholds, listeners, fireLimit, null, Budget.NONE);
    }

    /**
     * The same, with the caller's preparation of this tenant (or null, to prepare it here), whose relations the
     * session takes once it holds the tenant's records.
     */
    public static Result run(KieBase kieBase, Facts facts, CaseScope scope, EvaluationTime time,
                             Thresholds thresholds, List<RuleListener> listeners, int fireLimit, Preparation prepared,
                             Budget budget) {
        long start = System.nanoTime();
        Preparation p = prepared != null && prepared.prepares(facts.tenant()) ? prepared
                : Preparation.start(facts.tenant(), kieBase, false);
        KieSession session = kieBase.newKieSession();
        boolean abandoned = false;
        try {
            if (!listeners.isEmpty()) {
                session.addEventListener(new DefaultAgendaEventListener() {
                    @Override
                    public void afterMatchFired(AfterMatchFiredEvent event) {
                        for (RuleListener l : listeners) {
                            l.ruleFired(event.getMatch().getRule().getName(), event.getMatch().getRule().getPackageName());
                        }
                    }
                });
            }
            insertAll(session, facts, scope, time, thresholds, p, FactSieve.of(kieBase));
            int fired = budget.fire(session, fireLimit);
            // read back by class: four small stores instead of every one of the session's facts
            List<Finding> findings = objects(session, Finding.class);
            List<NotEnrolling> notEnrolling = objects(session, NotEnrolling.class);
            // a session's store hands facts back in identity-hash order, which differs from run to run: sorted, so
            // the report lists the groups serving an application in the same order every time
            List<String> effective = objects(session, EffectiveSegment.class).stream().map(EffectiveSegment::segmentId)
                    .sorted(Comparator.nullsFirst(Comparator.naturalOrder())).toList();
            List<ServingGroup> serving = objects(session, ServingGroup.class);
            serving.sort(SERVING_ORDER);
            return new Result(findings, notEnrolling, effective, serving, fired, System.nanoTime() - start);
        } catch (Budget.Abandoned e) {
            abandoned = true;
            throw e;
        } finally {
            if (!abandoned) {
                session.dispose();   // disposing waits for a rule still running, which would wait forever
            }
        }
    }

    private static final Comparator<ServingGroup> SERVING_ORDER = Comparator
            .comparing(ServingGroup::segmentId, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparing(ServingGroup::serverGroupId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(ServingGroup::connectorGroupId, Comparator.nullsFirst(Comparator.naturalOrder()));

    private static <T> List<T> objects(KieSession session, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Object o : session.getObjects(new ClassObjectFilter(type))) {
            out.add(type.cast(o));
        }
        return out;
    }

    private static void insertAll(KieSession s, Facts facts, CaseScope scope, EvaluationTime time, Thresholds thr,
                                  Preparation prepared, FactSieve sieve) {
        Tenant t = facts.tenant();
        insert(s, sieve, facts.reportedCase());
        insert(s, sieve, scope);
        insert(s, sieve, time);
        insert(s, sieve, thr);
        for (TenantCollection c : t.loaded()) {
            insert(s, sieve, new Loaded(c));
        }
        // the tenant's records are final classes: one test per list
        insertEach(s, sieve, AppConnector.class, t.connectors());
        insertEach(s, sieve, ConnectorGroup.class, t.groups());
        insertEach(s, sieve, ProvisioningKey.class, t.keys());
        insertEach(s, sieve, EnrollmentCertificate.class, t.certificates());
        insertEach(s, sieve, ServerGroup.class, t.serverGroups());
        insertEach(s, sieve, ApplicationSegment.class, t.segments());
        // runs the records through the alpha network while the other core may still be making the relations;
        // fireAllRules would do it anyway, and no rule fires before it
        if (s instanceof InternalWorkingMemory wm) {
            wm.flushPropagations();
        }
        for (Object o : prepared.relations()) {
            if (sieve.passes(o.getClass())) {
                put(s, o);
            }
        }
        for (Object o : facts.hostFacts()) {
            insert(s, sieve, o);
        }
    }

    private static void insert(KieSession s, FactSieve sieve, Object o) {
        if (o != null && sieve.passes(o.getClass())) {
            s.insert(o);
        }
    }

    private static <T> void insertEach(KieSession s, FactSieve sieve, Class<T> type, List<T> list) {
        if (!list.isEmpty() && sieve.passes(type)) {
            for (T o : list) {
                put(s, o);
            }
        }
    }

    /**
     * Inserts one of the tenant's many records or relations without the object store's entry, which costs a lookup
     * and a store each: nothing reads them back by object, and a rule that deletes or updates one still finds its
     * handle in the match (a rule that inserts one again gets a second fact, where insert would hand back the first;
     * no built-in rule does). The few other facts go in the usual way, which also applies any queued rule base change.
     */
    private static void put(KieSession s, Object o) {
        if (s instanceof InternalWorkingMemoryActions wm) {
            wm.insertAsync(o);
        } else {
            s.insert(o);
        }
    }

    /**
     * The tenant's bookkeeping facts: each group's counts, the membership lists flattened into edges, and the
     * connectors grouped by what they share (fingerprint, address in a group, enrollment key) and the CAs in use.
     * They restate the tenant and never change during a session, so they are computed here once instead of by
     * rules with truth maintenance, and rules join a few hundred of them instead of every connector: a pattern
     * over all connectors costs a tuple per connector per rule, the largest part of a 10,000-connector session.
     */
    static List<Object> relations(Tenant t) {
        return relations(t, null, c -> true);
    }

    /**
     * The same, reusing the index's connectors-by-group when it was built from this very tenant, and leaving out
     * the kinds {@code wanted} refuses (no rule of the session could match them).
     */
    static List<Object> relations(Tenant t, TenantIndex index, java.util.function.Predicate<Class<?>> wanted) {
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
                repeatedHealth.computeIfAbsent(g.id(), k -> TenantIndex.pair(before)).add(h);
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
        Map<String, List<AppConnector>> byKey = new LinkedHashMap<>(TenantIndex.capacity(t.keys().size()));
        for (AppConnector c : t.connectors()) {
            if (c.provisioningKeyId() != null) {
                byKey.computeIfAbsent(c.provisioningKeyId(), k -> new ArrayList<>()).add(c);
            }
        }
        byKey.forEach((kid, users) -> out.add(new EnrolledWithKey(kid, ix.key(kid), users)));
    }

    /** Every key by the group it names and by its public prefix, each in the tenant's order. */
    private static TenantKeys tenantKeys(Tenant t, List<EnrolledWithKey> deleted) {
        Map<String, List<ProvisioningKey>> byGroup = new HashMap<>(TenantIndex.capacity(t.keys().size()));
        Map<String, List<ProvisioningKey>> byPrefix = new HashMap<>(TenantIndex.capacity(t.keys().size()));
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
            Map<String, List<AppConnector>> byIp = new LinkedHashMap<>(TenantIndex.capacity(members.size()));
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
                        same = TenantIndex.pair(members.get(i));
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
    static List<String> serverGroupIds(List<ServerGroup> sgs) {
        List<String> ids = new ArrayList<>(sgs.size());
        for (ServerGroup sg : sgs) {
            if (!ids.contains(sg.id())) {
                ids.add(sg.id());
            }
        }
        return ids;
    }

    /** Runs the facts through the rules, then lets the caller look into the session before it is disposed. */
    public static void inspect(KieBase kieBase, Facts facts, CaseScope scope, EvaluationTime time, Thresholds thr,
                               RuleListener listener, Budget budget, java.util.function.Consumer<KieSession> look) {
        KieSession session = kieBase.newKieSession();
        boolean abandoned = false;
        try {
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    listener.ruleFired(event.getMatch().getRule().getName(), event.getMatch().getRule().getPackageName());
                }
            });
            insertAll(session, facts, scope, time, thr, Preparation.start(facts.tenant(), kieBase, false),
                    FactSieve.of(kieBase));
            budget.fire(session, fireLimit(facts));
            look.accept(session);
        } catch (Budget.Abandoned e) {
            abandoned = true;
            throw e;
        } finally {
            if (!abandoned) {
                session.dispose();
            }
        }
    }

    /** A firing limit generous for any sane rule set and this input's size. */
    public static int fireLimit(Facts facts) {
        long n = facts.tenant().objectCount() + facts.hostFacts().size();
        return (int) Math.min(Integer.MAX_VALUE - 1, 100_000 + 50 * n);
    }
}
