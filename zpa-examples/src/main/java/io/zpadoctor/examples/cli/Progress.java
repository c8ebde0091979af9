package io.zpadoctor.examples.cli;

import io.zpadoctor.client.api.ReadListener;
import io.zpadoctor.client.api.ReadStats;
import io.zpadoctor.client.api.TenantRead;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * The progress line of a tenant read, on standard error: silent for the first second, then redrawn in place on a
 * terminal or printed every few seconds to a log; rate-limit pauses are always said.
 */
final class Progress implements ReadListener {
    private static final long QUIET_NANOS = Duration.ofSeconds(1).toNanos();

    private final PrintStream err;
    private final boolean terminal = System.console() != null;
    private final long start = System.nanoTime();
    private long lastDrawn;
    private boolean spoke;
    private boolean openLine;

    Progress(PrintStream err) {
        this.err = err;
    }

    @Override
    public synchronized void progress(int pagesDone, int pagesKnown, int objects) {
        long now = System.nanoTime();
        if (now - start < QUIET_NANOS || now - lastDrawn < (terminal ? 200_000_000L : 2_000_000_000L)) {
            return;
        }
        lastDrawn = now;
        line(String.format(Locale.ROOT, "zpa-doctor: reading the tenant: %d/%d pages, %,d objects, %s", pagesDone,
                pagesKnown, objects, seconds(now - start)), true);
    }

    @Override
    public synchronized void paused(Duration wait, String why) {
        line("zpa-doctor: " + why + "; every request waits " + seconds(wait.toNanos()), false);
    }

    @Override
    public synchronized void retrying(String request, int attempt, String why, Duration wait) {
        line("zpa-doctor: " + request + ": " + why + "; trying again in " + seconds(wait.toNanos()), false);
    }

    /** The closing summary, when anything was said before or the read took a while. */
    synchronized void finish(TenantRead r) {
        ReadStats s = r.stats();
        if (spoke || s.elapsed().toNanos() >= QUIET_NANOS) {
            line(summary(r), false);
        }
        endLine();
    }

    synchronized void abandon() {
        endLine();
    }

    static String summary(TenantRead r) {
        ReadStats s = r.stats();
        return String.format(Locale.ROOT, "zpa-doctor: read %,d objects in %d requests (%d pages, %d answered 429 and"
                        + " obeyed, %d retried) in %s", r.tenant().objectCount(), s.requests(), s.pages(),
                s.rateLimited(), s.retries(), seconds(s.elapsed().toNanos()));
    }

    private void line(String text, boolean redraw) {
        spoke = true;
        if (terminal && redraw) {
            err.print("\r\033[K" + text);
            openLine = true;
        } else {
            endLine();
            err.println(text);
        }
        err.flush();
    }

    private void endLine() {
        if (openLine) {
            err.println();
            openLine = false;
        }
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }
}
