package io.zpadoctor.rules.internal;

import io.zpadoctor.model.EvaluationTime;
import io.zpadoctor.model.Facts;
import io.zpadoctor.model.ReportedCase;
import io.zpadoctor.model.TenantLocation;
import io.zpadoctor.model.Thresholds;
import io.zpadoctor.model.finding.Finding;
import io.zpadoctor.model.finding.SuppressionRule;
import io.zpadoctor.rules.Catalog;
import io.zpadoctor.rules.Diagnosis;
import io.zpadoctor.rules.Explanation;
import io.zpadoctor.rules.FleetReport;
import io.zpadoctor.rules.RuleListener;
import io.zpadoctor.rules.internal.engine.Budget;
import io.zpadoctor.rules.internal.engine.Preparation;
import io.zpadoctor.rules.internal.engine.RuleBase;
import io.zpadoctor.rules.internal.engine.SessionRunner;
import io.zpadoctor.rules.internal.engine.TelemetryFacts;
import io.zpadoctor.rules.internal.pack.PackCompiler;
import io.zpadoctor.rules.internal.tenant.Partitioner;
import io.zpadoctor.rules.internal.tenant.ScopeResolver;
import io.zpadoctor.rules.internal.tenant.TenantIndex;
import io.zpadoctor.rules.internal.verdict.Evaluability;
import io.zpadoctor.rules.internal.verdict.Explainer;
import io.zpadoctor.rules.internal.verdict.Fleets;
import io.zpadoctor.rules.internal.verdict.Summaries;
import io.zpadoctor.rules.internal.verdict.Suppressions;
import io.zpadoctor.rules.internal.verdict.Verdicts;
import io.zpadoctor.rules.internal.verdict.WhyNot;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * What {@link io.zpadoctor.rules.Diagnoser} does with facts: resolve the case, run the rules (in shards for a large
 * tenant-wide case), explain and relate the findings, pick the primary cause and summarise the groups.
 */
public final class Pipeline {
    private static volatile String version;

    /** A diagnoser's settings, as its builder collected them. */
    public record Settings(Thresholds thresholds, List<SuppressionRule> suppressions, Clock clock,
                           List<RuleListener> listeners, Catalog catalog, List<PackCompiler.PackBuild> packs,
                           int partitionAbove, int shardConnectors, boolean parallel, Duration budget) {
        public Settings {
            suppressions = List.copyOf(suppressions);
            listeners = List.copyOf(listeners);
            packs = List.copyOf(packs);
        }
    }

    private final Settings settings;
    private final RuleBase rules;

    public Pipeline(Settings settings) {
        this.settings = settings;
        this.rules = settings.packs().isEmpty() ? RuleBase.builtIn() : RuleBase.withPacks(settings.packs());
    }

