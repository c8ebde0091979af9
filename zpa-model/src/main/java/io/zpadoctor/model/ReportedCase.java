package io.zpadoctor.model;

import io.zpadoctor.model.internal.Require;

/**
 * What the administrator reported, from {@code case.json} or the command line. Every part is optional:
 * an empty case diagnoses everything in the tenant.
 *
 * @param connectorName the connector (or VM) the report is about; it may not exist in the API if it never enrolled
 * @param groupName the connector group the report is about
 * @param cloud the ZPA cloud, e.g. {@code prod.zpath.net}, used to fill host commands ({@code co2br.<cloud>})
 * @param customerId the ZPA tenant id, used to fill API paths in remediation steps; null leaves a placeholder
 */
public record ReportedCase(
        Symptom symptom,
        String connectorName,
        String groupName,
        ApplicationTarget application,
        String cloud,
        String customerId) {

    public static final ReportedCase NONE = new ReportedCase(null, null, null, null, null, null);

    public ReportedCase {
        connectorName = Require.blankToNull(connectorName == null ? null : connectorName.trim());
        groupName = Require.blankToNull(groupName == null ? null : groupName.trim());
        cloud = Require.blankToNull(cloud == null ? null : cloud.trim());
        customerId = Require.blankToNull(customerId == null ? null : customerId.trim());
        if (customerId != null && !customerId.matches("\\d{1,19}")) {
            throw new IllegalArgumentException("customer id '" + customerId + "' is not a number of up to 19 digits");
        }
    }

    public ReportedCase withSymptom(Symptom s) {
        return new ReportedCase(s, connectorName, groupName, application, cloud, customerId);
    }

    public ReportedCase withConnectorName(String n) {
        return new ReportedCase(symptom, n, groupName, application, cloud, customerId);
    }

    public ReportedCase withGroupName(String n) {
        return new ReportedCase(symptom, connectorName, n, application, cloud, customerId);
    }

    public ReportedCase withApplication(ApplicationTarget a) {
        return new ReportedCase(symptom, connectorName, groupName, a, cloud, customerId);
    }

    /** The broker discovery name a connector resolves, {@code co2br.<cloud>}. */
    public String brokerDiscoveryName() {
        return "co2br." + (cloud != null ? cloud : "prod.zpath.net");
    }

    public boolean hasScope() {
        return connectorName != null || groupName != null;
    }
}
