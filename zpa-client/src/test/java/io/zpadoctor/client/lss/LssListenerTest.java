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

    @Test
    void tlsWhenTheReceiverHasTlsEncryptionOn() throws Exception {
        Path ks = tmp.resolve("lss.p12");
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
        }
    }
}
