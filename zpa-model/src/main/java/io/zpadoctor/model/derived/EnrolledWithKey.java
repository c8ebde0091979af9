package io.zpadoctor.model.derived;

import io.zpadoctor.model.tenant.AppConnector;

import java.util.List;

/**
 * The connectors that carry one {@code provisioningKeyId}, whether or not that key still exists: one fact per
 * key id, so asking "is this key gone?" costs one join per key, not one per connector.
 *
 * @param connectors the connectors naming this key, in the tenant's order
 */
public record EnrolledWithKey(String keyId, List<AppConnector> connectors) {
    public EnrolledWithKey {
        connectors = List.copyOf(connectors);
    }
}
