package io.zpadoctor.model.host;

import io.zpadoctor.model.internal.Require;

import java.time.LocalDateTime;

/**
 * One periodic status block the connector child writes to the journal every 60 seconds
 * ({@code journal.txt}). Only the values the block prints are set; every other field is null, so "absent"
 * never reads as zero. A block starts at its {@code -------- Connector Status:ID=...} header; lines of a
 * block whose header was not captured form a block without id, name and version.
 *
 * @param line the first line of the block
 * @param time the wall-clock time of that line as the host printed it (the default journal format shows
 *        no time zone); null when the line has no time, or the year could not be known
 * @param pid the process id of the {@code zpa-connector-child} that printed it, or null
 * @param format which block generation the control-connection line came from
 * @param connectorId the {@code ID=} of the header: the API connector id
 * @param connectorName the {@code Name=} of the header: the connector's name in ZPA
 * @param version the {@code Ver=} of the header: the running child version
 * @param certificateExpiryDays whole days left on the connector's client certificate
 *        ({@code Certificate will expire in N days, ...})
 * @param controlState the control connection's state; {@link FohhState#UNKNOWN} when no control line was seen
 * @param controlStateRaw the state as printed, e.g. {@code fohh_connection_connected}, or null
 * @param localAddress the connector's end of the control connection, {@code ip:port}
 * @param brokerName the broker (Public Service Edge) the control connection goes to, e.g.
 *        {@code broker1b.sjc8.prod.zpath.net}
 * @param brokerAddress the broker's IP address
 * @param uptimeSeconds how long the control connection has been up (per-connection format only)
 * @param rttTcpMicros TCP round-trip time to the broker, microseconds (per-connection format only)
 * @param rttAppMicros application round-trip time to the broker, microseconds (per-connection format only)
 * @param disconnectDurationSeconds {@code disconnect_duration_s} (per-connection format only)
 * @param dataConnections {@code Broker data connection count}
 * @param backedOffConnections {@code backed_off connections}: data connections failing to establish
 * @param registeredApps {@code Registered apps count}
 * @param aliveApps {@code alive app}: registered applications whose servers answer health checks
 * @param passiveHealth {@code passive_health}
 * @param serviceCount {@code service_count}
 * @param targetCount {@code target_count}: application servers (targets) known
 * @param aliveTargets {@code alive_target}
 * @param agedTargets {@code aged_target}
 * @param activeMtunnels {@code Mtunnels: ... Current Active}
 * @param bytesToBroker {@code Total ToBroker} bytes
 * @param bytesFromBroker {@code Total FromBroker} bytes
 * @param timeSkewSeconds {@code Time skew: - 0.012783s} as a signed number of seconds, as printed
 */
public record StatusBlock(
        String host, String source, Integer line, LocalDateTime time, Integer pid, StatusFormat format,
        String connectorId, String connectorName, String version,
        Integer certificateExpiryDays,
        FohhState controlState, String controlStateRaw, String localAddress, String brokerName, String brokerAddress,
        Long uptimeSeconds, Long rttTcpMicros, Long rttAppMicros, Long disconnectDurationSeconds,
        Integer dataConnections, Integer backedOffConnections,
        Integer registeredApps, Integer aliveApps, Integer passiveHealth, Integer serviceCount,
        Integer targetCount, Integer aliveTargets, Integer agedTargets,
        Long activeMtunnels, Long bytesToBroker, Long bytesFromBroker,
        Double timeSkewSeconds) implements HostObservation {

    public StatusBlock {
        Checks.origin(host, source, line);
        format = format == null ? StatusFormat.UNKNOWN : format;
        connectorId = Require.blankToNull(connectorId);
        connectorName = Require.blankToNull(connectorName);
        version = Require.blankToNull(version);
        Checks.nonNegative(certificateExpiryDays, "certificateExpiryDays");
        controlState = controlState == null ? FohhState.UNKNOWN : controlState;
        controlStateRaw = Require.blankToNull(controlStateRaw);
        Checks.nonNegative(uptimeSeconds, "uptimeSeconds");
        Checks.nonNegative(rttTcpMicros, "rttTcpMicros");
        Checks.nonNegative(rttAppMicros, "rttAppMicros");
        Checks.nonNegative(disconnectDurationSeconds, "disconnectDurationSeconds");
        Checks.nonNegative(dataConnections, "dataConnections");
        Checks.nonNegative(backedOffConnections, "backedOffConnections");
        Checks.nonNegative(registeredApps, "registeredApps");
        Checks.nonNegative(aliveApps, "aliveApps");
        Checks.nonNegative(targetCount, "targetCount");
        Checks.nonNegative(aliveTargets, "aliveTargets");
    }

    /** True when the header named the connector, so the block can tie the host to an API connector. */
    public boolean hasHeader() {
        return connectorId != null;
    }
}
