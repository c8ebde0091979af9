package io.zpadoctor.client.lss;

import io.zpadoctor.model.telemetry.TelemetryRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** A real loopback connection, as App Connectors of an LSS group make to a log receiver. */
class LssListenerTest {
    @TempDir
    Path tmp;

    static String metrics(int i) {
        return "{\"LogTimestamp\": \"" + Instant.parse("2026-11-20T09:00:00Z").plusSeconds(i) + "\",\"Connector\": \"ac-"
                + (i % 3) + "\",\"CPUUtilization\": \"" + (i % 100) + "\",\"AvailableDiskBytes\": \"1000\"}\n";
    }

    static void awaitCount(List<?> got, int n) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (got.size() < n && System.nanoTime() < end) {
            Thread.sleep(10);
        }
    }

    @Test
    void twoConnectionsFeedOneSinkAndShareTheCounts() throws Exception {
        List<TelemetryRecord> got = new CopyOnWriteArrayList<>();
        try (LssListener l = LssListener.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), null, got::add)) {
            try (Socket a = new Socket(InetAddress.getLoopbackAddress(), l.port());
                 Socket b = new Socket(InetAddress.getLoopbackAddress(), l.port())) {
                OutputStream oa = a.getOutputStream();
                OutputStream ob = b.getOutputStream();
                for (int i = 0; i < 500; i++) {
                    (i % 2 == 0 ? oa : ob).write(metrics(i).getBytes(StandardCharsets.UTF_8));
                }
                ob.write("not json\n".getBytes(StandardCharsets.UTF_8));
                oa.flush();
                ob.flush();
                awaitCount(got, 500);
            }
            assertThat(got).hasSize(500);
            long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (l.intake().malformedLines() < 1 && System.nanoTime() < end) {
                Thread.sleep(10);
            }
            assertThat(l.intake().metricsRecords()).isEqualTo(500);
            assertThat(l.intake().malformedLines()).isEqualTo(1);
            assertThat(l.connections()).isEqualTo(2);
            assertThat(l.intake().source()).startsWith("listener 127.0.0.1:");
        }
    }

    /** A sink that holds the first record until released: what was sent behind it waits in the socket's buffers. */
    private static final class HeldSink implements java.util.function.Consumer<TelemetryRecord> {
        final List<TelemetryRecord> got = new CopyOnWriteArrayList<>();
        final java.util.concurrent.CountDownLatch first = new java.util.concurrent.CountDownLatch(1);
        final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);

        @Override
        public void accept(TelemetryRecord r) {
            first.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            got.add(r);
        }
    }

    /** Closes {@code l} on another thread, releases the sink once the close is under way, and times the close. */
    private static long closeWhileHeld(LssListener l, HeldSink sink) throws Exception {
        long t0 = System.nanoTime();
        Thread closer = new Thread(() -> {
            try {
                l.close();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        closer.start();
        Thread.sleep(150);
        sink.release.countDown();
        closer.join(10_000);
        assertThat(closer.isAlive()).isFalse();
        return (System.nanoTime() - t0) / 1_000_000;
    }

    @Test
    void closingReadsWhatSendersHadAlreadySent() throws Exception {
        HeldSink sink = new HeldSink();
        LssListener l = LssListener.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), null, sink);
        try (Socket a = new Socket(InetAddress.getLoopbackAddress(), l.port())) {
            OutputStream o = a.getOutputStream();
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 3000; i++) {
                sb.append(metrics(i));
            }
            o.write(sb.toString().getBytes(StandardCharsets.UTF_8));   // ~300 KB: most of it waits in the buffers
            o.flush();
            assertThat(sink.first.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            long ms = closeWhileHeld(l, sink);
            assertThat(sink.got).as("records sent before the close").hasSize(3000);
            assertThat(l.intake().metricsRecords()).isEqualTo(3000);
            assertThat(ms).as("closing took (ms)").isLessThan(LssListener.DRAIN_MILLIS + 1_000);
        }
    }

    @Test
    void anIdleConnectionEndsPromptlyAndALineCutByTheCloseIsNoMalformedLine() throws Exception {
        List<TelemetryRecord> got = new CopyOnWriteArrayList<>();
        LssListener l = LssListener.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), null, got::add);
        try (Socket a = new Socket(InetAddress.getLoopbackAddress(), l.port())) {
            OutputStream o = a.getOutputStream();
            for (int i = 0; i < 5; i++) {
                o.write(metrics(i).getBytes(StandardCharsets.UTF_8));
            }
            o.write("{\"LogTimestamp\": \"2026-11-".getBytes(StandardCharsets.UTF_8));   // the sender's next line, half out
            o.flush();
            awaitCount(got, 5);
            Thread.sleep(50);
            long t0 = System.nanoTime();
            l.close();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(ms).as("closing an idle connection took (ms)").isLessThan(LssListener.QUIET_MILLIS * 4L);
            assertThat(got).hasSize(5);
            assertThat(l.intake().malformedLines()).isZero();
            assertThat(l.intake().metricsRecords()).isEqualTo(5);
        }
    }

    @Test
    void tlsWhenTheReceiverHasTlsEncryptionOn() throws Exception {
        SSLContext[] tls = tls();
        SSLContext server = tls[0];
        SSLContext client = tls[1];
        List<TelemetryRecord> got = new CopyOnWriteArrayList<>();
        try (LssListener l = LssListener.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), server, got::add);
             SSLSocket s = (SSLSocket) client.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), l.port())) {
            s.startHandshake();
            for (int i = 0; i < 10; i++) {
                s.getOutputStream().write(metrics(i).getBytes(StandardCharsets.UTF_8));
            }
            s.getOutputStream().flush();
            awaitCount(got, 10);
            assertThat(got).hasSize(10);
            Thread.sleep(3 * LssListener.QUIET_MILLIS);     // silences longer than the wake-ups: the connection lives on
            s.getOutputStream().write(metrics(10).getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().flush();
            awaitCount(got, 11);
            assertThat(got).hasSize(11);
        }
    }

    @Test
    void closingATlsConnectionAlsoReadsWhatWasAlreadySent() throws Exception {
        SSLContext[] tls = tls();
        HeldSink sink = new HeldSink();
        LssListener l = LssListener.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), tls[0], sink);
        try (SSLSocket s = (SSLSocket) tls[1].getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), l.port())) {
            s.startHandshake();
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 1500; i++) {
                sb.append(metrics(i));
            }
            s.getOutputStream().write(sb.toString().getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().flush();
            assertThat(sink.first.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            closeWhileHeld(l, sink);
            assertThat(sink.got).hasSize(1500);
        }
    }

    /** A receiver's context with a fresh self-signed key, and a client's that trusts it. */
    private SSLContext[] tls() throws Exception {
        Path ks = tmp.resolve("lss.p12");
        if (Files.exists(ks)) {
            Files.delete(ks);
        }
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "lss", "-keyalg", "EC", "-dname", "CN=lss-receiver", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", ks.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor()).isZero();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(ks)) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, "changeit".toCharArray());
        SSLContext server = SSLContext.getInstance("TLS");
        server.init(kmf.getKeyManagers(), null, null);
        SSLContext client = SSLContext.getInstance("TLS");
        client.init(null, new TrustManager[] {new X509TrustManager() {   // the test's own self-signed receiver
            public void checkClientTrusted(X509Certificate[] c, String a) { }
            public void checkServerTrusted(X509Certificate[] c, String a) { }
            public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
        }}, null);
        return new SSLContext[] {server, client};
    }
}
