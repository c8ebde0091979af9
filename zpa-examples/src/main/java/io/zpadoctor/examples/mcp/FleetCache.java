package io.zpadoctor.examples.mcp;

import io.zpadoctor.examples.cli.CommandCalls;
import io.zpadoctor.rules.FleetReport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The last few fleet reports by the arguments that made them: an assistant pages through one report, and each page
 * would otherwise read and diagnose the whole tenant again (8 MB of JSON for 10,000 connectors, or a full API read).
 * A bundle's report is kept while its files keep their sizes and times, and a few minutes at most (a bundle without
 * a collection time is evaluated "now"); a live tenant's for a minute.
 */
final class FleetCache {
    static final Duration BUNDLE_TTL = Duration.ofMinutes(5);
    static final Duration API_TTL = Duration.ofMinutes(1);
    private static final int SIZE = 4;
    /** A folder with more entries than this is not fingerprinted (walking it would cost what the cache saves). */
    private static final int MAX_FILES = 20_000;

    interface Compute {
        FleetReport get() throws CommandCalls.Failure;
    }

    private record Entry(String stamp, Instant madeAt, FleetReport report) {
    }

    private final Clock clock;
    private final Map<List<String>, Entry> entries = new LinkedHashMap<>(8, 0.75f, true);

    FleetCache(Clock clock) {
        this.clock = clock;
    }

    /** The report for {@code argv}, made again when the bundle changed or the entry is too old. */
    FleetReport get(List<String> argv, Path bundle, Compute compute) throws CommandCalls.Failure {
        String stamp = bundle == null ? "api" : stamp(bundle);
        Duration ttl = bundle == null ? API_TTL : BUNDLE_TTL;
        Instant now = clock.instant();
        synchronized (this) {
            Entry e = entries.get(argv);
            if (e != null && stamp != null && e.stamp.equals(stamp) && e.madeAt.plus(ttl).isAfter(now)) {
                return e.report;
            }
        }
        FleetReport r = compute.get();    // outside the lock: a slow read must not hold up other calls
        if (stamp != null) {
            synchronized (this) {
                entries.put(List.copyOf(argv), new Entry(stamp, now, r));
                for (Iterator<List<String>> it = entries.keySet().iterator(); entries.size() > SIZE; ) {
                    it.next();
                    it.remove();
                }
            }
        }
        return r;
    }

    /** The bundle argument as a path, or a path that is never cached when it names none. */
    static Path path(String bundle) {
        try {
            return Path.of(bundle).toAbsolutePath();
        } catch (java.nio.file.InvalidPathException e) {
            return Path.of("/nonexistent-" + Integer.toHexString(bundle.hashCode()));
        }
    }

    /** Sizes and modification times of the bundle's files, or null when it cannot be told cheaply. */
    static String stamp(Path bundle) {
        try {
            BasicFileAttributes a = Files.readAttributes(bundle, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!a.isDirectory()) {
                return a.size() + "@" + a.lastModifiedTime().toMillis() + "#" + a.fileKey();
            }
            StringBuilder sb = new StringBuilder();
            int[] n = {0};
            try (Stream<Path> s = Files.walk(bundle)) {
                for (Iterator<Path> it = s.iterator(); it.hasNext(); ) {
                    Path p = it.next();
                    if (++n[0] > MAX_FILES) {
                        return null;
                    }
                    BasicFileAttributes f = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    sb.append(bundle.relativize(p)).append(':').append(f.size()).append('@')
                            .append(f.lastModifiedTime().toMillis()).append('\n');
                }
            }
            return Integer.toHexString(sb.toString().hashCode()) + "/" + sb.length();
        } catch (IOException | UncheckedIOException | SecurityException e) {
            return null;   // the command reports what is wrong with the path; nothing is cached for it
        }
    }
}
