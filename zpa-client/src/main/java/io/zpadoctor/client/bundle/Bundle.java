package io.zpadoctor.client.bundle;

import io.zpadoctor.client.api.TenantRead;
import io.zpadoctor.client.api.ZpaApiConfig;
import io.zpadoctor.client.host.HostFolder;
import io.zpadoctor.client.host.HostEvidence;
import io.zpadoctor.model.Facts;
import io.zpadoctor.model.ReportedCase;
import io.zpadoctor.model.telemetry.TelemetryFeed;
import io.zpadoctor.model.tenant.Tenant;

import java.time.Instant;
import java.util.List;

/**
 * A support bundle as read: the tenant's API objects, the reported case, and the raw host outputs.
 *
 * @param origin the path it was read from
 * @param collectedAt when it was collected ({@code case.json collectedAt}), or null
 * @param warnings what was noticed while reading: skipped links, missing pages, unknown files
 * @param telemetry the Log Streaming Service records of {@code lss/}, read as they came
 */
public record Bundle(String origin, Tenant tenant, ReportedCase reportedCase, Instant collectedAt,
                     List<HostFolder> hosts, List<String> warnings, TelemetryFeed telemetry) {

    public Bundle {
        hosts = List.copyOf(hosts);
        warnings = List.copyOf(warnings);
        reportedCase = reportedCase == null ? ReportedCase.NONE : reportedCase;
        telemetry = telemetry == null ? TelemetryFeed.empty() : telemetry;
    }

    /** A bundle without {@code lss/} records. */
    public Bundle(String origin, Tenant tenant, ReportedCase reportedCase, Instant collectedAt, List<HostFolder> hosts,
                  List<String> warnings) {
        this(origin, tenant, reportedCase, collectedAt, hosts, warnings, null);
    }

    /**
     * The tenant as the live API answered it, with nothing reported yet: what a diagnosis of a live tenant starts
     * from, before the command line's case and any collected host folders ({@link #withHostsFrom}) are added.
     */
    public static Bundle fromApi(ZpaApiConfig config, TenantRead read) {
        return new Bundle(config.describe(), read.tenant(), ReportedCase.at(config.location()), null, List.of(),
                read.warnings());
    }

    /** The same bundle evaluated as of {@code at}, or as of now when null (a live read is evaluated now). */
    public Bundle withCollectedAt(Instant at) {
        return new Bundle(origin, tenant, reportedCase, at, hosts, warnings, telemetry);
    }

    /** The same bundle with another case (the command line overrides {@code case.json}). */
    public Bundle withCase(ReportedCase c) {
        return new Bundle(origin, tenant, c, collectedAt, hosts, warnings, telemetry);
    }

    /**
     * This bundle with the host folders of another (one collected on a connector VM) added: the tenant stays
     * this one's, and the other's {@code case.json} only fills what this one leaves open. A host folder whose
     * name this bundle already has is left out, with a warning.
     */
    public Bundle withHostsFrom(Bundle other) {
        java.util.List<HostFolder> merged = new java.util.ArrayList<>(hosts);
        java.util.List<String> notes = new java.util.ArrayList<>(warnings);
        java.util.Set<String> names = new java.util.HashSet<>();
        hosts.forEach(h -> names.add(h.name()));
        for (HostFolder h : other.hosts()) {
            if (names.add(h.name())) {
                merged.add(h);
            } else {
                notes.add(other.origin() + ": host folder " + h.name() + " is already in " + origin + "; left out");
            }
        }
        notes.addAll(other.warnings());
        if (other.hosts().isEmpty()) {
            notes.add(other.origin() + ": holds no hosts/ folder");
        }
        if (!other.telemetry().isEmpty()) {
            notes.add(other.origin() + ": its lss/ records are ignored; telemetry comes from " + origin);
        }
        if (!other.tenant().loaded().isEmpty()) {
            notes.add(other.origin() + ": its api/ files are ignored; the tenant comes from " + origin);
        }
        ReportedCase c = reportedCase.orElse(other.reportedCase());
        return new Bundle(origin + " + hosts from " + other.origin(), tenant, c,
                collectedAt != null ? collectedAt : other.collectedAt(), merged, notes, telemetry);
    }

    /** The facts to diagnose: evaluated as of the collection time when the bundle records one. */
    public Facts toFacts() {
        Facts.Builder b = Facts.builder().tenant(tenant).reportedCase(reportedCase).origin(origin)
                .hostFacts(HostEvidence.collect(hosts, tenant, reportedCase, collectedAt)).notes(warnings)
                .telemetry(telemetry);
        if (collectedAt != null) {
            b.evaluatedAt(collectedAt, "case.json collectedAt");
        }
        return b.build();
    }
}