    /** The version of ZPA Doctor the build wrote into {@code version.properties}, or "unknown". */
    public static String version() {
        String v = version;
        if (v == null) {
            Properties p = new Properties();
            try (InputStream in = Pipeline.class.getResourceAsStream("/io/zpadoctor/rules/version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            } catch (IOException e) {
                // fall through to "unknown": the version is informative only
            }
            v = p.getProperty("version", "unknown");
            version = v;
        }
        return v;
    }

    public Diagnosis diagnose(Facts facts) {
        return diagnose(facts, Preparation.start(facts.tenant(), rules.kieBase(), settings.parallel(), !sharded(facts)));
    }

    /** The whole tenant, whatever case the facts carry (only where the tenant lives is kept), as a fleet. */
    public FleetReport diagnoseFleet(Facts facts) {
        ReportedCase rc = facts.reportedCase();
        Facts tenantWide = facts.toBuilder()
                .reportedCase(ReportedCase.at(rc.location()))
                .build();
        // the summary's counts are taken on the index's walk over the connectors
        Preparation prepared = Preparation.start(tenantWide.tenant(), rules.kieBase(), settings.parallel(),
                !sharded(tenantWide), true);
        Diagnosis d = diagnose(tenantWide, prepared);
        List<io.zpadoctor.model.telemetry.ConnectorTelemetry> matched = new ArrayList<>();
        for (Object o : TelemetryFacts.of(tenantWide, io.zpadoctor.model.derived.CaseScope.EVERYTHING,
                thresholds(tenantWide))) {
            if (o instanceof io.zpadoctor.model.telemetry.ConnectorTelemetry t) {
                matched.add(t);
            }
        }
        return Fleets.summarise(d, tenantWide.tenant(), prepared.index(), Fleets.hotSpots(matched));
    }

    /** Why {@code code} did or did not fire on these facts, rule by rule and condition by condition. */
    public Explanation explain(String code, Facts facts) {
        Map<String, String> sources = new LinkedHashMap<>(WhyNot.builtInSources());
        for (PackCompiler.PackBuild p : settings.packs()) {
            p.sources().forEach((file, text) -> sources.put(p.name() + "/" + file, text));
        }
        return WhyNot.explain(code, facts, sources, settings.packs(),
                ScopeResolver.resolve(facts.reportedCase(), facts.tenant()).scope(), time(facts), thresholds(facts),
                settings.budget());
    }

    private EvaluationTime time(Facts facts) {
        return facts.evaluationTime() != null ? facts.evaluationTime()
                : new EvaluationTime(settings.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                "system clock");   // the report shows it; nanoseconds claim a precision no input has
    }

    private Thresholds thresholds(Facts facts) {
        return facts.thresholds() != null ? facts.thresholds() : settings.thresholds();
    }

    /** Whether this diagnosis runs in shards: a large tenant-wide case, and no pack (whose rules may join groups). */
    private boolean sharded(Facts facts) {
        return facts.tenant().connectors().size() > settings.partitionAbove() && Partitioner.applies(facts)
                && settings.packs().isEmpty();
    }

    /** The sessions' budget: the built-in rules alone, or with packs, which run under it. */
    private Budget budget() {
        return new Budget(settings.budget(), !settings.packs().isEmpty());
    }

    private Diagnosis diagnose(Facts facts, Preparation prepared) {
        EvaluationTime time = time(facts);
        Thresholds thr = thresholds(facts);
        ReportedCase rc = facts.reportedCase();
        ScopeResolver.Result scope = ScopeResolver.resolve(rc, facts.tenant());

        SessionRunner.Result run = run(facts, scope, time, thr, prepared);
        TenantIndex index = prepared.index();

        Catalog catalog = settings.catalog();
        Map<String, String> globals = globals(rc);
        List<Finding> explained = Explainer.explain(run.findings(), catalog, index, globals);
        Verdicts verdicts = new Verdicts(catalog, rc, scope.scope());
        Verdicts.Linked linked = verdicts.link(explained);
        List<Finding> acknowledged = Explainer.acknowledge(linked.reported(), catalog, index, globals);
        Suppressions.Result suppressed = Suppressions.apply(acknowledged, settings.suppressions(),
                time.instant().atZone(ZoneOffset.UTC).toLocalDate());
        List<Finding> ordered = new ArrayList<>(suppressed.findings());
        verdicts.sort(ordered);
        Finding primary = verdicts.primary(ordered);

        Set<String> contexts = new HashSet<>();
        if (!run.notEnrolling().isEmpty()) {
            contexts.add("not-enrolling");
        }
        if (rc.application() != null) {
            contexts.add("application");
        }
        if (rc.application() != null || scope.scope().everything()) {
            contexts.add("segments");   // classify.drl checks every enabled segment's chain when the case names nothing
        }
        Set<String> fired = new HashSet<>();
        ordered.forEach(f -> fired.add(f.code()));
        // an umbrella a cause explains was found, not passed: it is only left out of the report
        linked.withheld().forEach(f -> fired.add(f.code()));
        Evaluability.Result eval = Evaluability.assess(catalog, facts.tenant(), facts.hostFacts(), facts.telemetry(), contexts,
                fired);

        // tenant-wide, every group serves some segment: only an application's chain adds its groups to the report
        List<String> servingGroups = rc.application() == null ? List.of()
                : run.servingGroups().stream().map(s -> s.connectorGroupId()).distinct().toList();
        List<String> notes = new ArrayList<>(facts.notes());
        notes.addAll(scope.notes());
        notes.addAll(suppressed.notes());
        if (!"system clock".equals(time.basis())) {
            notes.add("Evaluated as of " + time.instant() + " (" + time.basis() + ").");
        }
        return new Diagnosis(version(), rc, facts.origin(), time, thr, ordered, linked.withheld(), primary,
                eval.passed(), eval.notEvaluated(), notes, Summaries.affected(scope.scope(), index, ordered),
                Summaries.groups(facts.tenant(), index, scope.scope(), ordered, servingGroups, time.instant()),
                catalog.persist(), run.fired(), run.nanos());
    }

    /** One session, or, for a large tenant-wide case, one per shard of whole groups (same findings, less GC). */
    private SessionRunner.Result run(Facts facts, ScopeResolver.Result scope, EvaluationTime time, Thresholds thr,
                                     Preparation prepared) {
        // a pack's rules may join across groups, so a diagnosis with packs always runs in one session
        if (!sharded(facts)) {
            return SessionRunner.run(rules.kieBase(), facts, scope.scope(), time, thr, settings.listeners(),
                    SessionRunner.fireLimit(facts), prepared, budget());
        }
        long start = System.nanoTime();
        List<Facts> shards = Partitioner.shards(facts, settings.shardConnectors());
        // summed up once for the tenant, then each shard takes its groups' connectors (and one the sources)
        List<Object> telemetry = TelemetryFacts.of(facts, scope.scope(), thr);
        Stream<Integer> stream = (settings.parallel() ? IntStream.range(0, shards.size()).parallel()
                : IntStream.range(0, shards.size())).boxed();
        // Drools finds its services through the context class loader: a pool thread gets the caller's, so a
        // library loaded by a plugin's class loader works on every shard as it does on the calling thread
        ClassLoader callers = Thread.currentThread().getContextClassLoader();
        List<SessionRunner.Result> parts = stream.map(i -> {
            Facts f = shards.get(i);
            Thread here = Thread.currentThread();
            ClassLoader before = here.getContextClassLoader();
            here.setContextClassLoader(callers);
            try {
                return SessionRunner.run(rules.kieBase(), f, scope.scope(), time, thr, settings.listeners(),
                        SessionRunner.fireLimit(f), null, budget(), TelemetryFacts.forShard(telemetry, f.tenant(), i == 0));
            } finally {
                here.setContextClassLoader(before);
            }
        }).toList();
        return SessionRunner.merge(parts, System.nanoTime() - start);
    }

    private static Map<String, String> globals(ReportedCase rc) {
        TenantLocation where = rc.location();
        Map<String, String> g = new HashMap<>();
        String customer = where.customerId() != null ? where.customerId() : "<customer-id>";
        g.put("customerId", customer);
        g.put("cloud", where.cloud() != null ? where.cloud() : "prod.zpath.net");
        g.put("brokerName", where.brokerDiscoveryName());
        g.put("apiBase", where.managementApiOrDefault() + "/v1/admin/customers/" + customer);
        return g;
    }
}
