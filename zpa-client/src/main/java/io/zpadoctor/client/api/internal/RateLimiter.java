package io.zpadoctor.client.api.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The client's pacing, shared by every worker: at most {@code limit} requests in any {@code window}, and a pause
 * that holds back every request after a 429 (the ZPA limit counts per caller, not per request).
 *
 * <p>A request occupies its slot from the moment it is sent until {@code window} after its answer arrived. The
 * server counts it at some moment in between, so no window the server measures can hold more than the limit.
 */
public final class RateLimiter {
    private final int limit;
    private final long windowNanos;
    private final List<Permit> recent = new ArrayList<>();
    private long pausedUntil = System.nanoTime();

    public RateLimiter(int limit, Duration window) {
        this.limit = limit;
        this.windowNanos = window.toNanos();
    }

    /** One request's slot; {@link #close()} when its answer (or failure) has arrived. */
    public final class Permit implements AutoCloseable {
        private long doneAt = Long.MAX_VALUE;

        @Override
        public void close() {
            synchronized (RateLimiter.this) {
                if (doneAt == Long.MAX_VALUE) {
                    doneAt = System.nanoTime();
                    RateLimiter.this.notifyAll();
                }
            }
        }
    }

    /** Waits until a request may go, and returns its slot. */
    public synchronized Permit acquire() throws InterruptedException {
        while (true) {
            long now = System.nanoTime();
            if (now - pausedUntil < 0) {
                waitNanos(pausedUntil - now);
                continue;
            }
            long earliestFree = Long.MAX_VALUE;
            int busy = 0;
            for (int i = recent.size() - 1; i >= 0; i--) {
                Permit p = recent.get(i);
                if (p.doneAt != Long.MAX_VALUE && now - p.doneAt >= windowNanos) {
                    recent.remove(i);
                } else {
                    busy++;
                    if (p.doneAt != Long.MAX_VALUE) {
                        earliestFree = Math.min(earliestFree, p.doneAt + windowNanos);
                    }
                }
            }
            if (busy < limit) {
                Permit p = new Permit();
                recent.add(p);
                return p;
            }
            // every slot is taken: wait for the oldest to leave the window, or for one in flight to finish
            waitNanos(earliestFree == Long.MAX_VALUE ? windowNanos : earliestFree - now);
        }
    }

    /** Holds back every request, in every worker, for at least {@code d} from now. */
    public synchronized void pause(Duration d) {
        long until = System.nanoTime() + d.toNanos();
        if (until - pausedUntil > 0) {
            pausedUntil = until;
        }
        notifyAll();
    }

    /** How long until requests may go again after a pause; zero when not paused. */
    public synchronized Duration pausedFor() {
        long left = pausedUntil - System.nanoTime();
        return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
    }

    private void waitNanos(long nanos) throws InterruptedException {
        long ms = Math.max(1, (nanos + 999_999) / 1_000_000);
        wait(ms);
    }
}
