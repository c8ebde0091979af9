package io.zpadoctor.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/** --lss files and the --lss-listen receiver on diagnose and fleet, with real files and real sockets. */
class LssOptionsTest {
    private static final Path SCENARIOS = Path.of("../zpa-rules/src/test/resources/scenarios/telemetry");

    @TempDir
    Path tmp;

    /** A scenario's tenant without its lss/ folder, and its records as a separate file. */
    private Path tenantOf(String scenario, Path records, boolean gzip) throws IOException {
        Path dir = tmp.resolve(scenario);
        Files.createDirectories(dir.resolve("api"));
        try (var files = Files.list(SCENARIOS.resolve(scenario).resolve("api"))) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve("api").resolve(f.getFileName()));
            }
        }
        Files.copy(SCENARIOS.resolve(scenario).resolve("case.json"), dir.resolve("case.json"));
        byte[] lines = Files.readAllBytes(SCENARIOS.resolve(scenario).resolve("lss/connectors.jsonl"));
        if (gzip) {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(records))) {
                out.write(lines);
            }
        } else {
            Files.write(records, lines);
        }
        return dir;
    }

    @Test
    void aGzipFileOfRecordsFeedsTheRules() throws Exception {
        Path records = tmp.resolve("metrics.jsonl.gz");
        Path bundle = tenantOf("res-012-disk-under-floor", records, true);
        Cli without = Cli.run("diagnose", "--bundle", bundle.toString(), "--format", "json");
        assertThat(without.code()).as(without.err()).isZero();
        assertThat(without.out()).doesNotContain("ZPA-RES-012");

        Cli with = Cli.run("diagnose", "--bundle", bundle.toString(), "--lss", records.toString(), "--format", "json");
        assertThat(with.code()).as(with.err()).isEqualTo(ExitCodes.CRITICAL);
        JsonNode f = new ObjectMapper().readTree(with.out()).get("findings").get(0);
        assertThat(f.get("code").asText()).isEqualTo("ZPA-RES-012");
        assertThat(f.get("evidence").get(0).get("source").asText()).isEqualTo(records.toString());
    }

    @Test
    void theFleetListsResourceHotSpotsOnlyWithRecords() throws Exception {
        Path records = tmp.resolve("records.jsonl");
        Path bundle = tenantOf("flt-007-group-all-hot", records, false);
        Cli json = Cli.run("fleet", "--bundle", bundle.toString(), "--lss", records.toString(), "--format", "json");
        assertThat(json.code()).as(json.err()).isEqualTo(ExitCodes.WARNING);
        JsonNode hot = new ObjectMapper().readTree(json.out()).get("fleet").get("resourceHotSpots");
        assertThat(hot.get("reporting").asInt()).isEqualTo(4);
        assertThat(hot.get("connectors").get(0).get("connectorName").asText()).startsWith("dc2-acg-key-");
        assertThat(hot.get("connectors").get(0).get("busiest").asText()).isEqualTo("CPU");
        assertThat(hot.get("groups").get(0).get("groupName").asText()).isEqualTo("DC2-Amsterdam");
        assertThat(hot.get("groups").get(0).get("cpuAverage").asDouble()).isEqualTo(91.0);

        Cli md = Cli.run("fleet", "--bundle", bundle.toString(), "--lss", records.toString(), "--format", "markdown");
        assertThat(md.out()).contains("## Resource hot spots", "| DC2-Amsterdam | 2 | 91 | 91 | 40 |", "ZPA-FLT-007");
        Cli text = Cli.run("fleet", "--bundle", bundle.toString(), "--lss", records.toString(), "--format", "text");
        assertThat(text.out()).contains("Resource hot spots (LSS records of 4 connectors");

        Cli none = Cli.run("fleet", "--bundle", bundle.toString(), "--format", "markdown");
        assertThat(none.out()).doesNotContain("Resource hot spots");
        assertThat(Cli.run("fleet", "--bundle", bundle.toString(), "--format", "json").out())
                .doesNotContain("resourceHotSpots");
    }

    @Test
    void theReceiverCollectsWhatAConnectorStreamsThenDiagnoses() throws Exception {
        Path records = tmp.resolve("records.jsonl");
        Path bundle = tenantOf("res-012-disk-under-floor", records, false);
        int port = freePort();
        CompletableFuture<Void> sender = CompletableFuture.runAsync(() -> send(port, records, null));
        Cli run = Cli.run("diagnose", "--bundle", bundle.toString(), "--lss-listen", "127.0.0.1:" + port,
                "--lss-duration", "3s", "--format", "json");
        sender.get(10, TimeUnit.SECONDS);
        assertThat(run.err()).contains("receiving LSS records on 127.0.0.1:" + port, "40 record(s) from 1 connection(s)");
        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.CRITICAL);
        assertThat(run.out()).contains("ZPA-RES-012", "listener 127.0.0.1:" + port);
    }

    @Test
    void aSignalEndsTheListeningAndTheReportSaysWhatArrived() throws Exception {
        Path records = tmp.resolve("records.jsonl");
        Path bundle = tenantOf("res-012-disk-under-floor", records, false);
        Path errFile = tmp.resolve("stderr.txt");
        Path outFile = tmp.resolve("stdout.json");      // files: the JDK may close a pipe before a reader drains it
        Process p = new ProcessBuilder(McpProcess.java(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), ZpaDoctor.class.getName(), "diagnose", "--bundle",
                bundle.toString(), "--no-config", "--lss-listen", "127.0.0.1:0", "--lss-duration", "1h",
                "--format", "json").redirectError(errFile.toFile()).redirectOutput(outFile.toFile()).start();
        try {
            java.util.regex.Pattern listening = java.util.regex.Pattern.compile("receiving LSS records on 127\\.0\\.0\\.1:(\\d+)");
            int port = -1;
            for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); port < 0; Thread.sleep(100)) {
                java.util.regex.Matcher m = listening.matcher(Files.readString(errFile));
                if (m.find()) {
                    port = Integer.parseInt(m.group(1));
                } else {
                    assertThat(System.nanoTime()).as("listening within 60 s: %s", Files.readString(errFile)).isLessThan(end);
                }
            }
            try (Socket s = new Socket("127.0.0.1", port)) {
                s.getOutputStream().write(Files.readAllBytes(records));
                s.shutdownOutput();
                // the receiver closes its side once it has read every line: then nothing is in flight
                assertThat(s.getInputStream().read()).isEqualTo(-1);
            }
            p.destroy();            // SIGTERM, as Ctrl-C's SIGINT: stop listening, diagnose what arrived
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("ended after SIGTERM").isTrue();
            String err = Files.readString(errFile);
            assertThat(p.exitValue()).as(err).isEqualTo(ExitCodes.CRITICAL);
            assertThat(err).contains("stopped listening after", "of 1 h (signal): diagnosing what arrived",
                    "40 record(s) from 1 connection(s)");
            assertThat(Files.readString(outFile)).contains("ZPA-RES-012", "listener 127.0.0.1:" + port);
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void theReceiverSpeaksTlsWithAPemCertificateAndKey() throws Exception {
        Path cert = tmp.resolve("cert.pem");
        Path key = tmp.resolve("key.pem");
        Process p;
        try {
            p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=localhost", "-keyout", key.toString(), "-out", cert.toString())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeThat(false).as("openssl is not installed").isTrue();
            return;
        }
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor()).isZero();
        Path records = tmp.resolve("records.jsonl");
        Path bundle = tenantOf("con-008-auth-failures", records, false);
        int port = freePort();
        CompletableFuture<Void> sender = CompletableFuture.runAsync(() -> send(port, records, trustAll()));
        Cli run = Cli.run("diagnose", "--bundle", bundle.toString(), "--lss-listen", "127.0.0.1:" + port,
                "--lss-duration", "4s", "--lss-cert", cert.toString(), "--lss-key", key.toString(), "--format", "json");
        sender.get(10, TimeUnit.SECONDS);
        assertThat(run.err()).contains("(TLS)", "40 record(s) from 1 connection(s)");
        assertThat(run.out()).contains("ZPA-CON-008");
        assertThat(run.out() + run.err()).doesNotContain("PRIVATE KEY");
    }

    @Test
    void mistakesAreUsageOrDataErrors() throws Exception {
        Path records = tmp.resolve("r.jsonl");
        Path bundle = tenantOf("prb-004-clean-feed", records, false);
        String b = bundle.toString();
        assertThat(Cli.run("diagnose", "--bundle", b, "--lss", tmp.resolve("nope.jsonl").toString()).code())
                .isEqualTo(ExitCodes.DATA);
        assertThat(Cli.run("diagnose", "--bundle", b, "--lss-listen", "localhost").code()).isEqualTo(ExitCodes.USAGE);
        assertThat(Cli.run("diagnose", "--bundle", b, "--lss-listen", "127.0.0.1:1", "--lss-duration", "0m").code())
                .isEqualTo(ExitCodes.USAGE);
        assertThat(Cli.run("fleet", "--bundle", b, "--lss-cert", records.toString()).code()).isEqualTo(ExitCodes.USAGE);
        Cli bad = Cli.run("diagnose", "--bundle", b, "--lss-listen", "127.0.0.1:1", "--lss-duration", "1s",
                "--lss-cert", records.toString(), "--lss-key", records.toString());
        assertThat(bad.code()).isEqualTo(ExitCodes.DATA);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Connects as LSS does (retrying until the receiver listens) and streams the file. */
    private static void send(int port, Path records, SSLContext tls) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
        while (true) {
            try (Socket s = tls == null ? new Socket("127.0.0.1", port)
                    : tls.getSocketFactory().createSocket("127.0.0.1", port)) {
                if (s instanceof SSLSocket ssl) {
                    ssl.startHandshake();
                }
                s.getOutputStream().write(Files.readAllBytes(records));
                s.getOutputStream().flush();
                return;
            } catch (IOException e) {
                if (System.nanoTime() > until) {
                    throw new IllegalStateException("the receiver never listened: " + e.getMessage(), e);
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static SSLContext trustAll() {
        try {
            SSLContext c = SSLContext.getInstance("TLS");
            c.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, null);
            return c;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
