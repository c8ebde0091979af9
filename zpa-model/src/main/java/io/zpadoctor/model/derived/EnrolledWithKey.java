package io.zpadoctor.model.derived;

import io.zpadoctor.model.tenant.AppConnector;
import io.zpadoctor.model.tenant.ProvisioningKey;

import java.util.List;

/**
 * The connectors that carry one {@code provisioningKeyId}, with that key when the tenant still has it: one fact
 * per key id, so asking "is this key gone?" is a test on a few hundred facts, not a join over every connector.
 *
 * @param key the provisioning key with this id, or null when no key has it
 * @param connectors the connectors naming this key, in the tenant's order
 */
public record EnrolledWithKey(String keyId, ProvisioningKey key, List<AppConnector> connectors) {
    public EnrolledWithKey {
        connectors = List.copyOf(connectors);
    }
}
