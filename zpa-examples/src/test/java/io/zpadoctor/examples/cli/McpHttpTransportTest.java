package io.zpadoctor.examples.cli;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code zpa-doctor mcp --http}: the streamable HTTP transport, on loopback only, with the SDK's Java client. */
class McpHttpTransportTest {
    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";

    @Test
    void servesTheToolsAndTurnsAwayOtherHostsAndOrigins() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Process server = new ProcessBuilder(McpProcess.command("--http", "127.0.0.1:" + port, "--no-config"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            McpHttp.awaitListening(server, port);
            McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port)
                            .endpoint("/mcp").build())
                    .requestTimeout(Duration.ofSeconds(60)).enableCallToolSchemaCaching(true).build();
            try {
                client.initialize();
                assertThat(client.listTools().tools()).hasSize(6);
                McpSchema.CallToolResult r = McpProcess.call(client, "diagnose",
                        Map.of("bundle", McpProcess.DEMO.resolve("exhausted-key").toString()));
                assertThat(r.isError()).as(McpProcess.text(r)).isFalse();
                assertThat(((Map<?, ?>) r.structuredContent()).get("primary")).isEqualTo("ZPA-ENR-001");
            } finally {
                client.closeGracefully();
            }

            // a web page elsewhere that resolved its name to 127.0.0.1 (DNS rebinding) sends its own Host or Origin
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest.Builder post = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mcp"))
                    .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                    .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE));
            HttpResponse<String> fromPage = http.send(post.copy().header("Origin", "http://attacker.example").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(fromPage.statusCode()).isEqualTo(403);
            HttpResponse<String> own = http.send(post.copy().header("Origin", "http://127.0.0.1:" + port).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        } finally {
            server.destroy();
            assertThat(server.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void refusesAnAddressThatIsNotLoopback() {
        Cli wide = Cli.run("mcp", "--http", "0.0.0.0:8765");
        assertThat(wide.code()).isEqualTo(64);
        assertThat(wide.err()).startsWith("zpa-doctor: --http serves loopback only (127.0.0.1, ::1 or localhost),"
                + " not '0.0.0.0'");
        Cli noPort = Cli.run("mcp", "--http", "127.0.0.1");
        assertThat(noPort.code()).isEqualTo(64);
        assertThat(noPort.err()).startsWith("zpa-doctor: --http must be HOST:PORT");
        Cli badPack = Cli.run("mcp", "--rules", "/nonexistent/pack");
        assertThat(badPack.code()).isEqualTo(65);
        assertThat(badPack.err()).contains("/nonexistent/pack").doesNotContain("\tat ");
    }
}
