package io.zpadoctor.rules.internal;

import io.zpadoctor.model.EvaluationTime;
import io.zpadoctor.model.Facts;
import io.zpadoctor.model.Thresholds;
import io.zpadoctor.model.derived.CaseScope;
import io.zpadoctor.model.derived.EffectiveSegment;
import io.zpadoctor.model.derived.GroupHealth;
import io.zpadoctor.model.derived.GroupInServerGroup;
import io.zpadoctor.model.derived.SegmentUsesServerGroup;
import io.zpadoctor.model.derived.Loaded;
import io.zpadoctor.model.derived.NotEnrolling;
import io.zpadoctor.model.derived.ServingGroup;
import io.zpadoctor.model.finding.Finding;
import io.zpadoctor.model.tenant.AppConnector;
import io.zpadoctor.model.tenant.ApplicationSegment;
import io.zpadoctor.model.tenant.ConnectorGroup;
import io.zpadoctor.model.tenant.ServerGroup;
import io.zpadoctor.model.tenant.Tenant;
import io.zpadoctor.model.tenant.TenantCollection;
import io.zpadoctor.rules.DiagnosisException;
import io.zpadoctor.rules.RuleListener;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;

import java.util.ArrayList;
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
        long start = System.nanoTime();
        KieSession session = kieBase.newKieSession();
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
            insertAll(session, facts, scope, time, thresholds);
            int fired = session.fireAllRules(fireLimit);
            if (fired >= fireLimit) {
                throw new DiagnosisException("the rules fired " + fired + " times, the limit for this input: a rule"
                        + " (most likely in a rule pack) keeps re-activating itself");
            }
            List<Finding> findings = new ArrayList<>();
            List<NotEnrolling> notEnrolling = new ArrayList<>();
            List<String> effective = new ArrayList<>();
            List<ServingGroup> serving = new ArrayList<>();
            for (Object o : session.getObjects()) {
                if (o instanceof Finding f) {
                    findings.add(f);
                } else if (o instanceof NotEnrolling n) {
                    notEnrolling.add(n);
                } else if (o instanceof EffectiveSegment e) {
                    effective.add(e.segmentId());
                } else if (o instanceof ServingGroup s) {
                    serving.add(s);
                }
            }
            return new Result(findings, notEnrolling, effective, serving, fired, System.nanoTime() - start);
        } finally {
            session.dispose();
        }
    }

    private static void insertAll(KieSession s, Facts facts, CaseScope scope, EvaluationTime time, Thresholds thr) {
        Tenant t = facts.tenant();
        s.insert(facts.reportedCase());
        s.insert(scope);
        s.insert(time);
        s.insert(thr);
        for (TenantCollection c : t.loaded()) {
            s.insert(new Loaded(c));
        }
        t.connectors().forEach(s::insert);
        t.groups().forEach(s::insert);
        t.keys().forEach(s::insert);
        t.certificates().forEach(s::insert);
        t.serverGroups().forEach(s::insert);
        t.segments().forEach(s::insert);
        relations(t).forEach(s::insert);
        facts.hostFacts().forEach(s::insert);
    }

    /**
     * The tenant's bookkeeping facts: each group's counts and the membership lists flattened into edges, so joins
     * on them are indexed (drools.md: ten times faster than {@code contains}). They restate the tenant and never
     * change during a session, so they are computed here once instead of by rules with truth maintenance, which
     * cost a third of a 10,000-connector session.
     */
    static List<Object> relations(Tenant t) {
        Map<String, List<AppConnector>> byGroup = new LinkedHashMap<>();
        for (ConnectorGroup g : t.groups()) {
            byGroup.putIfAbsent(g.id(), new ArrayList<>());
        }
        for (AppConnector c : t.connectors()) {
            List<AppConnector> members = c.groupId() == null ? null : byGroup.get(c.groupId());
            if (members != null) {
                members.add(c);
            }
        }
        List<Object> out = new ArrayList<>(byGroup.size() + t.serverGroups().size() * 2);
        byGroup.forEach((gid, members) -> out.add(GroupHealth.of(gid, members)));
        Set<Object> edges = new LinkedHashSet<>();
        for (ServerGroup sg : t.serverGroups()) {
            for (String cg : sg.connectorGroupIds()) {
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

    /** Runs the facts through the rules, then lets the caller look into the session before it is disposed. */
    public static void inspect(KieBase kieBase, Facts facts, CaseScope scope, EvaluationTime time, Thresholds thr,
                               RuleListener listener, java.util.function.Consumer<KieSession> look) {
        KieSession session = kieBase.newKieSession();
        try {
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    listener.ruleFired(event.getMatch().getRule().getName(), event.getMatch().getRule().getPackageName());
                }
            });
            insertAll(session, facts, scope, time, thr);
            int limit = fireLimit(facts);
            if (session.fireAllRules(limit) >= limit) {
                throw new DiagnosisException("the rules fired " + limit + " times, the limit for this input");
            }
            look.accept(session);
        } finally {
            session.dispose();
        }
    }

    /** A firing limit generous for any sane rule set and this input's size. */
    public static int fireLimit(Facts facts) {
        long n = facts.tenant().objectCount() + facts.hostFacts().size();
        return (int) Math.min(Integer.MAX_VALUE - 1, 100_000 + 50 * n);
    }
}
