package io.zpadoctor.rules;

import io.zpadoctor.model.finding.Finding;
import io.zpadoctor.model.finding.Severity;

import java.util.List;
import java.util.Map;

/**
 * The whole-tenant view: one diagnosis over every connector, group and key, summarised the way an
 * administrator scans a fleet, and the findings grouped by connector group, worst group first.
 *
 * @param statuses connectors by control-channel status text ({@code ZPN_STATUS_AUTHENTICATED}, ...)
 * @param versions connectors by current version
 * @param bySeverity finding counts
 * @param hotSpots the busiest connectors and groups by their Log Streaming Service records ({@link HotSpots#NONE}
 *        without)
 */
public record FleetReport(
        Diagnosis diagnosis,
        int connectors,
        int groups,
        int keys,
        int disabledConnectors,
        Map<String, Integer> statuses,
        Map<String, Integer> versions,
        Map<Severity, Integer> bySeverity,
        List<Finding> groupsWithoutRedundancy,
        List<Finding> groupsWithoutConnectors,
        List<Finding> keysNearExhaustion,
        List<Finding> correlatedOutages,
        List<GroupFindings> byGroup,
        HotSpots hotSpots) {

    /** A fleet view without Log Streaming Service records. */
    public FleetReport(Diagnosis diagnosis, int connectors, int groups, int keys, int disabledConnectors,
                       Map<String, Integer> statuses, Map<String, Integer> versions, Map<Severity, Integer> bySeverity,
                       List<Finding> groupsWithoutRedundancy, List<Finding> groupsWithoutConnectors,
                       List<Finding> keysNearExhaustion, List<Finding> correlatedOutages, List<GroupFindings> byGroup) {
        this(diagnosis, connectors, groups, keys, disabledConnectors, statuses, versions, bySeverity,
                groupsWithoutRedundancy, groupsWithoutConnectors, keysNearExhaustion, correlatedOutages, byGroup,
                HotSpots.NONE);
    }

    public FleetReport {
        hotSpots = hotSpots == null ? HotSpots.NONE : hotSpots;
        statuses = Map.copyOf(statuses);
        versions = Map.copyOf(versions);
        bySeverity = Map.copyOf(bySeverity);
        groupsWithoutRedundancy = List.copyOf(groupsWithoutRedundancy);
        groupsWithoutConnectors = List.copyOf(groupsWithoutConnectors);
        keysNearExhaustion = List.copyOf(keysNearExhaustion);
        correlatedOutages = List.copyOf(correlatedOutages);
        byGroup = List.copyOf(byGroup);
    }

    /**
     * The findings about one connector group (its connectors, keys and itself), or the tenant-wide ones when
     * {@code groupId} is null.
     */
    public record GroupFindings(String groupId, String groupName, Severity worst, List<Finding> findings) {
        public GroupFindings {
            findings = List.copyOf(findings);
        }
    }
}
