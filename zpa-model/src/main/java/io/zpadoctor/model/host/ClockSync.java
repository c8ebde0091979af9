package io.zpadoctor.model.host;

import io.zpadoctor.model.internal.Require;

/**
 * The host clock's synchronisation ({@code time-sync.txt}: {@code chronyc tracking} or {@code timedatectl}).
 * A clock behind the cloud's makes freshly issued certificates "not yet valid" and breaks enrollment.
 *
 * @param line the line the key value was read from (the {@code System time} or {@code synchronized} line)
 * @param tool the command
 * @param synced whether the clock is synchronised: chrony's {@code Leap status} is not {@code Not synchronised};
 *        timedatectl's {@code System clock synchronized} (or older {@code NTP synchronized}); null when not shown
 * @param offsetSeconds chrony's {@code System time}: the host clock minus NTP time (positive: host ahead,
 *        {@code fast}; negative: behind, {@code slow}); null for timedatectl, which does not measure it. chrony
 *        prints 0 while it has no source, so read it together with {@code synced}
 * @param lastOffsetSeconds chrony's {@code Last offset}, or null
 * @param leapStatus chrony's {@code Leap status} as printed, e.g. {@code Normal}, {@code Not synchronised}
 * @param referenceId chrony's {@code Reference ID} as printed, e.g. {@code A9FEA97B (169.254.169.123)}
 * @param stratum chrony's {@code Stratum} (0 means no source), or null
 * @param ntpServiceActive timedatectl's {@code NTP service} ({@code active}) or older {@code Network time on}
 *        ({@code yes}), or null
 * @param timeZone timedatectl's {@code Time zone}, e.g. {@code Etc/UTC (UTC, +0000)}, or null
 * @param problem an error the command printed instead, e.g. {@code 506 Cannot talk to daemon} (chronyd not running)
 */
public record ClockSync(String host, String source, Integer line, ClockTool tool, Boolean synced,
                        Double offsetSeconds, Double lastOffsetSeconds, String leapStatus, String referenceId,
                        Integer stratum, Boolean ntpServiceActive, String timeZone, String problem) implements HostObservation {
    public ClockSync {
        Checks.origin(host, source, line);
        if (tool == null) {
            throw new IllegalArgumentException("clock sync needs the tool it came from");
        }
        leapStatus = Require.blankToNull(leapStatus);
        referenceId = Require.blankToNull(referenceId);
        Checks.nonNegative(stratum, "stratum");
        timeZone = Require.blankToNull(timeZone);
        problem = Require.blankToNull(problem);
    }

    /** The absolute offset in seconds, or null when not measured. */
    public Double absoluteOffsetSeconds() {
        return offsetSeconds == null ? null : Math.abs(offsetSeconds);
    }
}
