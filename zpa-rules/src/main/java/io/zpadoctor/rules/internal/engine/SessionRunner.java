package io.zpadoctor.rules.internal.engine;

import io.zpadoctor.model.EvaluationTime;
import io.zpadoctor.model.Facts;
import io.zpadoctor.model.Thresholds;
import io.zpadoctor.model.derived.CaseScope;
import io.zpadoctor.model.derived.EffectiveSegment;
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
import io.zpadoctor.rules.RuleListener;
import org.drools.core.common.InternalWorkingMemory;
import org.drools.core.common.InternalWorkingMemoryActions;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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
        return run(kieBase, facts, scope, time, thresholds, listeners, fireLimit, prepared, budget,
                TelemetryFacts.of(facts, scope, thresholds));
    }

    /** The same, with the telemetry facts already drawn up (a shard's part of the tenant's). */
    public static Result run(KieBase kieBase, Facts facts, CaseScope scope, EvaluationTime time,
                             Thresholds thresholds, List<RuleListener> listeners, int fireLimit, Preparation prepared,
                             Budget budget, List<?> telemetry) {
        long start = System.nanoTime();
        Preparation p = prepared != null && prepared.prepares(facts.tenant()) ? prepared
                : Preparation.start(facts.tenant(), kieBase, false);
        KieSession session = kieBase.newKieSession();
        InsertedBy insertedBy = new InsertedBy();
        session.addEventListener(insertedBy);
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
            insertAll(session, facts, scope, time, thresholds, p, FactSieve.of(kieBase), telemetry);
            int fired = budget.fire(session, fireLimit);
            // read back by class: four small stores instead of every one of the session's facts
            List<Finding> findings = objects(session, Finding.class);
            findings.replaceAll(insertedBy::stamp);
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
                                  Preparation prepared, FactSieve sieve, List<?> telemetry) {
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
        for (Object o : telemetry) {
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
                    FactSieve.of(kieBase), TelemetryFacts.of(facts, scope, thr));
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
