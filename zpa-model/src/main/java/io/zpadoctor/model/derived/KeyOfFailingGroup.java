package io.zpadoctor.model.derived;

import io.zpadoctor.model.tenant.ProvisioningKey;

/**
 * A connector provisioning key of a group failing to enroll (every connector key, when a failing connector's group
 * is unknown), with the connectors failing: what the enrollment rules check a key against.
 *
 * @param key a connector key naming the group (any connector key, when the group is unknown)
 * @param connectors the failing connectors' names, sorted and comma-separated, or null when none is named
 * @param failing how many connectors (or reports) are failing to enroll into the key's group
 */
public record KeyOfFailingGroup(ProvisioningKey key, String connectors, int failing) {

    /** How many more enrollments the key must allow: one per failing connector, at least one. */
    public int enrollmentsNeeded() {
        return Math.max(1, failing);
    }
}
