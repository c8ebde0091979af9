package io.zpadoctor.model.tenant;

/** The kinds of tenant objects read from the API, each one list endpoint and one bundle file. */
public enum TenantCollection {
    CONNECTORS("api/connectors.json"),
    CONNECTOR_GROUPS("api/connector-groups.json"),
    PROVISIONING_KEYS("api/provisioning-keys.json"),
    ENROLLMENT_CERTIFICATES("api/enrollment-certificates.json"),
    SERVER_GROUPS("api/server-groups.json"),
    APPLICATION_SEGMENTS("api/application-segments.json");

    private final String bundlePath;

    TenantCollection(String bundlePath) {
        this.bundlePath = bundlePath;
    }

    /** The file of a support bundle that holds this collection. */
    public String bundlePath() {
        return bundlePath;
    }
}
