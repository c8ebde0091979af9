package io.zpadoctor.rules;

import io.zpadoctor.model.finding.Finding;
import io.zpadoctor.model.finding.Severity;

import java.util.List;
import java.util.Map;

/**
 * The whole-tenant view: one diagnosis over every connector, group and key, summarised the way an
 * administrator scans a fleet (impact first: applications unreachable, groups down, connectors down, then
 * cleanup), its problems each with the symptoms it explains, and the findings grouped by connector group, worst
 * group first.
 *
 * @param statuses connectors by control-channel status text ({@code ZPN_STATUS_AUTHENTICATED}, ...)
 * @param versions connectors by current version
 * @param bySeverity finding counts, symptoms included
 * @param groupStates every connector group with its connectors up and its worst finding, worst first
 * @param problems the findings no other finding explains, each with the findings it explains (each of those listed
 *                 under one problem only), in report order; one that is INFO and explains only INFO is cleanup, not
 *                 a problem
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
        Impact impact,
        List<GroupState> groupStates,
        List<Problem> problems,
        HotSpots hotSpots) {

    /** A fleet view without Log Streaming Service records. */
    public FleetReport(Diagnosis diagnosis, int connectors, int groups, int keys, int disabledConnectors,
                       Map<String, Integer> statuses, Map<String, Integer> versions, Map<Severity, Integer> bySeverity,
                       List<Finding> groupsWithoutRedundancy, List<Finding> groupsWithoutConnectors,
                       List<Finding> keysNearExhaustion, List<Finding> correlatedOutages, List<GroupFindings> byGroup,
                       Impact impact, List<GroupState> groupStates, List<Problem> problems) {
        this(diagnosis, connectors, groups, keys, disabledConnectors, statuses, versions, bySeverity,
                groupsWithoutRedundancy, groupsWithoutConnectors, keysNearExhaustion, correlatedOutages, byGroup,
                impact, groupStates, problems, HotSpots.NONE);
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
        groupStates = List.copyOf(groupStates);
        problems = List.copyOf(problems);
    }

    /**
     * The same view holding only {@code page}'s findings and no per-group sections; the impact, the problems (a few
     * lines each, naming their findings) and the counts stay whole, so every page answers what is down and why.
     */
    public FleetReport paged(Diagnosis page) {
        return new FleetReport(page, connectors, groups, keys, disabledConnectors, statuses, versions, bySeverity,
                groupsWithoutRedundancy, groupsWithoutConnectors, keysNearExhaustion, correlatedOutages, List.of(),
                impact, groupStates, problems, hotSpots);
    }

    /** Problem counts by severity: each problem once, the symptoms it explains not at all. */
    public Map<Severity, Integer> problemsBySeverity() {
        Map<Severity, Integer> out = new java.util.EnumMap<>(Severity.class);
        for (Problem p : problems) {
            out.merge(p.cause().severity(), 1, Integer::sum);
        }
        return out;
    }

    /**
     * A connector group as the health grid shows it.
     *
     * @param worst the severity of its worst finding, or null when none is about it
     */
    public record GroupState(String groupId, String groupName, boolean enabled, int serving, int total,
                             Severity worst, int findings) {
        /** Connectors it has, none of them up (a disabled group is not down: it was switched off). */
        public boolean down() {
            return enabled && total > 0 && serving == 0;
        }
    }

    /** A finding no other explains, and the findings it explains. */
    public record Problem(Finding cause, List<Finding> explains) {
        public Problem {
            explains = List.copyOf(explains);
        }
    }

    /**
     * What users and administrators feel, in the order they feel it: applications no connector can reach, groups
     * with no connector up, connectors down; then what to clean up.
     *
     * @param connectorsDown connectors whose control channel is disconnected
     * @param longDisconnected ZPA-FLT-004 findings: connectors down long enough to delete
     * @param duplicates ZPA-FLT-006 findings: stale records of live connectors
     * @param keysNearExhaustion ZPA-FLT-003 findings
     */
    public record Impact(List<UnreachableApplication> unreachable, List<GroupDown> groupsDown, int connectorsDown,
                         List<Finding> longDisconnected, List<Finding> duplicates, List<Finding> keysNearExhaustion) {
        public Impact {
            unreachable = List.copyOf(unreachable);
            groupsDown = List.copyOf(groupsDown);
            longDisconnected = List.copyOf(longDisconnected);
            duplicates = List.copyOf(duplicates);
            keysNearExhaustion = List.copyOf(keysNearExhaustion);
        }
    }

    /**
     * An enabled segment with no working path to a live connector, its chain as the tenant has it, and the findings
     * about that chain (the problems first).
     */
    public record UnreachableApplication(String segmentId, String segmentName, List<String> domains,
                                         List<ChainLink> chain, List<Finding> findings) {
        public UnreachableApplication {
            domains = List.copyOf(domains);
            chain = List.copyOf(chain);
            findings = List.copyOf(findings);
        }
    }

    /**
     * One server group of a segment's chain and its connector groups.
     *
     * @param problem why no connector reaches the application through it, or null when it is not the server group's
     *                fault (then its groups say why)
     */
    public record ChainLink(String serverGroupId, String serverGroupName, String problem, List<ChainGroup> groups) {
        public ChainLink {
            groups = List.copyOf(groups);
        }
    }

    /** A connector group on a chain, with how many of its connectors are enabled and authenticated. */
    public record ChainGroup(String groupId, String groupName, boolean enabled, int serving, int total) {
    }

    /**
     * A group with connectors, none of them serving.
     *
     * @param outage the ZPA-FLT-005 finding when they went down together, else null
     */
    public record GroupDown(String groupId, String groupName, int total, int disconnected, Finding outage) {
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
