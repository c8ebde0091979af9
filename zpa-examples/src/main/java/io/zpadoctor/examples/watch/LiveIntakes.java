package io.zpadoctor.examples.watch;

import io.zpadoctor.model.telemetry.TelemetryIntake;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * What the watch's LSS sources (its receiver, its followed files) have held since the watch started, as its
 * diagnosis sees them: the counts behind ZPA-PRB-004. A new source, a source that starts rejecting lines or sends its
 * first records is shown at once, so the finding opens with the next diagnosis; later changes of the counts are
 * shown at most once per {@link #REFRESH}, because the finding's text carries them and every new text is a {@code changed} event: a
 * receiver fed a wrong log type would otherwise page four times a second. Used by the loop thread only.
 */
public final class LiveIntakes {
    /** How often growing counts reach the diagnosis: LSS's own Metrics interval. */
    public static final Duration REFRESH = Duration.ofMinutes(5);
    /** Reading the sources' counters takes their locks: not on every turn of a busy loop. */
    private static final long CHECK_NANOS = 100_000_000L;

    private final Supplier<List<TelemetryIntake>> sources;
    private final LongSupplier nanos;
    private final long refreshNanos;
    private List<TelemetryIntake> shown = List.of();
    private long shownAt;
    private long checkedAt;
    private boolean started;

    public LiveIntakes(Supplier<List<TelemetryIntake>> sources) {
        this(sources, System::nanoTime, REFRESH);
    }

    LiveIntakes(Supplier<List<TelemetryIntake>> sources, LongSupplier nanos, Duration refresh) {
        this.sources = sources;
        this.nanos = nanos;
        this.refreshNanos = refresh.toNanos();
    }

    /** Reads the sources; true when what the diagnosis should see changed (then {@link #shown()} has it). */
    public boolean refresh() {
        long now = nanos.getAsLong();
        if (started && now - checkedAt < CHECK_NANOS) {
            return false;
        }
        checkedAt = now;
        List<TelemetryIntake> read = List.copyOf(sources.get());
        boolean urgent = !started || news(read);
        if (urgent || !read.equals(shown) && now - shownAt >= refreshNanos) {
            shown = read;
            shownAt = now;
            started = true;
            return true;
        }
        return false;
    }

    /** The sources' counts as last shown to the diagnosis. */
    public List<TelemetryIntake> shown() {
        return shown;
    }

    /**
     * A source not shown before, one shown clean that now rejects lines, or one shown without records that now has
     * some (the finding's text would otherwise say "0 records read" of a source whose connectors are unmatched).
     */
    private boolean news(List<TelemetryIntake> read) {
        Map<String, TelemetryIntake> before = new HashMap<>();
        shown.forEach(i -> before.put(i.source(), i));
        for (TelemetryIntake i : read) {
            TelemetryIntake was = before.get(i.source());
            if (was == null || was.rejected() == 0 && i.rejected() > 0 || was.records() == 0 && i.records() > 0) {
                return true;
            }
        }
        return false;
    }
}
