package io.zpadoctor.rules;

import io.zpadoctor.model.EvaluationTime;
import io.zpadoctor.model.Facts;
import io.zpadoctor.model.ReportedCase;
import io.zpadoctor.model.Thresholds;
import io.zpadoctor.model.finding.Finding;
import io.zpadoctor.rules.internal.Evaluability;
import io.zpadoctor.rules.internal.Explainer;
import io.zpadoctor.rules.internal.Fleets;
import io.zpadoctor.rules.internal.Partitioner;
import io.zpadoctor.rules.internal.Preparation;
import io.zpadoctor.rules.internal.RuleBase;
import io.zpadoctor.rules.internal.ScopeResolver;
import io.zpadoctor.rules.internal.SessionRunner;
import io.zpadoctor.rules.internal.Suppressions;
import io.zpadoctor.rules.internal.WhyNot;
import io.zpadoctor.rules.internal.Summaries;
import io.zpadoctor.rules.internal.TenantIndex;
import io.zpadoctor.rules.internal.Verdicts;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;

/**
 * Diagnoses ZPA App Connector problems: facts in, {@link Diagnosis} out.
 *
 * <pre>{@code
 * Diagnoser doctor = Diagnoser.builder().build();
 * Diagnosis d = doctor.diagnose(facts);
 * d.primaryCause().ifPresent(f -> System.out.println(f.code() + ": " + f.title()));
 * }</pre>
 *
 * A diagnoser is immutable and thread-safe: build one and share it. The built-in rules are loaded once per
 * process (about half a second cold); each diagnosis runs in its own engine session.
 */
public final class Diagnoser {
    private static volatile String version;

    private final Thresholds thresholds;
    private final List<io.zpadoctor.model.finding.SuppressionRule> suppressions;
    private final Clock clock;
    private final List<RuleListener> listeners;
    private final Catalog catalog;
    private final RuleBase rules;
    private final List<RulePack> packs;
    private final int partitionAbove;
    private final int shardConnectors;
    private final boolean parallel;
    private final java.time.Duration budget;

    private Diagnoser(Builder b) {
        this.thresholds = b.thresholds;
        this.suppressions = List.copyOf(b.suppressions);
        this.clock = b.clock;
        this.listeners = List.copyOf(b.listeners);
        this.catalog = b.catalog;
        this.rules = b.packs.isEmpty() ? RuleBase.builtIn()
                : RuleBase.withPacks(b.packs.stream().map(RulePack::build).toList());
        this.packs = List.copyOf(b.packs);
        this.partitionAbove = b.partitionAbove;
        this.shardConnectors = b.shardConnectors;
        this.parallel = b.parallel;
        this.budget = b.budget;
        for (RulePack p : b.packs) {
            if (!b.trustPacks && !p.capabilities().isEmpty()) {
                throw new IllegalStateException(untrusted(p).getMessage());
            }
        }
    }

    static RulePackException untrusted(RulePack p) {
        return new RulePackException(p.location(), List.of(new RulePackException.Problem(p.location(), -1, -1,
                "its compiled rules " + String.join("; ", p.capabilities()) + ": a pack that does so runs only"
                        + " when trusted (zpa-doctor --trust-pack, or Diagnoser.builder().trustPacks(true))")));
    }

    /** The sessions' budget: the built-in rules alone, or with packs, which run under it. */
    private io.zpadoctor.rules.internal.Budget sessionBudget() {
        return new io.zpadoctor.rules.internal.Budget(budget, !packs.isEmpty());
    }

    private static final java.util.concurrent.atomic.AtomicBoolean PRELOADING = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * Starts loading the built-in rules and catalog on a background thread, so the load overlaps whatever the
     * caller does next (parsing options, reading a bundle); {@link Builder#build()} then finds them ready or waits
     * for them. Calling it again, or after they are loaded, does nothing.
     */
    public static void preload() {
        if (RuleBase.isLoaded() || !PRELOADING.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                RuleBase.builtIn();
                Catalog.builtIn();
            } catch (RuntimeException | LinkageError e) {
                // build() loads them again on the caller's thread and reports the problem there
            }
        }, "zpa-doctor-preload");
        t.setDaemon(true);
        t.start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The catalog this diagnoser explains findings with. */
    public Catalog catalog() {
        return catalog;
    }

