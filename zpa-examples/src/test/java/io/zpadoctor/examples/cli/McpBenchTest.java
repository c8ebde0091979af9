package io.zpadoctor.examples.cli;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MCP server's figures (issue 17's targets: initialize under 1 s cold, diagnose of a bundle under 50 ms warm,
 * fleet of a 10k-connector tenant under 300 ms warm), measured through the real process and the SDK's client, and
 * written to target/bench-mcp.txt. Reported, not asserted: timings depend on the machine.
 * Run: {@code mvn -q verify -Pbench -pl zpa-examples -am -Dtest=McpBenchTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("bench")
class McpBenchTest {
    @TempDir
    Path tmp;

    @Test
    void initializeDiagnoseAndFleet() throws Exception {
        List<String> lines = new ArrayList<>();
        double[] cold = new double[7];
        for (int i = 0; i < cold.length; i++) {
            cold[i] = coldInitializeMillis();
        }
        lines.add(String.format("initialize, cold (process start to answer, %d runs; test class path, no class-data archive:"
                + " tools/mcp-cold-start.sh times ./zpa-doctor mcp): median %.0f ms, min %.0f, max %.0f", cold.length, median(cold), min(cold), max(cold)));

        Path tenant = tmp.resolve("tenant-10k");
        Cli gen = Cli.run("generate", "--connectors", "10000", "--out", tenant.toString());
        assertThat(gen.code()).as(gen.err()).isZero();
        McpSyncClient client = McpProcess.client(Map.of(), McpProcess.stderrSink(), "--no-config");
        try {
            Map<String, Object> demo = Map.of("bundle", McpProcess.DEMO.resolve("exhausted-key").toString());
            double[] d = timed(client, "diagnose", demo, 300, 300);
            lines.add(String.format("diagnose exhausted-key bundle, warm (%d calls after %d): median %.1f ms, p90 %.1f,"
                    + " min %.1f", d.length, 300, median(d), percentile(d, 0.9), min(d)));
            Map<String, Object> fleet = Map.of("bundle", tenant.toString(), "limit", 20);
            long s0 = System.nanoTime();
            assertThat(McpProcess.call(client, "fleet", fleet).isError()).isFalse();
            lines.add(String.format("fleet 10,000-connector bundle, first call (read, diagnose, first page): %.0f ms",
                    (System.nanoTime() - s0) / 1e6));
            double[] f = timed(client, "fleet", fleet, 30, 30);
            lines.add(String.format("fleet 10,000-connector bundle, warm (%d calls after %d): median %.0f ms, p90 %.0f,"
                    + " min %.0f", f.length, 30, median(f), percentile(f, 0.9), min(f)));
            double[] pages = new double[10];
            for (int i = 0; i < pages.length; i++) {
                long s = System.nanoTime();
                assertThat(McpProcess.call(client, "fleet", Map.of("bundle", tenant.toString(), "limit", 20,
                        "offset", 20 * (i + 1))).isError()).isFalse();
                pages[i] = (System.nanoTime() - s) / 1e6;
            }
            lines.add(String.format("fleet 10,000-connector bundle, next pages 2-11: median %.0f ms, max %.0f",
                    median(pages), max(pages)));
        } finally {
            client.closeGracefully();
        }
        lines.add("(" + Runtime.getRuntime().availableProcessors() + " cores, load average "
                + java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() + ", " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version") + "; client round trips over stdio, JSON and redaction included)");
        Path out = Path.of("target/bench-mcp.txt");
        Files.write(out, lines);
        lines.forEach(System.out::println);
    }

    /** One fresh server process: from its start to the initialize answer on its standard output. */
    private static double coldInitializeMillis() throws Exception {
        long start = System.nanoTime();
        Process p = new ProcessBuilder(McpProcess.command("--no-config")).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (OutputStream in = p.getOutputStream();
             BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            in.write(("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                    + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}}\n")
                    .getBytes(StandardCharsets.UTF_8));
            in.flush();
            String line = out.readLine();
            double ms = (System.nanoTime() - start) / 1e6;
            assertThat(line).contains("\"serverInfo\"");
            return ms;
        } finally {
            p.waitFor();
        }
    }

    private static double[] timed(McpSyncClient c, String tool, Map<String, Object> args, int warm, int runs) {
        Supplier<McpSchema.CallToolResult> call = () -> McpProcess.call(c, tool, args);
        for (int i = 0; i < warm; i++) {
            assertThat(call.get().isError()).isFalse();
        }
        double[] t = new double[runs];
        for (int i = 0; i < runs; i++) {
            long s = System.nanoTime();
            McpSchema.CallToolResult r = call.get();
            t[i] = (System.nanoTime() - s) / 1e6;
            assertThat(r.isError()).isFalse();
        }
        return t;
    }

    private static double median(double[] a) {
        return percentile(a, 0.5);
    }

    private static double percentile(double[] a, double q) {
        double[] s = a.clone();
        Arrays.sort(s);
        return s[(int) Math.min(s.length - 1, Math.round(q * (s.length - 1)))];
    }

    private static double min(double[] a) {
        return Arrays.stream(a).min().orElseThrow();
    }

    private static double max(double[] a) {
        return Arrays.stream(a).max().orElseThrow();
    }
}
