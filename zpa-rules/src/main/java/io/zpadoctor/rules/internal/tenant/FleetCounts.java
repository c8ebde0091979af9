package io.zpadoctor.rules.internal.tenant;

import io.zpadoctor.model.tenant.AppConnector;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** Connectors by status text and by version, and how many are disabled: the fleet summary's counts. */
public record FleetCounts(Map<String, Integer> statuses, Map<String, Integer> versions, int disabled) {

    /** The counts taken one connector at a time, by whoever walks the tenant's connectors anyway. */
    static final class Tally {
        private final Map<String, int[]> statuses = new HashMap<>();
        private final Map<String, int[]> versions = new HashMap<>();
        private int disabled;

        void add(AppConnector c) {
            statuses.computeIfAbsent(c.statusText() != null ? c.statusText() : "(none)", k -> new int[1])[0]++;
            versions.computeIfAbsent(c.currentVersion() != null ? c.currentVersion() : "(unknown)",
                    k -> new int[1])[0]++;
            if (!c.enabled()) {
                disabled++;
            }
        }

        FleetCounts counts() {
            return new FleetCounts(sorted(statuses), sorted(versions), disabled);
        }

        private static Map<String, Integer> sorted(Map<String, int[]> counts) {
            Map<String, Integer> out = new TreeMap<>();
            counts.forEach((k, n) -> out.put(k, n[0]));
            return out;
        }
    }
}
