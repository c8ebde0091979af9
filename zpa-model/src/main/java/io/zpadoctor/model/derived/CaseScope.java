package io.zpadoctor.model.derived;

import io.zpadoctor.model.internal.Require;

import java.util.Set;

/**
 * What the diagnosis is about, resolved from the case: one connector, one or more groups, or (when the case
 * names nothing) the whole tenant.
 *
 * @param connector the case's connector, or null
 * @param connectorIds API ids of the case's connectors
 * @param groupIds ids of the case's groups, including the case connector's group
 * @param unresolvedGroupName a group name the case gives that no API group has, or null
 */
public record CaseScope(boolean everything, CaseConnector connector, Set<String> connectorIds,
                        Set<String> groupIds, String unresolvedGroupName) {

    public static final CaseScope EVERYTHING = new CaseScope(true, null, Set.of(), Set.of(), null);

    public CaseScope {
        connectorIds = Require.set(connectorIds);
        groupIds = Require.set(groupIds);
    }

    /** Whether a connector is in scope: named by the case, in a named group, or everything is in scope. */
    public boolean covers(String connectorId, String groupId) {
        return everything || connectorIds.contains(connectorId) || groupId != null && groupIds.contains(groupId);
    }

    public boolean coversGroup(String groupId) {
        return everything || groupId != null && groupIds.contains(groupId);
    }
}
