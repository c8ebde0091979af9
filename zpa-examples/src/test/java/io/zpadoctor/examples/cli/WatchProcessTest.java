package io.zpadoctor.examples.cli;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code zpa-doctor watch} as a real process: a bundle whose connector disconnects and reconnects opens and resolves
 * ZPA-CON-001, LSS records reach its receiver (a line it cannot use opens ZPA-PRB-004), its metrics page parses
 * with the Prometheus text-format parser, a webhook that fails and recovers gets every message, and SIGTERM ends it
 * with exit 0.
 */
class WatchProcessTest {
    private static final String TOKEN = "XoXbT0k3nThatMustNeverBePrinted";
    private static final Pattern METRICS = Pattern.compile("metrics on http://127\\.0\\.0\\.1:(\\d+)/metrics");
    private static final Pattern LSS = Pattern.compile("LSS receiver on 127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path tmp;

    @Test
    void aDisconnectOpensAndAReconnectResolvesEndToEnd() throws Exception {
        String python = pythonWithPrometheusClient();
        Path bundle = copyDemo("healthy", tmp.resolve("bundle"));
        Path connectors = bundle.resolve("api/connectors.json");
        String up = Files.readString(connectors);
        String down = up.replaceFirst("ZPN_STATUS_AUTHENTICATED", "ZPN_STATUS_DISCONNECTED");
        assertThat(down).isNotEqualTo(up);

        List<String> hookBodies = new CopyOnWriteArrayList<>();
        AtomicInteger hookAttempts = new AtomicInteger();
        HttpServer hook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        hook.createContext("/services/" + TOKEN, ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            int status = hookAttempts.incrementAndGet() <= 2 ? 500 : 200;     // fails twice, then recovers
            if (status == 200) {
                hookBodies.add(new String(body, StandardCharsets.UTF_8));
            }
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        hook.start();
        List<String> cmd = new ArrayList<>(List.of(McpProcess.java(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), ZpaDoctor.class.getName(), "watch",
                "--bundle", bundle.toString(), "--interval", "200ms", "--no-config",
                "--lss-listen", "127.0.0.1:0", "--metrics", "127.0.0.1:0",
                "--webhook", "http://127.0.0.1:" + hook.getAddress().getPort() + "/services/" + TOKEN));
        // standard error to a file: a thread reading the pipe can lose the last lines to the JDK closing it at exit
        Path errFile = tmp.resolve("stderr.txt");
        Process p = new ProcessBuilder(cmd).redirectError(errFile.toFile()).start();
        BlockingQueue<String> out = new LinkedBlockingQueue<>();
        Stderr err = new Stderr(errFile);
        Thread outPump = pump(p.getInputStream(), out::add);
        try {
            String snapshot = next(out, Duration.ofSeconds(60));
            assertThat(snapshot).startsWith("{\"event\":\"snapshot\"").doesNotContain("ZPA-CON-001");
            int metricsPort = port(err, METRICS);
            int lssPort = port(err, LSS);

            replace(connectors, down);
            String opened = next(out, Duration.ofSeconds(20));
            assertThat(opened).startsWith("{\"event\":\"opened\"").contains("\"code\":\"ZPA-CON-001\"");

            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), lssPort); OutputStream o = s.getOutputStream()) {
                for (int i = 0; i < 3; i++) {
                    o.write(("{\"LogTimestamp\":\"2026-11-20T09:3" + i + ":00Z\",\"Connector\":\"dc1-acg-key-1\","
                            + "\"CPUUtilization\":\"12\",\"SystemMemoryUtilization\":\"40\"}\n")
                            .getBytes(StandardCharsets.UTF_8));
                }
                o.write("{\"LogTimestamp\":\"2026-11-20T09:33:00Z\",\"Connector\":\"dc1\",\"CPUUtilization\":\"-7\"}\n"
                        .getBytes(StandardCharsets.UTF_8));
            }
            // the rejected line reaches the diagnosis with the records, as in a one-shot diagnose --lss
            String unusable = nextMatching(out, "\"code\":\"ZPA-PRB-004\"", Duration.ofSeconds(20));
            assertThat(unusable).startsWith("{\"event\":\"opened\"").contains("listener 127.0.0.1:" + lssPort);
            Map<String, Double> m = Map.of();
            for (long end = System.nanoTime() + 10_000_000_000L; System.nanoTime() < end; Thread.sleep(200)) {
                m = scrape(python, metricsPort);
                if (m.getOrDefault("zpa_doctor_lss_records_total|", 0.0) == 3.0
                        && m.getOrDefault("zpa_doctor_lss_rejected_total|kind=malformed", 0.0)
                        + m.getOrDefault("zpa_doctor_lss_rejected_total|kind=unknown", 0.0) == 1.0) {
                    break;
                }
            }
            assertThat(m).containsEntry("zpa_doctor_lss_records_total|", 3.0)
                    .containsEntry("zpa_doctor_findings_open|code=ZPA-CON-001,severity=CRITICAL", 1.0)
                    .containsEntry("zpa_doctor_connectors|status=ZPN_STATUS_DISCONNECTED", 1.0)
                    .containsEntry("zpa_doctor_events_total|event=snapshot", 1.0)
                    .containsEntry("zpa_doctor_findings_open|code=ZPA-PRB-004,severity=INFO", 1.0)
                    .containsEntry("zpa_doctor_events_total|event=opened", 2.0);
            assertThat(m.get("zpa_doctor_diagnosis_duration_seconds_count|")).isGreaterThanOrEqualTo(2.0);
            assertThat(m.get("zpa_doctor_last_poll_timestamp_seconds|")).isGreaterThan(1.7e9);

            replace(connectors, up);
            String resolved;
            try {
                resolved = nextMatching(out, "\"event\":\"resolved\"", Duration.ofSeconds(20));
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; standard error: " + err, e);
            }
            assertThat(resolved).contains("\"code\":\"ZPA-CON-001\"");

            long deadline = System.nanoTime() + 30_000_000_000L;
            while (hookBodies.size() < 4 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(hookBodies).hasSize(4);
            assertThat(hookBodies.get(0)).startsWith("{\"text\":\"zpa-doctor watch started:");
            assertThat(hookBodies.get(1)).contains("opened").contains("ZPA-CON-001");
            assertThat(hookBodies.get(2)).contains("opened").contains("ZPA-PRB-004");
            assertThat(hookBodies.get(3)).contains("resolved").contains("ZPA-CON-001");
            assertThat(hookAttempts.get()).isEqualTo(6);

            p.destroy();          // SIGTERM
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("stopped on SIGTERM").isTrue();
            assertThat(p.exitValue()).as("exit code after SIGTERM; stderr: %s", err).isZero();
            outPump.join(5_000);
            assertThat(err.toString()).as("standard output left: %s", out).contains("zpa-doctor watch: stopping")
                    .contains("webhook post failed (HTTP 500)").doesNotContain(TOKEN);
            assertThat(String.join("\n", out)).doesNotContain(TOKEN);
        } finally {
            p.destroyForcibly();
            hook.stop(0);
        }
    }