    /**
     * Why {@code code} did or did not fire on these facts: for each rule that emits it, its conditions and how
     * many matches each had. Compiles diagnostic queries at run time, so it takes a second or two.
     */
    public Explanation explain(String code, Facts facts) {
        Objects.requireNonNull(code, "code");
        EvaluationTime time = facts.evaluationTime() != null ? facts.evaluationTime()
                : new EvaluationTime(clock.instant(), "system clock");
        Thresholds thr = facts.thresholds() != null ? facts.thresholds() : thresholds;
        Map<String, String> sources = new java.util.LinkedHashMap<>(WhyNot.builtInSources());
        for (RulePack p : packs) {
            p.sources().forEach((file, text) -> sources.put(p.name() + "/" + file, text));
        }
        return WhyNot.explain(code, facts, sources, packs.stream().map(RulePack::build).toList(),
                ScopeResolver.resolve(facts.reportedCase(), facts.tenant()).scope(), time, thr, budget);
    }

    /** The rule packs this diagnoser runs besides the built-in rules. */
    public List<RulePack> rulePacks() {
        return packs;
    }

    /** Milliseconds it took to load the built-in rules in this process. */
    public static double ruleLoadMillis() {
        return RuleBase.builtIn().loadNanos() / 1e6;
    }

    /** The version of ZPA Doctor, e.g. {@code 0.1.0}. */
    public static String version() {
        String v = version;
        if (v == null) {
            Properties p = new Properties();
            try (InputStream in = Diagnoser.class.getResourceAsStream("version.properties")) {
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

    /**
     * Diagnoses the whole tenant at once, whatever case the facts carry (only its cloud and customer id are
     * kept, to fill commands), and summarises it as a fleet.
     */
    public FleetReport diagnoseFleet(Facts facts) {
        Objects.requireNonNull(facts, "facts");
        ReportedCase rc = facts.reportedCase();
        Facts tenantWide = facts.toBuilder()
                .reportedCase(new ReportedCase(null, null, null, null, rc.cloud(), rc.customerId(), rc.managementApi())).build();
        // the summary's counts are taken on the index's walk over the connectors
        Preparation prepared = Preparation.start(tenantWide.tenant(), rules.kieBase(), parallel, !sharded(tenantWide),
                true);
        Diagnosis d = diagnose(tenantWide, prepared);
        return Fleets.summarise(d, tenantWide.tenant(), prepared.index());
    }

    public Diagnosis diagnose(Facts facts) {
        Objects.requireNonNull(facts, "facts");
        return diagnose(facts, prepare(facts));
    }

    /** Starts indexing the tenant while the session is set up; a sharded diagnosis relates each shard itself. */
    private Preparation prepare(Facts facts) {
        return Preparation.start(facts.tenant(), rules.kieBase(), parallel, !sharded(facts));
    }

    /** Whether this diagnosis runs in shards: a large tenant-wide case, and no pack (whose rules may join groups). */
    private boolean sharded(Facts facts) {
        return facts.tenant().connectors().size() > partitionAbove && Partitioner.applies(facts) && packs.isEmpty();
    }

    private Diagnosis diagnose(Facts facts, Preparation prepared) {
        EvaluationTime time = facts.evaluationTime() != null ? facts.evaluationTime()
                : new EvaluationTime(clock.instant(), "system clock");
        Thresholds thr = facts.thresholds() != null ? facts.thresholds() : thresholds;
        ReportedCase rc = facts.reportedCase();
        ScopeResolver.Result scope = ScopeResolver.resolve(rc, facts.tenant());

        SessionRunner.Result run = run(facts, scope, time, thr, prepared);
        TenantIndex index = prepared.index();

        Map<String, String> globals = globals(rc);
        List<Finding> explained = Explainer.explain(run.findings(), catalog, index, globals);
        Verdicts verdicts = new Verdicts(catalog, rc, scope.scope());
        Verdicts.Linked linked = verdicts.link(explained);
        List<Finding> acknowledged = Explainer.acknowledge(linked.reported(), catalog, index, globals);
        Suppressions.Result suppressed = Suppressions.apply(acknowledged, suppressions,
                time.instant().atZone(java.time.ZoneOffset.UTC).toLocalDate());
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
        Set<String> fired = new HashSet<>();
        ordered.forEach(f -> fired.add(f.code()));
        // an umbrella a cause explains was found, not passed: it is only left out of the report
        linked.withheld().forEach(f -> fired.add(f.code()));
        Evaluability.Result eval = Evaluability.assess(catalog, facts.tenant(), facts.hostFacts(), contexts, fired);

        List<String> servingGroups = run.servingGroups().stream().map(s -> s.connectorGroupId()).distinct().toList();
        List<String> notes = new ArrayList<>(facts.notes());
        notes.addAll(scope.notes());
        notes.addAll(suppressed.notes());
        if (!"system clock".equals(time.basis())) {
            notes.add("Evaluated as of " + time.instant() + " (" + time.basis() + ").");
        }
        return new Diagnosis(version(), rc, facts.origin(), time, thr, ordered, linked.withheld(), primary, eval.passed(),
                eval.notEvaluated(), notes, Summaries.affected(scope.scope(), index, ordered),
                Summaries.groups(facts.tenant(), index, scope.scope(), ordered, servingGroups, time.instant()),
                catalog.persist(), run.fired(), run.nanos());
    }

    /** One session, or, for a large tenant-wide case, one per shard of whole groups (same findings, less GC). */
    private SessionRunner.Result run(Facts facts, ScopeResolver.Result scope, EvaluationTime time, Thresholds thr,
                                     Preparation prepared) {
        // a pack's rules may join across groups, so a diagnosis with packs always runs in one session
        if (!sharded(facts)) {
            return SessionRunner.run(rules.kieBase(), facts, scope.scope(), time, thr, listeners,
                    SessionRunner.fireLimit(facts), prepared, sessionBudget());
        }
        long start = System.nanoTime();
        List<Facts> shards = Partitioner.shards(facts, shardConnectors);
        java.util.stream.Stream<Facts> stream = parallel ? shards.parallelStream() : shards.stream();
        // Drools finds its services through the context class loader: a pool thread gets the caller's, so a
        // library loaded by a plugin's class loader works on every shard as it does on the calling thread
        ClassLoader callers = Thread.currentThread().getContextClassLoader();
        List<SessionRunner.Result> parts = stream.map(f -> {
            Thread here = Thread.currentThread();
            ClassLoader before = here.getContextClassLoader();
            here.setContextClassLoader(callers);
            try {
                return SessionRunner.run(rules.kieBase(), f, scope.scope(), time, thr, listeners,
                        SessionRunner.fireLimit(f), null, sessionBudget());
            } finally {
                here.setContextClassLoader(before);
            }
        }).toList();
        return SessionRunner.merge(parts, System.nanoTime() - start);
    }

    private static Map<String, String> globals(ReportedCase rc) {
        Map<String, String> g = new HashMap<>();
        String customer = rc.customerId() != null ? rc.customerId() : "<customer-id>";
        g.put("customerId", customer);
        g.put("cloud", rc.cloud() != null ? rc.cloud() : "prod.zpath.net");
        g.put("brokerName", rc.brokerDiscoveryName());
        g.put("apiBase", rc.managementApiOrDefault() + "/v1/admin/customers/" + customer);
        return g;
    }

    public static final class Builder {
        private Thresholds thresholds = Thresholds.DEFAULTS;
        private final List<io.zpadoctor.model.finding.SuppressionRule> suppressions = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private final List<RuleListener> listeners = new ArrayList<>();
        private final List<RulePack> packs = new ArrayList<>();
        private Catalog catalog = Catalog.builtIn();
        private int partitionAbove = 20_000;
        private int shardConnectors = 5_000;
        private boolean parallel = true;
        private java.time.Duration budget = java.time.Duration.ofSeconds(5);
        private boolean trustPacks;

        private Builder() {
        }

        /**
         * Tenant-wide diagnoses of more than {@code connectors} connectors run in sessions of about
         * {@code shardConnectors} connectors each (whole groups), on all cores when {@code parallel}. The findings
         * are the same; the memory a session holds is not. Defaults: above 20,000, shards of 5,000, parallel.
         * With {@code parallel}, every diagnosis also indexes the tenant on a second core (the common pool) while
         * its session takes the tenant's records; without, everything runs on the caller's thread.
         */
        public Builder partitioning(int connectors, int shardConnectors, boolean parallel) {
            if (connectors < 0 || shardConnectors < 1) {
                throw new IllegalArgumentException("partitioning needs connectors >= 0 and shardConnectors >= 1");
            }
            this.partitionAbove = connectors;
            this.shardConnectors = shardConnectors;
            this.parallel = parallel;
            return this;
        }

        /**
         * How long a rule pack's rules may run in one diagnosis (default 5 s): past it the diagnosis stops with a
         * {@link DiagnosisException} naming the rule that kept firing or did not return.
         */
        public Builder budget(java.time.Duration wall) {
            if (wall == null || wall.isNegative() || wall.isZero()) {
                throw new IllegalArgumentException("the budget must be a positive duration");
            }
            this.budget = wall;
            return this;
        }

        /**
         * Runs packs whose compiled rules end the process, start processes, touch files or the network, or use
         * reflection ({@code zpa-doctor rules lint} lists them). Without it, {@link #rulePack(RulePack)} refuses such
         * a pack: call this first.
         */
        public Builder trustPacks(boolean trust) {
            this.trustPacks = trust;
            return this;
        }

        /** Thresholds for facts that do not carry their own (the runbook's by default). */
        public Builder thresholds(Thresholds t) {
            this.thresholds = Objects.requireNonNull(t, "thresholds");
            return this;
        }

        /** Findings these rules match are reported as suppressed (with the reason) until the rule expires. */
        public Builder suppressions(List<io.zpadoctor.model.finding.SuppressionRule> rules) {
            this.suppressions.addAll(rules);
            return this;
        }

        /** The thresholds and suppressions of a config file. */
        public Builder config(DoctorConfig config) {
            return thresholds(config.thresholds()).suppressions(config.suppressions());
        }

        /** The clock for facts without an evaluation time (the system clock by default). */
        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        /**
         * Runs a rule pack's rules next to the built-in ones. Its codes must not collide with the built-in codes or
         * with another pack's. A pack is code: load only packs you trust.
         */
        public Builder rulePack(RulePack pack) throws RulePackException {
            Objects.requireNonNull(pack, "pack");
            if (!trustPacks && !pack.capabilities().isEmpty()) {
                throw untrusted(pack);
            }
            try {
                catalog = catalog.with(pack.catalog());
            } catch (IllegalArgumentException e) {
                throw new RulePackException(pack.location(), List.of(new RulePackException.Problem(
                        pack.location() + "/catalog.yaml", -1, -1, e.getMessage())));
            }
            packs.add(pack);
            return this;
        }

        /** Compiles (once per process) and adds the rule pack at this path. */
        public Builder rulePack(java.nio.file.Path path) throws RulePackException {
            return rulePack(RulePack.load(path));
        }

        /** Told about every rule that fires (from several threads when a large tenant is diagnosed in parts). */
        public Builder ruleListener(RuleListener l) {
            this.listeners.add(Objects.requireNonNull(l, "listener"));
            return this;
        }

        public Diagnoser build() {
            return new Diagnoser(this);
        }
    }
}
