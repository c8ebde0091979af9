package io.zpadoctor.model.telemetry;

import java.time.Instant;

/**
 * An App Connector Status record ({@code zpn_ast_auth_log}): one control session's state, and the host's CPU and
 * memory as the connector reported them.
 *
 * @param statusText {@code SessionStatus} as written
 * @param cpuPercent {@code CPUUtilization}, percent of the host
 * @param memPercent {@code MemUtilization}, percent of the host
 * @param broker {@code ZEN}: the Service Edge of the session
 * @param authenticatedAt {@code TimestampAuthentication}
 * @param unauthenticatedAt {@code TimestampUnAuthentication}: set when the session ended
 * @param hostStartedAt {@code HostStartTime} (older templates: {@code HostUpTime})
 * @param connectorStartedAt {@code ConnectorStartTime} (older templates: {@code ConnectorUpTime})
 */
public record StatusRecord(Instant at, String connector, String group, SessionStatus status, String statusText,
                           Integer cpuPercent, Integer memPercent, String privateIp, String publicIp, String version,
                           String broker, Instant authenticatedAt, Instant unauthenticatedAt, Instant hostStartedAt,
                           Instant connectorStartedAt, String source, long line) implements TelemetryRecord {
    public StatusRecord {
        TelemetryChecks.require(at, connector);
        status = status == null ? SessionStatus.OTHER : status;
        TelemetryChecks.percent("CPUUtilization", cpuPercent);
        TelemetryChecks.percent("MemUtilization", memPercent);
    }
}