    /** Debian's python3 with its python3-prometheus-client (.ci/run installs it), else any python3 that has it. */
    static String pythonWithPrometheusClient() throws InterruptedException {
        for (String py : List.of("/usr/bin/python3", "python3")) {
            try {
                Process p = new ProcessBuilder(py, "-c", "import prometheus_client.parser").redirectErrorStream(true)
                        .start();
                p.getInputStream().readAllBytes();
                if (p.waitFor() == 0) {
                    return py;
                }
            } catch (IOException e) {
                // not there: try the next
            }
        }
        Assumptions.abort("no python3 with prometheus_client (Debian: apt-get install python3-prometheus-client;"
                + " .ci/run installs it): the metrics page cannot be checked with the Prometheus parser");
        return null;
    }

    /** The metrics page through prometheus_client's text-format parser: {@code name|k=v,k=v} to value. */
    static Map<String, Double> scrape(String python, int port) throws Exception {
        HttpResponse<String> page = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        Process p = new ProcessBuilder(python, "-c", String.join("\n",
                "import sys",
                "from prometheus_client.parser import text_string_to_metric_families",
                "for fam in text_string_to_metric_families(sys.stdin.read()):",
                "    for s in fam.samples:",
                "        print(s.name + '|' + ','.join(k + '=' + v for k, v in sorted(s.labels.items())) + '|'"
                        + " + repr(float(s.value)))")).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(page.body().getBytes(StandardCharsets.UTF_8));
        }
        String parsed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String perr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("the parser refused the page: %s%n%s", perr, page.body()).isZero();
        Map<String, Double> m = new HashMap<>();
        for (String line : parsed.split("\n")) {
            int bar = line.lastIndexOf('|');
            if (bar > 0) {
                m.put(line.substring(0, bar), Double.parseDouble(line.substring(bar + 1)));
            }
        }
        return m;
    }

    /** The process's standard error as written so far. */
    record Stderr(Path file) {
        List<String> lines() {
            try {
                return Files.readAllLines(file);
            } catch (IOException e) {
                return List.of();
            }
        }

        @Override
        public String toString() {
            return String.join("\n", lines());
        }
    }

    private static int port(Stderr err, Pattern p) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            for (String line : err.lines()) {
                Matcher m = p.matcher(line);
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + p + " in " + err);
    }

    static String next(BlockingQueue<String> q, Duration within) throws InterruptedException {
        String line = q.poll(within.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(line).as("a line within " + within).isNotNull();
        return line;
    }

    static String nextMatching(BlockingQueue<String> q, String part, Duration within)
            throws InterruptedException {
        long end = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < end) {
            String line = q.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && line.contains(part)) {
                return line;
            }
        }
        throw new AssertionError("no line with " + part + " within " + within);
    }

    /** As a writer replacing a file does: the new text appears at once, never half-written. */
    private static void replace(Path file, String text) throws IOException {
        Path t = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(t, text);
        Files.move(t, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static Thread pump(java.io.InputStream in, java.util.function.Consumer<String> to) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    to.accept(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }

    static Path copyDemo(String name, Path to) throws Exception {
        HostBundleTest.copy(Path.of(WatchProcessTest.class.getResource("/io/zpadoctor/examples/demo/" + name).toURI()),
                to);
        return to;
    }
}
