package io.zpadoctor.model.derived;

import io.zpadoctor.model.tenant.AppConnector;
import io.zpadoctor.model.tenant.ConnectorGroup;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Counts of a connector group's connectors by state, gathered in one pass so no other rule has to walk the
 * group's connectors again.
 *
 * @param serving enabled and authenticated: able to carry traffic
 * @param versions the distinct {@code currentVersion}s the group runs
 * @param versionCounts how many connectors run each version, "unknown" for none: {@code 25.31.2 (1), 25.44.6 (2)}
 * @param firstDisconnect the earliest {@code lastBrokerDisconnectTime} of the group's connectors, or null when
 *        one of them has none
 * @param lastDisconnect the latest, or null likewise
 * @param group the group itself, so a rule about one group needs no join with every group
 * @param serverGroupIds the server groups that list this group, in their order
 */
public record GroupHealth(String groupId, int total, int serving, int authenticated, int disconnected,
                          int disabled, int unknownStatus, Set<String> versions, String versionCounts,
                          Instant firstDisconnect, Instant lastDisconnect, ConnectorGroup group,
                          List<String> serverGroupIds) {

    public GroupHealth {
        versions = versions == null ? Set.of() : Set.copyOf(versions);
        serverGroupIds = serverGroupIds == null ? List.of() : List.copyOf(serverGroupIds);
    }

    /** The counts of {@code group}'s connectors; {@code serverGroupIds} as {@link #serverGroupIds()}. */
    public static GroupHealth of(ConnectorGroup group, Collection<?> connectors, List<String> serverGroupIds) {
        Tally t = new Tally();
        for (Object o : connectors) {
            t.add((AppConnector) o);
        }
        return t.health(group, serverGroupIds);
    }

    /**
     * A group's counts taken one connector at a time, so whoever walks the tenant anyway can count each group on
     * the way instead of walking every group's connectors again.
     */
    public static final class Tally {
        private int total;
        private int serving;
        private int auth;
        private int disc;
        private int disabled;
        private int unknown;
        // a group runs a version or two, three during an upgrade: scanned in a small array, sorted once at the end
        private String[] versionNames = new String[2];
        private int[] versionHashes = new int[2];
        private int[] versionTotals = new int[2];
        private int versionCount;
        private Instant first;
        private Instant last;
        private boolean timeMissing;

        public void add(AppConnector c) {
            total++;
            if (c.isServing()) {
                serving++;
            }
            if (!c.enabled()) {
                disabled++;
            }
            switch (c.controlChannelStatus()) {
                case AUTHENTICATED -> auth++;
                case DISCONNECTED -> disc++;
                default -> unknown++;
            }
            countVersion(c.currentVersion() == null ? "unknown" : c.currentVersion());
            Instant t = c.lastBrokerDisconnectTime();
            if (t == null) {
                timeMissing = true;
            } else {
                first = first == null || t.isBefore(first) ? t : first;
                last = last == null || t.isAfter(last) ? t : last;
            }
        }

        private void countVersion(String v) {
            int h = v.hashCode();
            for (int i = 0; i < versionCount; i++) {
                // the cached hashes first: a differing version's text is not read at all
                if (versionHashes[i] == h && (versionNames[i] == v || versionNames[i].equals(v))) {
                    versionTotals[i]++;
                    return;
                }
            }
            if (versionCount == versionNames.length) {
                versionNames = java.util.Arrays.copyOf(versionNames, versionCount * 2);
                versionHashes = java.util.Arrays.copyOf(versionHashes, versionCount * 2);
                versionTotals = java.util.Arrays.copyOf(versionTotals, versionCount * 2);
            }
            versionNames[versionCount] = v;
            versionHashes[versionCount] = h;
            versionTotals[versionCount++] = 1;
        }

        /** The counts so far, for {@code group}; {@code serverGroupIds} as {@link #serverGroupIds()}. */
        public GroupHealth health(ConnectorGroup group, List<String> serverGroupIds) {
            Map<String, Integer> byVersion = versionCount == 1 ? Map.of(versionNames[0], versionTotals[0])
                    : new TreeMap<>();
            for (int i = 0; versionCount > 1 && i < versionCount; i++) {
                byVersion.put(versionNames[i], versionTotals[i]);
            }
            String[] known = new String[byVersion.size()];
            int k = 0;
            for (String v : byVersion.keySet()) {
                if (!v.equals("unknown")) {
                    known[k++] = v;
                }
            }
            Set<String> versions = Set.of(java.util.Arrays.copyOf(known, k));
            StringBuilder versionCounts = new StringBuilder();
            byVersion.forEach((v, n) -> versionCounts.append(versionCounts.length() == 0 ? "" : ", ")
                    .append(v).append(" (").append(n).append(')'));
            return new GroupHealth(group.id(), total, serving, auth, disc, disabled, unknown, versions,
                    versionCounts.toString(), timeMissing ? null : first, timeMissing ? null : last, group,
                    serverGroupIds);
        }
    }

    /** Connectors not able to serve. */
    public int notServing() {
        return total - serving;
    }
}
