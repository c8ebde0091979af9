package io.zpadoctor.examples.watch;

import io.zpadoctor.client.api.TenantRead;
import io.zpadoctor.client.api.ZpaApiConfig;
import io.zpadoctor.client.api.ZpaApiException;
import io.zpadoctor.client.api.ZpaClient;
import io.zpadoctor.client.bundle.Bundle;
import io.zpadoctor.client.bundle.BundleException;
import io.zpadoctor.client.bundle.BundleReader;
import io.zpadoctor.model.Facts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Where the watch's tenant comes from, on its own thread: a bundle re-read whenever its files change, or the live
 * tenant read again every interval. A failed read is reported and the last good tenant kept.
 */
public abstract class TenantSource implements AutoCloseable {
    /** The ZPA API allows 20 GET requests per 10 s; a watch may use at most half of that, leaving room for others. */
    public static final double GETS_PER_SECOND_ALLOWED = 1.0;
    /** The shortest --interval for --api: even a small tenant's read is a dozen requests and a token. */
    public static final Duration MIN_API_INTERVAL = Duration.ofSeconds(60);
    /** Lowers {@link #MIN_API_INTERVAL} for tests against a fake API; the 1 GET/s stretch still applies. */
    static final String TEST_FLOOR_PROPERTY = "zpa.doctor.watch.minApiIntervalSeconds";

    /** The shortest --interval for --api: {@link #MIN_API_INTERVAL}, unless a test lowered it. */
    public static Duration minApiInterval() {
        String s = System.getProperty(TEST_FLOOR_PROPERTY);
        if (s == null) {
            return MIN_API_INTERVAL;
        }
        try {
            return Duration.ofSeconds(Math.max(1, Long.parseLong(s.strip())));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + TEST_FLOOR_PROPERTY + " must be whole seconds, not '" + s + "'");
        }
    }

    protected final Consumer<Facts> sink;
    protected final Consumer<String> log;
    protected final WatchMetrics metrics;
    private final Thread thread;
    protected volatile boolean closed;

    protected TenantSource(String name, Consumer<Facts> sink, Consumer<String> log, WatchMetrics metrics) {
        this.sink = sink;
        this.log = log;
        this.metrics = metrics;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
    }

    public TenantSource start() {
        thread.start();
        return this;
    }

    protected abstract void run();

    protected void polled(boolean ok, long startNanos) {
        if (metrics != null) {
            metrics.polled(ok, System.currentTimeMillis() / 1000.0, (System.nanoTime() - startNanos) / 1e9);
        }
    }

    /** Sleeps, or returns false when closed meanwhile. */
    protected boolean sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
            return !closed;
        } catch (InterruptedException e) {
            return false;
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A bundle (folder or archive) checked every {@code every}; read again when a file in it changes. */
    public static TenantSource bundle(Path path, Duration every, Consumer<Facts> sink, Consumer<String> log,
                                      WatchMetrics metrics) {
        return new TenantSource("watch-bundle", sink, log, metrics) {
            private String seen;

            @Override
            protected void run() {
                do {
                    String now = fingerprint(path);
                    if (now != null && !now.equals(seen)) {
                        long t0 = System.nanoTime();
                        try {
                            Bundle b = BundleReader.read(path);
                            seen = now;
                            polled(true, t0);
                            sink.accept(b.toFacts());
                        } catch (BundleException e) {
                            polled(false, t0);
                            log.accept("bundle " + path + " not read (keeping the last good one): " + e.getMessage());
                            seen = now;      // read again on its next change, not every check
                        }
                    }
                } while (sleep(every));
            }
        };
    }

    /** Sizes and modification times of every file: cheap, and changes whenever a writer touches one. */
    static String fingerprint(Path path) {
        try {
            if (!Files.isDirectory(path)) {
                BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
                return a.size() + "@" + a.lastModifiedTime().toMillis();
            }
            StringBuilder b = new StringBuilder();
            try (Stream<Path> s = Files.walk(path, 4)) {
                s.limit(100_000).sorted().forEach(p -> {
                    try {
                        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                        b.append(p).append(' ').append(a.size()).append(' ')
                                .append(a.lastModifiedTime().toMillis()).append('\n');
                    } catch (IOException e) {
                        b.append(p).append(" ?\n");
                    }
                });
            }
            return Integer.toHexString(b.toString().hashCode()) + ":" + b.length();
        } catch (IOException | java.io.UncheckedIOException e) {
            return null;
        }
    }

    /**
     * The live tenant, read every {@code every}. When one read takes more requests than the interval allows at
     * {@link #GETS_PER_SECOND_ALLOWED}, the interval is stretched to fit and that is said once.
     */
    public static TenantSource api(ZpaApiConfig config, Duration every, Consumer<Facts> sink, Consumer<String> log,
                                   WatchMetrics metrics) {
        return new TenantSource("watch-api", sink, log, metrics) {
            @Override
            protected void run() {
                Duration interval = every;
                try (ZpaClient zpa = ZpaClient.create(config)) {
                    // the command read the tenant once before starting: the first poll is one interval later
                    while (sleep(interval)) {
                        long t0 = System.nanoTime();
                        try {
                            TenantRead read = zpa.readTenant(null);
                            polled(true, t0);
                            sink.accept(Bundle.fromApi(config, read).withCollectedAt(null).toFacts());
                            long requests = read.stats().requests() + read.stats().tokenRequests();
                            Duration needed = Duration.ofSeconds((long) Math.ceil(requests / GETS_PER_SECOND_ALLOWED));
                            if (needed.compareTo(interval) > 0) {
                                log.accept("one read of this tenant takes " + requests + " requests: polling every "
                                        + needed.toSeconds() + " s instead of " + interval.toSeconds()
                                        + " s to stay within half the API's 20 GET per 10 s");
                                interval = needed;
                            }
                        } catch (ZpaApiException e) {
                            polled(false, t0);
                            log.accept("API poll failed (keeping the last good read): " + e.getMessage());
                        }
                    }
                }
            }
        };
    }
}
