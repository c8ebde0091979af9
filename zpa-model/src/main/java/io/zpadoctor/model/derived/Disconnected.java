package io.zpadoctor.model.derived;

import io.zpadoctor.model.tenant.AppConnector;

import java.time.Instant;

/**
 * An in-scope connector whose control channel is down.
 *
 * @param since the last broker disconnect, or null when the API gave none
 * @param seconds how long it has been down at evaluation time, or -1 when unknown
 * @param connector the connector itself, so rules need no join back to it
 */
public record Disconnected(String connectorId, String groupId, Instant since, long seconds, AppConnector connector) {
}
