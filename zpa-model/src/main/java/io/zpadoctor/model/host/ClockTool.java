package io.zpadoctor.model.host;

/** Which command a {@link ClockSync} was read from. */
public enum ClockTool {
    /** {@code chronyc tracking}. */
    CHRONY,
    /** {@code timedatectl} (or {@code timedatectl status}). */
    TIMEDATECTL
}
