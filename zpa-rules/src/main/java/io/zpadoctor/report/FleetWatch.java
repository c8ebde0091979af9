package io.zpadoctor.report;

import io.zpadoctor.model.Facts;
import io.zpadoctor.rules.Diagnoser;
import io.zpadoctor.rules.FleetReport;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * A tenant watched over time: each call diagnoses the tenant's current facts from scratch and says which findings
 * opened, resolved or changed since the previous call. A finding is open exactly while the rules find it, as truth
 * maintenance inside one long-lived session would give, but without keeping a session: the pipeline builds its
 * derived relations and shards outside the session on every run, and a warm run of 10,000 connectors takes
 * milliseconds. Thread-safe; one instance per tenant.
 */
public final class FleetWatch {
    /** One diagnosis of the watch and what it changed; {@code first} is true for the baseline. */
    public record Tick(FleetReport report, List<FindingChange> changes, boolean first, long diagnosisNanos) {
        public Tick {
            changes = List.copyOf(changes);
        }
    }

    private final Diagnoser doctor;
    private final Clock clock;
    private FleetReport last;

    public FleetWatch(Diagnoser doctor) {
        this(doctor, Clock.systemUTC());
    }

    /** Changes are stamped with {@code clock}'s time when the diagnosis that saw them ends. */
    public FleetWatch(Diagnoser doctor, Clock clock) {
        this.doctor = doctor;
        this.clock = clock;
    }

    public synchronized Tick next(Facts facts) {
        long t0 = System.nanoTime();
        FleetReport now = doctor.diagnoseFleet(facts);
        long nanos = System.nanoTime() - t0;
        Instant at = clock.instant();
        boolean first = last == null;
        List<FindingChange> changes = FindingChanges.between(
                first ? List.of() : last.diagnosis().findings(), first ? null : last.diagnosis().primary(),
                now.diagnosis().findings(), now.diagnosis().primary(), at);
        last = now;
        return new Tick(now, changes, first, nanos);
    }

    /** The latest diagnosis, or null before the first. */
    public synchronized FleetReport current() {
        return last;
    }
}
