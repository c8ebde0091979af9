package io.zpadoctor.model.internal.lookup;

import io.zpadoctor.model.derived.EnrolledWithKey;
import io.zpadoctor.model.tenant.ProvisioningKey;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The tenant's provisioning keys by the group they name and by the prefix a connector prints, and the key ids
 * connectors carry that no key has any more, as one fact: the enrollment and upgrade rules ask "has this group
 * a key?", "whose key has this prefix?" and "whose key was deleted?" of it instead of joining every key, which
 * costs a tuple per key in each such rule whether or not any connector fails to enroll.
 */
public final class TenantKeys {
    private final Map<String, List<ProvisioningKey>> byGroup;
    private final Map<String, List<ProvisioningKey>> byPrefix;
    private final boolean anyForConnectors;
    private final List<EnrolledWithKey> deleted;

    /**
     * Wraps the maps without copying them, once per diagnosis: the caller, the diagnoser,
     * does not change them afterwards. That is why this lookup is internal: a public type would copy them.
     *
     * @param byGroup every key by its {@code groupId}, in the tenant's order
     * @param byPrefix every key that has a public prefix, by that prefix, in the tenant's order
     * @param anyForConnectors whether any key of the tenant is for connector groups
     * @param deleted the key ids connectors carry that no key of the tenant has, with those connectors
     */
    public TenantKeys(Map<String, List<ProvisioningKey>> byGroup, Map<String, List<ProvisioningKey>> byPrefix,
                      boolean anyForConnectors, List<EnrolledWithKey> deleted) {
        this.byGroup = Collections.unmodifiableMap(byGroup);
        this.byPrefix = Collections.unmodifiableMap(byPrefix);
        this.anyForConnectors = anyForConnectors;
        this.deleted = List.copyOf(deleted);
    }

    /** The keys naming this group, of every kind. */
    public List<ProvisioningKey> ofGroup(String groupId) {
        List<ProvisioningKey> l = groupId == null ? null : byGroup.get(groupId);
        return l == null ? List.of() : Collections.unmodifiableList(l);
    }

    /** Whether the group has a key for connector groups. */
    public boolean hasConnectorKey(String groupId) {
        for (ProvisioningKey k : ofGroup(groupId)) {
            if (k.isForConnectors()) {
                return true;
            }
        }
        return false;
    }

    /** Whether one of the group's keys has a public prefix. */
    public boolean hasPrefixedKey(String groupId) {
        for (ProvisioningKey k : ofGroup(groupId)) {
            if (k.publicPrefix() != null) {
                return true;
            }
        }
        return false;
    }

    /** Whether one of the group's keys has this public prefix (null: one without a prefix). */
    public boolean hasKeyWithPrefix(String groupId, String prefix) {
        for (ProvisioningKey k : ofGroup(groupId)) {
            if (Objects.equals(k.publicPrefix(), prefix)) {
                return true;
            }
        }
        return false;
    }

    /** The keys, of any group, whose public prefix is this one; none for null. */
    public List<ProvisioningKey> withPrefix(String prefix) {
        List<ProvisioningKey> l = prefix == null ? null : byPrefix.get(prefix);
        return l == null ? List.of() : Collections.unmodifiableList(l);
    }

    /** The key ids connectors carry that no key of the tenant has (deleted keys), each with its connectors. */
    public List<EnrolledWithKey> deletedKeys() {
        return deleted;
    }

    /** Whether any key of the tenant is for connector groups (a tenant enrolling with user codes may have none). */
    public boolean anyForConnectors() {
        return anyForConnectors;
    }

    @Override
    public String toString() {
        return "TenantKeys[" + byGroup.size() + " groups, " + byPrefix.size() + " prefixes, " + deleted.size()
                + " deleted]";
    }
}
