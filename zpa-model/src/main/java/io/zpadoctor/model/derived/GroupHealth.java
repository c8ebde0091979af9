package io.zpadoctor.model.derived;

import io.zpadoctor.model.tenant.AppConnector;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * Counts of a connector group's connectors by state.
 *
 * @param serving enabled and authenticated: able to carry traffic
 * @param versions the distinct {@code currentVersion}s the group runs
 */
public record GroupHealth(String groupId, int total, int serving, int authenticated, int disconnected,
                          int disabled, int unknownStatus, Set<String> versions) {

    public GroupHealth {
        versions = versions == null ? Set.of() : Set.copyOf(versions);
    }

    public static GroupHealth of(String groupId, Collection<?> connectors) {
        int total = 0, serving = 0, auth = 0, disc = 0, disabled = 0, unknown = 0;
        Set<String> versions = new TreeSet<>();
        for (Object o : connectors) {
            AppConnector c = (AppConnector) o;
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
            if (c.currentVersion() != null) {
                versions.add(c.currentVersion());
            }
        }
        return new GroupHealth(groupId, total, serving, auth, disc, disabled, unknown, versions);
    }

    /** Connectors not able to serve. */
    public int notServing() {
        return total - serving;
    }
}
