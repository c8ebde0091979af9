package io.zpadoctor.examples.cli;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** The real {@code zpa-doctor mcp} process, started the way a client starts it, and the SDK's own Java client. */
final class McpProcess {
    static final Path DEMO = Path.of("src/main/resources/io/zpadoctor/examples/demo").toAbsolutePath();

    private McpProcess() {
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** {@code java -cp <this test's class path> ZpaDoctor mcp ARGS}: the command line's main, as the launcher runs it. */
    static List<String> command(String... args) {
        List<String> cmd = new ArrayList<>(List.of(java(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss2m",
                "-cp", System.getProperty("java.class.path"), ZpaDoctor.class.getName(), "mcp"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    static ServerParameters parameters(Map<String, String> env, String... args) {
        List<String> cmd = command(args);
        return ServerParameters.builder(cmd.get(0)).args(cmd.subList(1, cmd.size())).env(env).build();
    }

    /** A connected, initialized client; what the server printed on standard error is collected in {@code stderr}. */
    static McpSyncClient client(Map<String, String> env, List<String> stderr, String... args) {
        StdioClientTransport transport = new StdioClientTransport(parameters(env, args), McpJsonDefaults.getMapper());
        transport.setStdErrorHandler(line -> stderr.add(line));
        McpSyncClient client = McpClient.sync(transport)
                .requestTimeout(Duration.ofSeconds(60))
                .initializationTimeout(Duration.ofSeconds(30))
                // the client checks every structured result against the tool's output schema, as it was listed
                .enableCallToolSchemaCaching(true)
                .build();
        client.initialize();
        return client;
    }

    static List<String> stderrSink() {
        return Collections.synchronizedList(new ArrayList<>());
    }

    static McpSchema.CallToolResult call(McpSyncClient c, String tool, Map<String, Object> args) {
        return c.callTool(new McpSchema.CallToolRequest(tool, args));
    }

    /** The text of a result's one text content. */
    static String text(McpSchema.CallToolResult r) {
        return ((McpSchema.TextContent) r.content().get(0)).text();
    }
}
