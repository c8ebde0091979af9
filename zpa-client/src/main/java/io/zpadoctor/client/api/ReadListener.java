package io.zpadoctor.client.api;

import java.time.Duration;

/** Hears how a tenant read is going, for a progress line. Called from the client's worker threads. */
public interface ReadListener {
    /** A page arrived: so many of the pages known so far are in, holding so many objects. */
    default void progress(int pagesDone, int pagesKnown, int objects) {
    }

    /** Every request is held back for {@code wait}: the server rate-limited the client. */
    default void paused(Duration wait, String why) {
    }

    /** A request failed for a reason worth another try, which follows after {@code wait}. */
    default void retrying(String request, int attempt, String why, Duration wait) {
    }
}
