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
 * @param managementApi the management API root the tenant is served from, up to {@code /mgmtconfig}
 *                      ({@code https://config.private.zscaler.com/mgmtconfig} for API keys); null for OneAPI's
 *                      {@link #DEFAULT_MANAGEMENT_API}
 */
public record ReportedCase(
        Symptom symptom,
        String connectorName,
        String groupName,
        ApplicationTarget application,
        String cloud,
        String customerId,
        String managementApi) {

    /** The OneAPI management root, which remediation steps address unless the case names another. */
    public static final String DEFAULT_MANAGEMENT_API = "https://api.zsapi.net/zpa/mgmtconfig";

    public static final ReportedCase NONE = new ReportedCase(null, null, null, null, null, null, null);

    /** A case served from the OneAPI management root. */
    public ReportedCase(Symptom symptom, String connectorName, String groupName, ApplicationTarget application,
                        String cloud, String customerId) {
        this(symptom, connectorName, groupName, application, cloud, customerId, null);
    }

    public ReportedCase {
        connectorName = Require.blankToNull(connectorName == null ? null : connectorName.trim());
        groupName = Require.blankToNull(groupName == null ? null : groupName.trim());
        cloud = Require.blankToNull(cloud == null ? null : cloud.trim());
        customerId = Require.blankToNull(customerId == null ? null : customerId.trim());
        if (customerId != null && !customerId.matches("\\d{1,19}")) {
            throw new IllegalArgumentException("customer id '" + customerId + "' is not a number of up to 19 digits");
        }
        managementApi = Require.blankToNull(managementApi == null ? null : managementApi.trim());
        if (managementApi != null) {
            // it is printed in every API remediation step: a plain https/http URL, no credentials, query or fragment
            if (!managementApi.matches("https?://(?:[A-Za-z0-9.\\-]+|\\[[0-9A-Fa-f:.]+\\])(?::\\d{1,5})?(?:/[A-Za-z0-9._~\\-]+)*/?")) {
                throw new IllegalArgumentException("management API '" + managementApi
                        + "' is not an http(s) URL such as https://config.private.zscaler.com/mgmtconfig");
            }
            managementApi = managementApi.endsWith("/") ? managementApi.substring(0, managementApi.length() - 1)
                    : managementApi;
        }
    }

    /** The management API root remediation steps address: the case's, else OneAPI's. */
    public String managementApiOrDefault() {
        return managementApi != null ? managementApi : DEFAULT_MANAGEMENT_API;
    }

    public ReportedCase withManagementApi(String m) {
        return new ReportedCase(symptom, connectorName, groupName, application, cloud, customerId, m);
    }

    public ReportedCase withSymptom(Symptom s) {
        return new ReportedCase(s, connectorName, groupName, application, cloud, customerId, managementApi);
    }

    public ReportedCase withConnectorName(String n) {
        return new ReportedCase(symptom, n, groupName, application, cloud, customerId, managementApi);
    }

    public ReportedCase withGroupName(String n) {
        return new ReportedCase(symptom, connectorName, n, application, cloud, customerId, managementApi);
    }

    public ReportedCase withApplication(ApplicationTarget a) {
        return new ReportedCase(symptom, connectorName, groupName, a, cloud, customerId, managementApi);
    }

    /** The broker discovery name a connector resolves, {@code co2br.<cloud>}. */
    public String brokerDiscoveryName() {
        return "co2br." + (cloud != null ? cloud : "prod.zpath.net");
    }

    public boolean hasScope() {
        return connectorName != null || groupName != null;
    }
}
