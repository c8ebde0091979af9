package io.zpadoctor.client.bundle;

import io.zpadoctor.client.host.HostEvidence;
import io.zpadoctor.model.Facts;
import io.zpadoctor.model.ReportedCase;
import io.zpadoctor.model.tenant.Tenant;

import java.time.Instant;
import java.util.List;

/**
 * A support bundle as read: the tenant's API objects, the reported case, and the raw host outputs.
 *
 * @param origin the path it was read from
 * @param collectedAt when it was collected ({@code case.json collectedAt}), or null
 * @param warnings what was noticed while reading: skipped links, missing pages, unknown files
 */
public record Bundle(String origin, Tenant tenant, ReportedCase reportedCase, Instant collectedAt,
                     List<HostFolder> hosts, List<String> warnings) {

    public Bundle {
        hosts = List.copyOf(hosts);
        warnings = List.copyOf(warnings);
        reportedCase = reportedCase == null ? ReportedCase.NONE : reportedCase;
    }

    /** The same bundle with another case (the command line overrides {@code case.json}). */
    public Bundle withCase(ReportedCase c) {
        return new Bundle(origin, tenant, c, collectedAt, hosts, warnings);
    }

    /** The facts to diagnose: evaluated as of the collection time when the bundle records one. */
    public Facts toFacts() {
        Facts.Builder b = Facts.builder().tenant(tenant).reportedCase(reportedCase).origin(origin)
                .hostFacts(HostEvidence.collect(hosts, tenant, reportedCase, collectedAt)).notes(warnings);
        if (collectedAt != null) {
            b.evaluatedAt(collectedAt, "case.json collectedAt");
        }
        return b.build();
    }
}
