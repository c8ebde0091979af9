package io.zpadoctor.model.derived;

import io.zpadoctor.model.tenant.ConnectorGroup;

import java.time.Instant;

/**
 * A group of two or more connectors that are all disconnected, with the span of their disconnect times.
 *
 * @param first the earliest last-disconnect time, or null when a connector has none
 * @param last the latest
 * @param group the group itself
 */
public record GroupDisconnects(String groupId, int connectors, Instant first, Instant last, ConnectorGroup group) {
    /** The disconnect span of a group whose connectors are all down. */
    public static GroupDisconnects of(GroupHealth h) {
        return new GroupDisconnects(h.groupId(), h.total(), h.firstDisconnect(), h.lastDisconnect(), h.group());
    }

    /** Seconds between the first and the last disconnect, or -1 when a time is missing. */
    public long spreadSeconds() {
        return first == null || last == null ? -1 : last.getEpochSecond() - first.getEpochSecond();
    }
}
