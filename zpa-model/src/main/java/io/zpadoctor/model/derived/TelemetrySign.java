package io.zpadoctor.model.derived;

import io.zpadoctor.model.telemetry.ConnectorTelemetry;
import io.zpadoctor.model.tenant.AppConnector;

/**
 * What one connector's Log Streaming Service summary shows against a limit, classified once so the decisions (and
 * the group's "all hot") read a sign instead of the summary's numbers.
 *
 * @param value the number that crossed the limit: percent for CPU, memory, ports and descriptors; hours to the
 *        floor for a disk trend; free bytes for the floor; a count for failures and reconnects; alive targets
 */
public record TelemetrySign(Kind kind, AppConnector connector, ConnectorTelemetry telemetry, double value) {

    public enum Kind {
        /** Every CPU sample of the window above the runbook's limit, and enough of them. */
        CPU_SUSTAINED,
        /** Every host (or connector process) memory sample of the window above the limit. */
        MEMORY_SUSTAINED,
        /** The latest {@code AvailableDiskBytes} under the restart floor. */
        DISK_BELOW_FLOOR,
        /** Above the floor, but the trend reaches it within the horizon. */
        DISK_HEADING_TO_FLOOR,
        /** The latest share of ephemeral ports in use at the exhaustion limit. */
        PORTS_NEAR_EXHAUSTION,
        /** The latest share of system or process file descriptors in use at the exhaustion limit. */
        FDS_NEAR_EXHAUSTION,
        /** The latest Metrics record has fewer alive targets than targets. */
        TARGETS_DOWN,
        /** Failed authentications within the trend window, as many as the limit or more. */
        AUTH_FAILURES,
        /** New control sessions within the trend window, as many as the limit or more. */
        RECONNECT_CHURN
    }

    public String connectorId() {
        return connector.id();
    }

    public String groupId() {
        return connector.groupId();
    }
}
