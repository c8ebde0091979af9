package io.zpadoctor.model.derived;

/**
 * A connector group that serves a segment through an enabled server group, with its connector counts.
 *
 * @param serving the group's connectors that are enabled and authenticated
 */
public record ServingGroup(String segmentId, String serverGroupId, String connectorGroupId,
                           String connectorGroupName, int total, int serving) {
}
