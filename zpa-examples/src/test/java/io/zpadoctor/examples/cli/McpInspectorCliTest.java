package io.zpadoctor.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code zpa-doctor mcp} driven by a client from another ecosystem: the official MCP inspector's CLI (npm
 * {@code @modelcontextprotocol/inspector}, on the TypeScript SDK, which checks each structured result against the
 * tool's output schema), started from the README's client configuration as written, over stdio and over HTTP.
 * The test installs the inspector itself into target/ with {@code npm ci} from the lock file beside it.
 */
class McpInspectorCliTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path NPM = Path.of("src/test/npm");
    static final Path HOME = Path.of("target/mcp-inspector").toAbsolutePath();
    static Path inspector;
    static Path config;

    @BeforeAll
    static void install() throws Exception {
        Assumptions.assumeTrue(runs("node", "--version") && runs("npm", "--version"),
                "node and npm are not on the PATH, so the inspector cannot run: install Node.js 20 or later with npm"
                        + " (.ci/run does, from Debian's nodejs and npm packages)");
        Files.createDirectories(HOME);
        inspector = HOME.resolve("node_modules/.bin/mcp-inspector");
        byte[] lock = Files.readAllBytes(NPM.resolve("package-lock.json"));
        Path installed = HOME.resolve("node_modules/.zpa-doctor-lock.json");
        if (!Files.isExecutable(inspector) || !Files.exists(installed)
                || !java.util.Arrays.equals(lock, Files.readAllBytes(installed))) {
            Files.copy(NPM.resolve("package.json"), HOME.resolve("package.json"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.write(HOME.resolve("package-lock.json"), lock);
            Run npm = run(HOME, 600, "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
            assertThat(npm.code()).as("npm ci of the inspector in %s:%n%s", HOME, npm.err()).isZero();
            Files.write(installed, lock);   // installed from this lock: the next run skips npm
        }
        assertThat(inspector).isExecutable();
        config = HOME.resolve("claude_desktop_config.json");
        Files.writeString(config, readmeConfig(launcher()).toPrettyString());
    }

    /** The README's Claude Desktop configuration, with its command pointing at this build instead of a checkout. */
    static ObjectNode readmeConfig(Path launcher) throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        Matcher m = Pattern.compile("```json\\n(\\{\\s*\"mcpServers\".*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(m.find()).as("README has a ```json block with \"mcpServers\"").isTrue();
        ObjectNode readmeConfig = (ObjectNode) JSON.readTree(m.group(1));
        ObjectNode entry = (ObjectNode) readmeConfig.path("mcpServers").path("zpa-doctor");
        assertThat(entry.path("command").asText()).as("README's command").endsWith("/zpa-doctor");
        assertThat(entry.path("args").toString()).isEqualTo("[\"mcp\"]");
        entry.put("command", launcher.toString());
        ObjectNode servers = JSON.createObjectNode();
        servers.set("zpa-doctor", entry);   // the Zscaler server beside it needs Python's uvx, not here
        ObjectNode out = JSON.createObjectNode();
        out.set("mcpServers", servers);
        return out;
    }

    /** What the README's {@code ./zpa-doctor} runs, minus the build: the command line's main on this class path. */
    static Path launcher() throws IOException {
        Path script = HOME.resolve("zpa-doctor");
        List<String> cmd = McpProcess.command();
        cmd.remove(cmd.size() - 1);   // "mcp": it comes from the configuration's args
        StringBuilder sb = new StringBuilder("#!/bin/sh\nexec");
        for (String c : cmd) {
            sb.append(" '").append(c.replace("'", "'\\''")).append('\'');
        }
        Files.writeString(script, sb.append(" \"$@\"\n").toString());
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    static JsonNode inspect(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(inspector.toString(), "--cli", "--config", config.toString(),
                "--server", "zpa-doctor"));
        cmd.addAll(List.of(args));
        Run r = run(HOME, 120, cmd.toArray(String[]::new));
        assertThat(r.code()).as("inspector %s:%n%s%n%s", String.join(" ", args), r.out(), r.err()).isZero();
        return JSON.readTree(r.out());
    }

    static String demo(String name) {
        return McpProcess.DEMO.resolve(name).toString();
    }

    @Test
    void theReadmeConfigurationServesEveryToolResourceAndThePrompt() throws Exception {
        JsonNode tools = inspect("--method", "tools/list").path("tools");
        List<String> names = new ArrayList<>();
        for (JsonNode t : tools) {
            names.add(t.path("name").asText());
            assertThat(t.path("annotations").path("readOnlyHint").asBoolean()).as(t.path("name").asText()).isTrue();
            assertThat(t.path("outputSchema").path("type").asText()).isEqualTo("object");
        }
        assertThat(names).containsExactlyInAnyOrderElementsOf(McpStdioClientTest.TOOLS);

        // the inspector lists the tools, then calls one: the SDK under it checks structuredContent against the schema
        JsonNode d = inspect("--method", "tools/call", "--tool-name", "diagnose",
                "--tool-arg", "bundle=" + demo("exhausted-key"), "symptom=not-enrolling", "connector=dc1-acg-key-4");
        assertThat(d.path("isError").asBoolean(false)).as(d.toString()).isFalse();
        assertThat(d.path("structuredContent").path("primary").asText()).isEqualTo("ZPA-ENR-001");
        assertThat(d.path("structuredContent").path("case").path("connector").asText()).isEqualTo("dc1-acg-key-4");
        assertThat(d.path("content").get(0).path("text").asText()).startsWith("**Root cause: ZPA-ENR-001");

        JsonNode fleet = inspect("--method", "tools/call", "--tool-name", "fleet", "--tool-arg",
                "bundle=" + demo("broken-chain"), "limit=1");
        assertThat(fleet.path("isError").asBoolean(false)).as(fleet.toString()).isFalse();
        assertThat(fleet.path("structuredContent").path("page").path("limit").asInt()).isEqualTo(1);
        assertThat(fleet.path("structuredContent").path("findings")).hasSizeLessThanOrEqualTo(1);

        JsonNode explain = inspect("--method", "tools/call", "--tool-name", "explain", "--tool-arg",
                "code=ZPA-ENR-002", "bundle=" + demo("exhausted-key"));
        assertThat(explain.path("structuredContent").path("fired").asBoolean(true)).isFalse();

        JsonNode checks = inspect("--method", "tools/call", "--tool-name", "checks", "--tool-arg", "code=ZPA-FLT");
        assertThat(checks.path("structuredContent").path("checks").size()).isEqualTo(8);   // ZPA-FLT-001 to 008

        JsonNode script = inspect("--method", "tools/call", "--tool-name", "collect_script");
        assertThat(script.path("structuredContent").path("script").asText()).startsWith("#!/usr/bin/env bash");

        JsonNode fix = inspect("--method", "tools/call", "--tool-name", "plan_fix", "--tool-arg", "code=ZPA-CON-005");
        assertThat(fix.path("isError").asBoolean()).isTrue();   // no API credentials were configured
        assertThat(fix.path("content").get(0).path("text").asText()).startsWith("zpa-doctor: API settings: ");

        JsonNode resources = inspect("--method", "resources/list").path("resources");
        assertThat(resources.toString()).contains("zpa-doctor://checks/ZPA-ENR-001");
        JsonNode enr = inspect("--method", "resources/read", "--uri", "zpa-doctor://checks/ZPA-ENR-001");
        assertThat(enr.path("contents").get(0).path("text").asText()).startsWith("# ZPA-ENR-001");

        JsonNode prompt = inspect("--method", "prompts/get", "--prompt-name", "troubleshoot-connector",
                "--prompt-args", "problem=the new connector will not enroll", "connector=dc1-acg-key-4");
        assertThat(prompt.path("messages").get(0).path("content").path("text").asText())
                .contains("\"connector\": \"dc1-acg-key-4\"", "\"symptom\": \"not-enrolling\"");
    }

    @Test
    void aBadBundleIsTheCommandLinesLine() throws Exception {
        String missing = HOME.resolve("no-such-bundle").toString();
        JsonNode r = inspect("--method", "tools/call", "--tool-name", "diagnose", "--tool-arg", "bundle=" + missing);
        assertThat(r.path("isError").asBoolean()).isTrue();
        Cli cli = Cli.run("diagnose", "--bundle", missing);
        assertThat(r.path("content").get(0).path("text").asText()).isEqualTo(cli.err().strip());
        assertThat(r.path("_meta").path("exitCode").asInt()).isEqualTo(65);
    }

    /** The streamable HTTP transport, through the same client. */
    @Test
    void overStreamableHttpOnLoopback() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Process server = new ProcessBuilder(McpProcess.command("--http", "127.0.0.1:" + port, "--no-config"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            McpHttp.awaitListening(server, port);
            List<String> cmd = List.of(inspector.toString(), "--cli", "http://127.0.0.1:" + port + "/mcp",
                    "--transport", "http", "--method", "tools/call", "--tool-name", "diagnose", "--tool-arg",
                    "bundle=" + demo("broken-chain"));
            Run r = run(HOME, 120, cmd.toArray(String[]::new));
            assertThat(r.code()).as(r.err()).isZero();
            JsonNode d = JSON.readTree(r.out());
            Cli cli = Cli.run("diagnose", "--bundle", demo("broken-chain"), "--format", "json", "--no-config");
            assertThat(d.path("structuredContent")).isEqualTo(JSON.readTree(cli.out()));
        } finally {
            server.destroy();
            assertThat(server.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
    }

    record Run(int code, String out, String err) {
    }

    static Run run(Path dir, int seconds, String... cmd) throws IOException, InterruptedException {
        Path out = Files.createTempFile(HOME, "out", ".txt");
        Path err = Files.createTempFile(HOME, "err", ".txt");
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out.toFile())
                    .redirectError(err.toFile()).start();
            p.getOutputStream().close();
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", cmd) + " did not finish in " + seconds + " s");
            }
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    static boolean runs(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
