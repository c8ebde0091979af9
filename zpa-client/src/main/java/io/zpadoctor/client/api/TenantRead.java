package io.zpadoctor.client.api;

import io.zpadoctor.model.tenant.Tenant;
import io.zpadoctor.model.tenant.TenantCollection;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A whole tenant as read from the API.
 *
 * @param tenant the facts, mapped exactly as a bundle's {@code api/*.json} would be
 * @param objects the API's own objects per collection, in page order, with provisioning key strings already cut
 *                down to their public prefix: what a snapshot writes
 * @param warnings what the read noticed (the tenant changing while it was read...)
 * @param readAt when the last page arrived
 */
public record TenantRead(Tenant tenant, Map<TenantCollection, List<ApiObject>> objects, List<String> warnings,
                         Instant readAt, ReadStats stats) {
    public TenantRead {
        EnumMap<TenantCollection, List<ApiObject>> copy = new EnumMap<>(TenantCollection.class);
        objects.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        objects = Collections.unmodifiableMap(copy);
        warnings = List.copyOf(warnings);
    }
}
