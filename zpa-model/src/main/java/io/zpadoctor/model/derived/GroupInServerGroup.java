package io.zpadoctor.model.derived;

/** A server group lists a connector group: the list flattened into edges so joins on it are indexed. */
public record GroupInServerGroup(String serverGroupId, String connectorGroupId) {
}
