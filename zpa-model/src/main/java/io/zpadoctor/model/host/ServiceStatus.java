package io.zpadoctor.model.host;

import io.zpadoctor.model.internal.Require;

/**
 * The connector service as {@code systemctl status zpa-connector} shows it ({@code systemctl-status.txt}).
 * A healthy connector is active with two processes in its CGroup: the manager
 * ({@code /opt/zscaler/bin/zpa-connector}) and the child ({@code zpa-connector-child}, the data plane).
 *
 * @param line the {@code Active:} line, or the "could not be found" line
 * @param state the active state; {@link ServiceState#NOT_FOUND} when the unit does not exist
 * @param stateText the state as printed, e.g. {@code active (running)}, {@code failed (Result: exit-code)}
 * @param subState the word in parentheses, e.g. {@code running}, {@code dead}, {@code auto-restart}, or null
 * @param parentRunning whether the CGroup lists the manager process; null when the output shows no CGroup
 *        (an active unit whose process list was not pasted cannot be told apart from a missing one)
 * @param childRunning whether the CGroup lists {@code zpa-connector-child} (or {@code image.bin}); null as above
 * @param mainPid the {@code Main PID:} number, or null
 * @param since the time after {@code since} exactly as printed, e.g. {@code Tue 2025-07-15 08:01:12 UTC}, or null
 */
public record ServiceStatus(String host, String source, Integer line, ServiceState state, String stateText,
                            String subState, Boolean parentRunning, Boolean childRunning, Integer mainPid,
                            String since) implements HostObservation {
    public ServiceStatus {
        Checks.origin(host, source, line);
        state = state == null ? ServiceState.UNKNOWN : state;
        stateText = Require.blankToNull(stateText);
        subState = Require.blankToNull(subState);
        Checks.nonNegative(mainPid, "mainPid");
        since = Require.blankToNull(since);
    }

    /** Active and running with both processes listed: the only state in which the connector serves. */
    public boolean healthy() {
        return state == ServiceState.ACTIVE && Boolean.TRUE.equals(parentRunning) && Boolean.TRUE.equals(childRunning);
    }
}
