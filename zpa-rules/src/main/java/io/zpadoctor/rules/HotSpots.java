package io.zpadoctor.rules;

import java.time.Instant;
import java.util.List;

/**
 * The fleet's resource hot spots: the connectors and groups working hardest by their Log Streaming Service records,
 * whether or not they cross a limit (a finding says when one does). Empty without LSS records.
 *
 * @param asOf the feed's latest record, or null without records
 * @param reporting connectors of the tenant whose records were matched
 * @param connectors the busiest connectors, busiest first
 * @param groups the groups with the highest average CPU, highest first
 */
public record HotSpots(Instant asOf, int reporting, List<Connector> connectors, List<Group> groups) {
    public static final HotSpots NONE = new HotSpots(null, 0, List.of(), List.of());

    public HotSpots {
        connectors = List.copyOf(connectors);
        groups = List.copyOf(groups);
    }

    public boolean isEmpty() {
        return reporting == 0;
    }

    /**
     * One connector's measures: CPU and memory the highest within the window, the rest the latest; null when its
     * records do not carry them.
     *
     * @param busiest the measure with the highest share in use ({@code CPU}, {@code memory}, {@code process memory},
     *        {@code ports}, {@code file descriptors}), {@code busiestPercent} that share
     */
    public record Connector(String connectorId, String connectorName, String groupId, String groupName,
                            Double cpuPercent, Double memoryPercent, Double processMemoryPercent,
                            Long availableDiskMb, Double portsPercent, Double fdPercent, String busiest,
                            double busiestPercent) {
    }

    /** A group's reporting connectors: their average and highest CPU and their average host memory. */
    public record Group(String groupId, String groupName, int reporting, double cpuAverage, double cpuMax,
                        double memoryAverage) {
    }
}
