package io.zpadoctor.model.derived;

import java.time.Instant;

/**
 * A group of two or more connectors that are all disconnected, with the span of their disconnect times.
 *
 * @param first the earliest last-disconnect time, or null when a connector has none
 * @param last the latest
 */
public record GroupDisconnects(String groupId, int connectors, Instant first, Instant last) {
    /** From the last-disconnect times of the group's connectors (a null among them leaves the span unknown). */
    public static GroupDisconnects of(String groupId, java.util.Collection<?> times) {
        Instant first = null;
        Instant last = null;
        boolean missing = false;
        for (Object o : times) {
            if (o == null) {
                missing = true;
                continue;
            }
            Instant t = (Instant) o;
            first = first == null || t.isBefore(first) ? t : first;
            last = last == null || t.isAfter(last) ? t : last;
        }
        return missing ? new GroupDisconnects(groupId, times.size(), null, null)
                : new GroupDisconnects(groupId, times.size(), first, last);
    }

    /** Seconds between the first and the last disconnect, or -1 when a time is missing. */
    public long spreadSeconds() {
        return first == null || last == null ? -1 : last.getEpochSecond() - first.getEpochSecond();
    }
}
