package io.zpadoctor.rules;

import io.zpadoctor.model.Facts;
import io.zpadoctor.model.Thresholds;
import io.zpadoctor.model.finding.SuppressionRule;
import io.zpadoctor.rules.internal.Pipeline;
import io.zpadoctor.rules.internal.engine.RuleBase;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

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
    private static final AtomicBoolean PRELOADING = new AtomicBoolean();

    private final Catalog catalog;
    private final List<RulePack> packs;
    private final Pipeline pipeline;

    private Diagnoser(Builder b) {
        for (RulePack p : b.packs) {
            if (!b.trustPacks && !p.capabilities().isEmpty()) {
                throw new IllegalStateException(untrusted(p).getMessage());
            }
        }
        this.catalog = b.catalog;
        this.packs = List.copyOf(b.packs);
        this.pipeline = new Pipeline(new Pipeline.Settings(b.thresholds, b.suppressions, b.clock, b.listeners,
                b.catalog, b.packs.stream().map(RulePack::build).toList(), b.partitionAbove, b.shardConnectors,
                b.parallel, b.budget));
    }

    static RulePackException untrusted(RulePack p) {
        return new RulePackException(p.location(), List.of(new RulePackException.Problem(p.location(), -1, -1,
                "its compiled rules " + String.join("; ", p.capabilities()) + ": a pack that does so runs only"
                        + " when trusted (zpa-doctor --trust-pack, or Diagnoser.builder().trustPacks(true))")));
    }

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
        return pipeline.explain(code, facts);
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
        return Pipeline.version();
    }

    /**
     * Diagnoses the whole tenant at once, whatever case the facts carry (only its cloud and customer id are
     * kept, to fill commands), and summarises it as a fleet.
     */
    public FleetReport diagnoseFleet(Facts facts) {
        Objects.requireNonNull(facts, "facts");
        return pipeline.diagnoseFleet(facts);
    }

    public Diagnosis diagnose(Facts facts) {
        Objects.requireNonNull(facts, "facts");
        return pipeline.diagnose(facts);
    }

    public static final class Builder {
        private Thresholds thresholds = Thresholds.DEFAULTS;
        private final List<SuppressionRule> suppressions = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private final List<RuleListener> listeners = new ArrayList<>();
        private final List<RulePack> packs = new ArrayList<>();
        private Catalog catalog = Catalog.builtIn();
        private int partitionAbove = 20_000;
        private int shardConnectors = 5_000;
        private boolean parallel = true;
        private Duration budget = Duration.ofSeconds(5);
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
        public Builder budget(Duration wall) {
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
        public Builder suppressions(List<SuppressionRule> rules) {
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
        public Builder rulePack(Path path) throws RulePackException {
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
