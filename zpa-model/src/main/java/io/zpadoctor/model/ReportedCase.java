package io.zpadoctor.model;

import io.zpadoctor.model.internal.Require;

/**
 * What the administrator reported, from {@code case.json} or the command line, and where the tenant lives. Every
 * part is optional: an empty case diagnoses everything in the tenant.
 *
 * @param connectorName the connector (or VM) the report is about; it may not exist in the API if it never enrolled
 * @param groupName the connector group the report is about
 * @param location where the tenant lives (cloud, customer id, management API), for the remediation steps' commands
 */
public record ReportedCase(
        Symptom symptom,
        String connectorName,
        String groupName,
        ApplicationTarget application,
        TenantLocation location) {

    /** Nothing reported, nothing known of where the tenant lives. */
    public static final ReportedCase NONE = new ReportedCase(null, null, null, null, TenantLocation.UNKNOWN);

    public ReportedCase {
        connectorName = Require.blankToNull(connectorName == null ? null : connectorName.trim());
        groupName = Require.blankToNull(groupName == null ? null : groupName.trim());
        location = location == null ? TenantLocation.UNKNOWN : location;
    }

    /** Nothing reported about a tenant that lives at {@code location}: what a tenant-wide diagnosis starts from. */
    public static ReportedCase at(TenantLocation location) {
        return new ReportedCase(null, null, null, null, location);
    }

    /** The same report about a tenant that lives elsewhere. */
    public ReportedCase withLocation(TenantLocation l) {
        return new ReportedCase(symptom, connectorName, groupName, application, l);
    }

    public ReportedCase withSymptom(Symptom s) {
        return new ReportedCase(s, connectorName, groupName, application, location);
    }

    public ReportedCase withConnectorName(String n) {
        return new ReportedCase(symptom, n, groupName, application, location);
    }

    public ReportedCase withGroupName(String n) {
        return new ReportedCase(symptom, connectorName, n, application, location);
    }

    public ReportedCase withApplication(ApplicationTarget a) {
        return new ReportedCase(symptom, connectorName, groupName, a, location);
    }

    /** This report, each part it leaves open taken from {@code other}. */
    public ReportedCase orElse(ReportedCase other) {
        return new ReportedCase(symptom != null ? symptom : other.symptom,
                connectorName != null ? connectorName : other.connectorName,
                groupName != null ? groupName : other.groupName,
                application != null ? application : other.application,
                location.orElse(other.location));
    }

    public boolean hasScope() {
        return connectorName != null || groupName != null;
    }
}
