package io.zpadoctor.model.telemetry;

import java.time.Instant;

/**
 * What the Log Streaming Service showed of one connector, as of {@code asOf}: each measure summed up over the
 * window (see {@link TelemetryThresholds}), the latest of the rest. A fact: rules decide on it. Values the records
 * never carried are null (or {@link WindowStat#NONE}), never zero.
 *
 * @param connector the name the records carry; {@code connectorId}/{@code groupId} are the API's, when matched
 * @param asOf the latest record time of the whole feed: "now" for the windows, whatever the wall clock says
 * @param lastSeen this connector's latest record
 * @param cpu CPU percent of the host, limit: the runbook's CPU threshold
 * @param systemMemory host memory percent (Metrics {@code SystemMemoryUtilization}, Status {@code MemUtilization})
 * @param processMemory the connector process's memory percent
 * @param availableDiskBytes the latest {@code AvailableDiskBytes}
 * @param diskBytesPerHour the disk trend over the trend window (negative: filling), null with fewer than 2 samples
 * @param diskSamples the {@code AvailableDiskBytes} samples the trend is drawn from
 * @param portsInUsePercent used TCP ports of used + available, latest
 * @param systemFdPercent system file descriptors in use, latest
 * @param processFdPercent the connector process's file descriptors in use, latest
 * @param targets the latest {@code TargetCount}, {@code aliveTargets} the latest {@code AliveTargetCount}
 * @param targetsDownSince since when every Metrics record has had fewer alive targets than targets (null: not now)
 * @param authFailures failed authentications within the trend window
 * @param reconnects new control sessions within the trend window
 * @param lastStatus the latest Status record's session state (null without Status records)
 */
public record ConnectorTelemetry(String connector, String group, String connectorId, String groupId, Instant asOf,
                                 Instant lastSeen, WindowStat cpu, WindowStat systemMemory, WindowStat processMemory,
                                 Long availableDiskBytes, Double diskBytesPerHour, int diskSamples,
                                 Double portsInUsePercent,
                                 Double systemFdPercent, Double processFdPercent, Integer targets, Integer aliveTargets,
                                 Instant targetsDownSince, int authFailures, int reconnects, SessionStatus lastStatus,
                                 String version, String source) {

    /** Hours until the disk reaches {@code floorBytes} at the current trend; null when it is not falling. */
    public Double hoursToDiskFloor(long floorBytes) {
        if (availableDiskBytes == null || diskBytesPerHour == null || diskBytesPerHour >= 0) {
            return null;
        }
        return Math.max(0, (availableDiskBytes - floorBytes) / -diskBytesPerHour);
    }

    /** The same summary tied to the API's connector and group. */
    public ConnectorTelemetry matched(String connectorId, String groupId, String groupName) {
        return new ConnectorTelemetry(connector, groupName != null ? groupName : group, connectorId, groupId, asOf,
                lastSeen, cpu, systemMemory, processMemory, availableDiskBytes, diskBytesPerHour, diskSamples, portsInUsePercent,
                systemFdPercent, processFdPercent, targets, aliveTargets, targetsDownSince, authFailures, reconnects,
                lastStatus, version, source);
    }
}
