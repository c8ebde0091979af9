package io.zpadoctor.model.telemetry;

import java.time.Duration;

/**
 * How records become conclusions over time: the window a load must fill to count as sustained, how far back trends
 * and counts look, and the limits that are telemetry's own (CPU and the disk floor are the runbook's, in
 * {@link io.zpadoctor.model.Thresholds}).
 *
 * @param window how far back "sustained" looks (default 15 minutes)
 * @param minSamples the fewest samples within the window that can say "sustained" (one spike never does)
 * @param trendWindow how far back disk trends, authentication failures and reconnects are read (default 1 hour)
 * @param memoryPercent system or process memory use above which the connector is under memory pressure
 * @param exhaustionPercent share of ephemeral ports or file descriptors in use that counts as near exhaustion
 * @param authFailures failed authentications within the trend window that are "repeated"
 * @param reconnects new control sessions within the trend window that are churn
 * @param diskHorizon how soon the disk floor may come, at the current trend, to be "heading there"
 */
public record TelemetryThresholds(Duration window, int minSamples, Duration trendWindow, double memoryPercent,
                                  double exhaustionPercent, int authFailures, int reconnects, Duration diskHorizon) {

    public static final TelemetryThresholds DEFAULTS = new TelemetryThresholds(Duration.ofMinutes(15), 3,
            Duration.ofHours(1), 90, 90, 3, 4, Duration.ofHours(24));

    public TelemetryThresholds {
        positive(window, "window");
        positive(trendWindow, "trendWindow");
        positive(diskHorizon, "diskHorizon");
        // the windows keep no more than this behind the latest record: a longer window would read as too few samples
        if (window.compareTo(TelemetryWindows.KEEP) > 0 || trendWindow.compareTo(TelemetryWindows.KEEP) > 0) {
            throw new IllegalArgumentException("window and trendWindow must be at most "
                    + TelemetryWindows.KEEP.toHours() + " hours, the history the windows keep");
        }
        if (minSamples < 2) {
            throw new IllegalArgumentException("minSamples must be at least 2 (one sample is a spike), got " + minSamples);
        }
        percent(memoryPercent, "memoryPercent");
        percent(exhaustionPercent, "exhaustionPercent");
        if (authFailures < 1 || reconnects < 1) {
            throw new IllegalArgumentException("authFailures and reconnects must be at least 1");
        }
    }

    private static void positive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + d);
        }
    }

    private static void percent(double v, String name) {
        if (!(v > 0 && v <= 100)) {
            throw new IllegalArgumentException(name + " must be within (0, 100], got " + v);
        }
    }
}
