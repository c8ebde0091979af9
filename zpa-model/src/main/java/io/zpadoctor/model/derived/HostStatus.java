package io.zpadoctor.model.derived;

import io.zpadoctor.model.host.LogEvent;
import io.zpadoctor.model.host.StatusBlock;

/**
 * A host's connector status blocks, summed up: the latest block, how many there were, how often uptime went
 * back (each time the control connection was re-established), and what happened after the latest block.
 *
 * @param laterRestart the first journal line after the latest block that restarted the connector or dropped its
 *        connection (a fast exit, a service restart, a closed control connection...), or null when there is none:
 *        only then does the latest block describe the connector as it is now
 */
public record HostStatus(String host, StatusBlock latest, int blocks, int uptimeResets, LogEvent laterRestart) {

    /** As of the journal's end: nothing restarted the connector or dropped its connection since the latest block. */
    public boolean current() {
        return laterRestart == null;
    }
}
