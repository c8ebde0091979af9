package io.zpadoctor.model;

import io.zpadoctor.model.host.HostFact;
import io.zpadoctor.model.internal.Require;
import io.zpadoctor.model.telemetry.TelemetryFeed;
import io.zpadoctor.model.tenant.Tenant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a diagnosis starts from: the tenant's configuration, what the connector VMs showed, and what
 * the administrator reported.
 *
 * @param evaluationTime "now" for the rules; null lets the diagnoser use its clock
 * @param thresholds the limits to apply; null lets the diagnoser use its own (the runbook's by default)
 * @param origin a short description of where the facts came from, for the report (e.g. a bundle path)
 * @param notes what reading the input noticed that a reader of the report should know (missing pages...)
 * @param telemetry the Log Streaming Service records, summed up per connector ({@link TelemetryFeed#empty()} without)
 */
public record Facts(
        Tenant tenant,
        List<HostFact> hostFacts,
        ReportedCase reportedCase,
        EvaluationTime evaluationTime,
        Thresholds thresholds,
        String origin,
        List<String> notes,
        TelemetryFeed telemetry) {

    public Facts {
        telemetry = telemetry == null ? TelemetryFeed.empty() : telemetry;
        tenant = tenant == null ? Tenant.EMPTY : tenant;
        hostFacts = Require.list(hostFacts);
        reportedCase = reportedCase == null ? ReportedCase.NONE : reportedCase;
        notes = Require.list(notes);
    }

    /** Facts without telemetry. */
    public Facts(Tenant tenant, List<HostFact> hostFacts, ReportedCase reportedCase, EvaluationTime evaluationTime,
                 Thresholds thresholds, String origin, List<String> notes) {
        this(tenant, hostFacts, reportedCase, evaluationTime, thresholds, origin, notes, null);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder().tenant(tenant).reportedCase(reportedCase).thresholds(thresholds).origin(origin)
                .telemetry(telemetry);
        b.hostFacts.addAll(hostFacts);
        b.notes.addAll(notes);
        b.evaluationTime = evaluationTime;
        return b;
    }

    public static final class Builder {
        private Tenant tenant = Tenant.EMPTY;
        private final List<HostFact> hostFacts = new ArrayList<>();
        private ReportedCase reportedCase = ReportedCase.NONE;
        private EvaluationTime evaluationTime;
        private Thresholds thresholds;
        private String origin;
        private final List<String> notes = new ArrayList<>();
        private TelemetryFeed telemetry;

        private Builder() {
        }

        public Builder tenant(Tenant v) { this.tenant = v; return this; }
        public Builder hostFact(HostFact v) { this.hostFacts.add(v); return this; }
        public Builder hostFacts(List<? extends HostFact> v) { this.hostFacts.addAll(v); return this; }
        public Builder reportedCase(ReportedCase v) { this.reportedCase = v; return this; }
        public Builder evaluationTime(EvaluationTime v) { this.evaluationTime = v; return this; }
        public Builder evaluatedAt(Instant v, String basis) { this.evaluationTime = new EvaluationTime(v, basis); return this; }
        public Builder thresholds(Thresholds v) { this.thresholds = v; return this; }
        public Builder origin(String v) { this.origin = v; return this; }
        public Builder note(String v) { this.notes.add(v); return this; }
        public Builder notes(List<String> v) { this.notes.addAll(v); return this; }
        public Builder telemetry(TelemetryFeed v) { this.telemetry = v; return this; }

        public Facts build() {
            return new Facts(tenant, hostFacts, reportedCase, evaluationTime, thresholds, origin, notes, telemetry);
        }
    }
}
