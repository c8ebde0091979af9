package io.zpadoctor.model;

import io.zpadoctor.model.internal.Require;

/**
 * Where the tenant lives, as opposed to what the administrator reported about it: read from {@code case.json},
 * the API configuration or the command line, and used only to fill commands and API paths in remediation steps.
 * Every part is optional; an unknown part leaves a placeholder or the documented default.
 *
 * @param cloud the ZPA cloud, e.g. {@code prod.zpath.net}, used to fill host commands ({@code co2br.<cloud>})
 * @param customerId the ZPA tenant id, used to fill API paths in remediation steps; null leaves a placeholder
 * @param managementApi the management API root the tenant is served from, up to {@code /mgmtconfig}
 *                      ({@code https://config.private.zscaler.com/mgmtconfig} for API keys); null for OneAPI's
 *                      {@link #DEFAULT_MANAGEMENT_API}
 */
public record TenantLocation(String cloud, String customerId, String managementApi) {

    /** The OneAPI management root, which remediation steps address unless the location names another. */
    public static final String DEFAULT_MANAGEMENT_API = "https://api.zsapi.net/zpa/mgmtconfig";

    /** Nothing known: remediation steps show the default cloud, OneAPI and a customer-id placeholder. */
    public static final TenantLocation UNKNOWN = new TenantLocation(null, null, null);

    public TenantLocation {
        cloud = trimmed(cloud);
        customerId = trimmed(customerId);
        if (customerId != null && !customerId.matches("\\d{1,19}")) {
            throw new IllegalArgumentException("customer id '" + customerId + "' is not a number of up to 19 digits");
        }
        managementApi = trimmed(managementApi);
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

    /** A location known by its customer id and management API root, as an API configuration knows it. */
    public static TenantLocation of(String customerId, String managementApi) {
        return new TenantLocation(null, customerId, managementApi);
    }

    /** The management API root remediation steps address: this location's, else OneAPI's. */
    public String managementApiOrDefault() {
        return managementApi != null ? managementApi : DEFAULT_MANAGEMENT_API;
    }

    /** The broker discovery name a connector resolves, {@code co2br.<cloud>}. */
    public String brokerDiscoveryName() {
        return "co2br." + (cloud != null ? cloud : "prod.zpath.net");
    }

    /** This location, each unknown part taken from {@code other}. */
    public TenantLocation orElse(TenantLocation other) {
        return new TenantLocation(cloud != null ? cloud : other.cloud,
                customerId != null ? customerId : other.customerId,
                managementApi != null ? managementApi : other.managementApi);
    }

    public TenantLocation withManagementApi(String m) {
        return new TenantLocation(cloud, customerId, m);
    }

    private static String trimmed(String s) {
        return Require.blankToNull(s == null ? null : s.trim());
    }
}
