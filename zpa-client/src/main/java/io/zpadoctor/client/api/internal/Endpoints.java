package io.zpadoctor.client.api.internal;

import io.zpadoctor.client.api.ZpaApiConfig;
import io.zpadoctor.model.tenant.TenantCollection;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The URLs of the API: {@code <base><prefix>/<v1|v2>/admin/customers/<id>/<resource>}. */
public final class Endpoints {
    private final ZpaApiConfig config;
    private final String root;

    public Endpoints(ZpaApiConfig config) {
        this.config = config;
        this.root = config.managementApi();
    }

    /** The list endpoint of a collection, relative to the customer (enrollment certificates list under v2). */
    public static String listResource(TenantCollection c) {
        return switch (c) {
            case CONNECTORS -> "connector";
            case CONNECTOR_GROUPS -> "appConnectorGroup";
            case PROVISIONING_KEYS -> "associationType/CONNECTOR_GRP/provisioningKey";
            case ENROLLMENT_CERTIFICATES -> "enrollmentCert";
            case SERVER_GROUPS -> "serverGroup";
            case APPLICATION_SEGMENTS -> "application";
        };
    }

    /** One page of a collection, at the configured page size, from the version its list lives under. */
    public URI page(TenantCollection c, int page) {
        return page(c, page, c == TenantCollection.ENROLLMENT_CERTIFICATES ? "v2" : "v1");
    }

    public URI page(TenantCollection c, int page, String version) {
        return URI.create(customer(version) + "/" + listResource(c) + "?page=" + page + "&pagesize="
                + config.pageSize() + microtenant("&"));
    }

    /** A v1 resource of the customer, e.g. {@code connector/72058304855090012}. */
    public URI resource(String resource) {
        String r = resource.startsWith("/") ? resource.substring(1) : resource;
        return URI.create(customer("v1") + "/" + r + microtenant(r.contains("?") ? "&" : "?"));
    }

    /** What a fact read from the API names as its source. */
    public static String source(TenantCollection c) {
        return "API GET /" + listResource(c);
    }

    private String customer(String version) {
        return root + "/" + version + "/admin/customers/" + config.customerId();
    }

    private String microtenant(String sep) {
        return config.microtenantId() == null ? ""
                : sep + "microtenantId=" + URLEncoder.encode(config.microtenantId(), StandardCharsets.UTF_8);
    }
}
