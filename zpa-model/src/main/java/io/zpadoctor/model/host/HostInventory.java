package io.zpadoctor.model.host;

import io.zpadoctor.model.internal.Require;

import java.util.Set;

/**
 * A host folder of a bundle: which probe files it holds and which connector it belongs to.
 *
 * @param files the probe file names present, e.g. {@code df.txt}
 * @param connectorId the matched API connector's id; with {@link HostMatch#STATUS_BLOCK}, the id the journal's
 *        status-block header prints even when the API does not list it (a connector deleted in the portal); or null
 * @param connectorName the matched connector's name; the header's name or the case's name when there is no API
 *        object; or null
 * @param match how the match was made
 */
public record HostInventory(String host, Set<String> files, String connectorId, String connectorName,
                            HostMatch match) implements HostFact {
    public HostInventory {
        Require.nonBlank(host, "host");
        files = Require.set(files);
        match = match == null ? HostMatch.NONE : match;
    }

    public boolean has(String file) {
        return files.contains(file);
    }
}
