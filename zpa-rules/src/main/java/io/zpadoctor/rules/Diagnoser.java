package io.zpadoctor.rules;

import io.zpadoctor.model.EvaluationTime;
import io.zpadoctor.model.Facts;
import io.zpadoctor.model.ReportedCase;
import io.zpadoctor.model.Thresholds;
import io.zpadoctor.model.finding.Finding;
import io.zpadoctor.rules.internal.Evaluability;
import io.zpadoctor.rules.internal.Explainer;
import io.zpadoctor.rules.internal.Fleets;
import io.zpadoctor.rules.internal.RuleBase;
import io.zpadoctor.rules.internal.ScopeResolver;
import io.zpadoctor.rules.internal.SessionRunner;
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
    private final Clock clock;
    private final List<RuleListener> listeners;
    private final Catalog catalog;
    private final RuleBase rules;

    private Diagnoser(Builder b) {
        this.thresholds = b.thresholds;
        this.clock = b.clock;
        this.listeners = List.copyOf(b.listeners);
        this.catalog = Catalog.builtIn();
        this.rules = RuleBase.builtIn();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The catalog this diagnoser explains findings with. */
    public Catalog catalog() {
        return catalog;
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
                .reportedCase(new ReportedCase(null, null, null, null, rc.cloud(), rc.customerId())).build();
        Diagnosis d = diagnose(tenantWide);
        return Fleets.summarise(d, tenantWide.tenant(), new TenantIndex(tenantWide.tenant()));
    }

    public Diagnosis diagnose(Facts facts) {
        Objects.requireNonNull(facts, "facts");
        EvaluationTime time = facts.evaluationTime() != null ? facts.evaluationTime()
                : new EvaluationTime(clock.instant(), "system clock");
        Thresholds thr = facts.thresholds() != null ? facts.thresholds() : thresholds;
        ReportedCase rc = facts.reportedCase();
        ScopeResolver.Result scope = ScopeResolver.resolve(rc, facts.tenant());

        SessionRunner.Result run = SessionRunner.run(rules.kieBase(), facts, scope.scope(), time, thr, listeners,
                SessionRunner.fireLimit(facts));

        TenantIndex index = new TenantIndex(facts.tenant());
        List<Finding> explained = Explainer.explain(run.findings(), catalog, index, globals(rc));
        Verdicts verdicts = new Verdicts(catalog, rc, scope.scope());
        List<Finding> ordered = verdicts.linkAndSort(explained);
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
        Evaluability.Result eval = Evaluability.assess(catalog, facts.tenant(), facts.hostFacts(), contexts, fired);

        List<String> servingGroups = run.servingGroups().stream().map(s -> s.connectorGroupId()).distinct().toList();
        List<String> notes = new ArrayList<>(facts.notes());
        notes.addAll(scope.notes());
        if (!"system clock".equals(time.basis())) {
            notes.add("Evaluated as of " + time.instant() + " (" + time.basis() + ").");
        }
        return new Diagnosis(version(), rc, facts.origin(), time, thr, ordered, primary, eval.passed(),
                eval.notEvaluated(), notes, Summaries.affected(scope.scope(), index, ordered),
                Summaries.groups(facts.tenant(), index, scope.scope(), ordered, servingGroups, time.instant()),
                catalog.persist(), run.fired(), run.nanos());
    }

    private static Map<String, String> globals(ReportedCase rc) {
        Map<String, String> g = new HashMap<>();
        String customer = rc.customerId() != null ? rc.customerId() : "<customer-id>";
        g.put("customerId", customer);
        g.put("cloud", rc.cloud() != null ? rc.cloud() : "prod.zpath.net");
        g.put("brokerName", rc.brokerDiscoveryName());
        g.put("apiBase", "https://api.zsapi.net/zpa/mgmtconfig/v1/admin/customers/" + customer);
        return g;
    }

    public static final class Builder {
        private Thresholds thresholds = Thresholds.DEFAULTS;
        private Clock clock = Clock.systemUTC();
        private final List<RuleListener> listeners = new ArrayList<>();

        private Builder() {
        }

        /** Thresholds for facts that do not carry their own (the runbook's by default). */
        public Builder thresholds(Thresholds t) {
            this.thresholds = Objects.requireNonNull(t, "thresholds");
            return this;
        }

        /** The clock for facts without an evaluation time (the system clock by default). */
        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        /** Told about every rule that fires. */
        public Builder ruleListener(RuleListener l) {
            this.listeners.add(Objects.requireNonNull(l, "listener"));
            return this;
        }

        public Diagnoser build() {
            return new Diagnoser(this);
        }
    }
}
