package io.zpadoctor.model.derived;

import io.zpadoctor.model.host.LogEvent;

/**
 * A host whose connector child keeps dying: three or more fast exits, or the updater giving up and reverting to the
 * default software. One fast exit is a restart, not a loop.
 *
 * @param first the line the evidence cites: the first revert, else the first fast exit
 */
public record CrashLoop(String host, int exits, int reverts, LogEvent first) {
}
