package io.zpadoctor.model.telemetry;

import java.time.Instant;

/**
 * An App Connector Metrics record ({@code zpn_ast_comprehensive_stats}): resources of the connector and its host,
 * sent every few minutes.
 *
 * @param cpuPercent {@code CPUUtilization}: the highest over the last 5 minutes, percent of the host
 * @param systemMemPercent {@code SystemMemoryUtilization}
 * @param processMemPercent {@code ProcessMemoryUtilization}: the connector process's share
 * @param availableDiskBytes {@code AvailableDiskBytes}
 * @param targetCount {@code TargetCount}: application servers the connector health-checks
 * @param aliveTargetCount {@code AliveTargetCount}: those that answer
 * @param usedTcpPortsIpv4 {@code UsedTCPPortsIPv4}
 * @param availablePorts {@code AvailablePorts}: ephemeral ports left
 * @param systemMaxFds {@code SystemMaximumFileDescriptors}
 * @param systemUsedFds {@code SystemUsedFileDescriptors}
 * @param processMaxFds {@code ProcessMaximumFileDescriptors}
 * @param processUsedFds {@code ProcessUsedFileDescriptors}
 * @param activeToPublicSE {@code ActiveConnectionsToPublicSE}
 * @param activeToPrivateSE {@code ActiveConnectionsToPrivateSE}
 */
public record MetricsRecord(Instant at, String connector, String group, Integer cpuPercent, Integer systemMemPercent,
                            Integer processMemPercent, Long availableDiskBytes, Integer targetCount,
                            Integer aliveTargetCount, Integer usedTcpPortsIpv4, Integer availablePorts,
                            Long systemMaxFds, Long systemUsedFds, Long processMaxFds, Long processUsedFds,
                            Integer activeToPublicSE, Integer activeToPrivateSE, String source, long line)
        implements TelemetryRecord {
    public MetricsRecord {
        TelemetryChecks.require(at, connector);
        TelemetryChecks.percent("CPUUtilization", cpuPercent);
        TelemetryChecks.percent("SystemMemoryUtilization", systemMemPercent);
        TelemetryChecks.percent("ProcessMemoryUtilization", processMemPercent);
        TelemetryChecks.notNegative("AvailableDiskBytes", availableDiskBytes);
        TelemetryChecks.notNegative("TargetCount", targetCount == null ? null : targetCount.longValue());
        TelemetryChecks.notNegative("AliveTargetCount", aliveTargetCount == null ? null : aliveTargetCount.longValue());
        TelemetryChecks.notNegative("AvailablePorts", availablePorts == null ? null : availablePorts.longValue());
    }
}
