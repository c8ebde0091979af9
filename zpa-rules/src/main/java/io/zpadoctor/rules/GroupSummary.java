package io.zpadoctor.rules;

import io.zpadoctor.model.derived.GroupHealth;
import io.zpadoctor.model.tenant.ConnectorGroup;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the report says about one connector group: its state, connectors, keys and server groups.
 *
 * @param versions how many connectors run each {@code currentVersion}
 * @param expectedVersions the distinct {@code expectedVersion}s of its connectors
 */
public record GroupSummary(ConnectorGroup group, GroupHealth health, Map<String, Integer> versions,
                           Set<String> expectedVersions, List<KeySummary> keys, List<ServerGroupSummary> serverGroups) {
    public GroupSummary {
        versions = Map.copyOf(versions);
        expectedVersions = Set.copyOf(expectedVersions);
        keys = List.copyOf(keys);
        serverGroups = List.copyOf(serverGroups);
    }
}
