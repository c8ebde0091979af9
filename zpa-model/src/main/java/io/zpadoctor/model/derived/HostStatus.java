package io.zpadoctor.model.derived;

import io.zpadoctor.model.host.StatusBlock;

/**
 * A host's connector status blocks, summed up: the latest block, how many there were, and how often uptime went
 * back (each time the control connection was re-established).
 */
public record HostStatus(String host, StatusBlock latest, int blocks, int uptimeResets) {
}
