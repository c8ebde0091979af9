package io.zpadoctor.model.telemetry;

import java.time.Instant;

/**
 * One measure of one connector within the window: how many samples, how many above the limit, since when every
 * sample has been above it (null when the latest is not), and the highest and latest values.
 */
public record WindowStat(int samples, int above, Instant aboveSince, double max, double last, Instant lastAt) {
    public static final WindowStat NONE = new WindowStat(0, 0, null, 0, 0, null);

    /** Every sample of the window above the limit, and enough of them that no single spike can say so. */
    public boolean sustained(int minSamples) {
        return samples >= minSamples && above == samples;
    }

    /** Minutes since every sample has been above the limit, or 0. */
    public long aboveMinutes(Instant now) {
        return aboveSince == null ? 0 : Math.max(0, (now.getEpochSecond() - aboveSince.getEpochSecond()) / 60);
    }
}
