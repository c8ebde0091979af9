package io.zpadoctor.model.telemetry;

import java.time.Instant;

/**
 * One measure of one connector within the window: how many samples, how many above the limit, since when every
 * sample has been above it (null when the latest is not), the highest and latest values, and when the window
 * starts and its first sample came.
 */
public record WindowStat(int samples, int above, Instant aboveSince, double max, double last, Instant lastAt,
                         Instant firstAt, Instant windowStart) {
    public static final WindowStat NONE = new WindowStat(0, 0, null, 0, 0, null, null, null);

    /** How late after the window's start its first sample may come: one Metrics interval (records every 5 min). */
    public static final long SAMPLE_INTERVAL_SECONDS = 300;

    /** One measure without its window's bounds (tests and hand-made facts): taken to cover its window. */
    public WindowStat(int samples, int above, Instant aboveSince, double max, double last, Instant lastAt) {
        this(samples, above, aboveSince, max, last, lastAt, null, null);
    }

    /**
     * Every sample of the window above the limit, enough of them that no single spike can say so, and samples from
     * the whole window: six minutes of records cannot say what the last fifteen were.
     */
    public boolean sustained(int minSamples) {
        return samples >= minSamples && above == samples && coversWindow();
    }

    /** The first sample came within one reporting interval of the window's start (true when the bounds are unknown). */
    public boolean coversWindow() {
        return firstAt == null || windowStart == null
                || firstAt.getEpochSecond() - SAMPLE_INTERVAL_SECONDS <= windowStart.getEpochSecond();
    }

    /** Minutes since every sample has been above the limit, or 0. */
    public long aboveMinutes(Instant now) {
        return aboveSince == null ? 0 : Math.max(0, (now.getEpochSecond() - aboveSince.getEpochSecond()) / 60);
    }
}
