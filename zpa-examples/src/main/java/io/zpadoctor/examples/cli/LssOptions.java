package io.zpadoctor.examples.cli;

import io.zpadoctor.client.bundle.Bundle;
import io.zpadoctor.client.lss.LssListener;
import io.zpadoctor.client.lss.LssReader;
import io.zpadoctor.model.telemetry.TelemetryFeed;
import picocli.CommandLine.Option;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Log Streaming Service records beside the tenant: files (plain or gzip), or a receiver LSS streams to for a while.
 * They join the bundle's own {@code lss/} records in one feed.
 */
final class LssOptions {
    @Option(names = "--lss", paramLabel = "FILE", description = "App Connector Status and Metrics records as LSS"
            + " writes them (one JSON object a line), plain or gzip. Repeatable.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--lss-listen", paramLabel = "HOST:PORT", description = "Act as the LSS log receiver: listen"
            + " on HOST:PORT (TCP; TLS with --lss-cert and --lss-key), collect for --lss-duration, then diagnose.")
    String listen;

    @Option(names = "--lss-duration", paramLabel = "DURATION", defaultValue = "15m", description = "How long"
            + " --lss-listen collects: 90s, 15m, 1h (default ${DEFAULT-VALUE}, one CPU window; LSS sends Metrics"
            + " every 5 minutes).")
    String duration;

    @Option(names = "--lss-cert", paramLabel = "PEM", description = "The receiver's certificate (chain) for"
            + " --lss-listen over TLS, as the LSS receiver's \"TLS Encryption\" setting expects.")
    Path cert;

    @Option(names = "--lss-key", paramLabel = "PEM", description = "Its private key (unencrypted PKCS#8 PEM).")
    Path key;

    /** The bundle with the records of every source named added to its own; the bundle itself when none is. */
    Bundle apply(Bundle b) {
        if (files.isEmpty() && listen == null) {
            if (cert != null || key != null) {
                throw new CliException(ExitCodes.USAGE, "--lss-cert and --lss-key need --lss-listen");
            }
            return b;
        }
        TelemetryFeed feed = b.telemetry();
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new CliException(ExitCodes.DATA, f + ": no such file (--lss)");
            }
            try {
                feed.intake(LssReader.read(f, f.toString(), feed));
            } catch (IOException e) {
                throw new CliException(ExitCodes.DATA, f + ": cannot be read: " + e.getMessage());
            }
        }
        if (listen != null) {
            listen(feed);
        }
        return new Bundle(b.origin(), b.tenant(), b.reportedCase(), b.collectedAt(), b.hosts(), b.warnings(), feed);
    }

    private void listen(TelemetryFeed feed) {
        InetSocketAddress at = address(listen);
        Duration d = duration(duration);
        if (cert == null != (key == null)) {
            throw new CliException(ExitCodes.USAGE, "--lss-cert and --lss-key go together (TLS needs both)");
        }
        SSLContext tls = cert == null ? null : PemTls.context(cert, key);
        // each connection reads on its own thread; the windows take one record at a time
        try (LssListener l = LssListener.start(at, tls, r -> {
            synchronized (feed) {
                feed.accept(r);
            }
        })) {
            System.err.printf(Locale.ROOT, "zpa-doctor: receiving LSS records on %s:%d%s for %s (Ctrl-C: stop and"
                    + " diagnose what arrived)%n", at.getHostString(), l.port(), tls == null ? "" : " (TLS)", human(d));
            CountDownLatch stop = new CountDownLatch(1);
            long started = System.nanoTime();
            boolean early;
            try (Signals.Restore signals = Signals.during(stop::countDown)) {
                early = stop.await(d.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                early = true;
            }
            l.close();
            if (early) {
                System.err.printf(Locale.ROOT, "zpa-doctor: stopped listening after %s of %s (signal): diagnosing"
                        + " what arrived%n", human(Duration.ofSeconds((System.nanoTime() - started) / 1_000_000_000L)),
                        human(d));
            }
            synchronized (feed) {
                feed.intake(l.intake());
            }
            System.err.printf(Locale.ROOT, "zpa-doctor: %d record(s) from %d connection(s)%n",
                    l.intake().records(), l.connections());
        } catch (IOException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage());
        }
    }

    static InetSocketAddress address(String s) {
        int colon = s.lastIndexOf(':');
        String host = colon < 0 ? "" : s.substring(0, colon).replace("[", "").replace("]", "");
        try {
            int port = Integer.parseInt(s.substring(colon + 1));
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
        } catch (NumberFormatException e) {
            throw new CliException(ExitCodes.USAGE, "--lss-listen: expected HOST:PORT (e.g. 0.0.0.0:5514), found '"
                    + s + "'");
        }
    }

    static Duration duration(String s) {
        String t = s.strip().toLowerCase(Locale.ROOT);
        try {
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            Duration d = switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                default -> throw new NumberFormatException();
            };
            if (d.isZero() || d.isNegative()) {
                throw new NumberFormatException();
            }
            return d;
        } catch (RuntimeException e) {
            throw new CliException(ExitCodes.USAGE, "--lss-duration: expected a positive number of seconds, minutes"
                    + " or hours (90s, 15m, 1h), found '" + s + "'");
        }
    }

    private static String human(Duration d) {
        long s = d.getSeconds();
        return s >= 3600 && s % 3600 == 0 ? s / 3600 + " h" : s >= 60 && s % 60 == 0 ? s / 60 + " min" : s + " s";
    }
}
