package io.zpadoctor.model.tenant;

import io.zpadoctor.model.internal.Require;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Everything read about a tenant's configuration, from a bundle or the live API.
 *
 * @param loaded which collections were actually read: an empty list for a collection that was read means
 *               "there are none", while a collection that was not read means "cannot tell"
 */
public record Tenant(
        List<AppConnector> connectors,
        List<ConnectorGroup> groups,
        List<ProvisioningKey> keys,
        List<EnrollmentCertificate> certificates,
        List<ServerGroup> serverGroups,
        List<ApplicationSegment> segments,
        Set<TenantCollection> loaded) {

    public static final Tenant EMPTY = new Tenant(null, null, null, null, null, null, null);

    public Tenant {
        connectors = Require.list(connectors);
        groups = Require.list(groups);
        keys = Require.list(keys);
        certificates = Require.list(certificates);
        serverGroups = Require.list(serverGroups);
        segments = Require.list(segments);
        loaded = loaded == null || loaded.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(loaded));
    }

    public boolean isLoaded(TenantCollection c) {
        return loaded.contains(c);
    }

    public int objectCount() {
        return connectors.size() + groups.size() + keys.size() + certificates.size() + serverGroups.size()
                + segments.size();
    }
}
