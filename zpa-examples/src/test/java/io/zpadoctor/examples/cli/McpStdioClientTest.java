package io.zpadoctor.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.zpadoctor.fakeapi.FakeTenant;
import io.zpadoctor.fakeapi.FakeZpa;
import io.zpadoctor.rules.Catalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real {@code zpa-doctor mcp} process driven over stdio by the MCP Java SDK's own client: initialize, the
 * lists, every tool on the demo bundles and on bad input, the live tenant through the fake ZPA API, and fifty
 * planted secrets that must appear in no result, error or log line.
 */
class McpStdioClientTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> TOOLS = List.of("diagnose", "fleet", "explain", "checks", "collect_script", "plan_fix");

    @TempDir
    static Path tmp;
    static McpSyncClient client;
    static List<String> stderr = McpProcess.stderrSink();

    @BeforeAll
    static void start() {
        client = McpProcess.client(Map.of(), stderr, "--no-config");
    }

    @AfterAll
    static void stop() {
        client.closeGracefully();
    }

    static String demo(String name) {
        return McpProcess.DEMO.resolve(name).toString();
    }

    @Test
    void initializeListsSixReadOnlyToolsEveryCheckAsAResourceAndThePrompt() {
        assertThat(client.getServerInfo().name()).isEqualTo("zpa-doctor");
        assertThat(client.getServerInstructions()).contains("diagnose", "read-only");
        List<McpSchema.Tool> tools = client.listTools().tools();
        assertThat(tools).extracting(McpSchema.Tool::name).containsExactlyInAnyOrderElementsOf(TOOLS);
        for (McpSchema.Tool t : tools) {
            assertThat(t.annotations().readOnlyHint()).as(t.name()).isTrue();
            assertThat(t.annotations().destructiveHint()).as(t.name()).isFalse();
            assertThat(t.inputSchema()).as(t.name()).containsEntry("type", "object");
            assertThat(t.outputSchema()).as(t.name()).containsEntry("type", "object");
            assertThat(t.description()).as(t.name()).isNotBlank();
        }
        List<McpSchema.Resource> resources = client.listResources().resources();
        assertThat(resources).hasSize(Catalog.builtIn().entries().size());
        assertThat(resources).extracting(McpSchema.Resource::uri).contains("zpa-doctor://checks/ZPA-ENR-001",
                "zpa-doctor://checks/ZPA-FLT-005", "zpa-doctor://checks/ZPA-PRB-002");
        String enr001 = ((McpSchema.TextResourceContents) client.readResource(
                new McpSchema.ReadResourceRequest("zpa-doctor://checks/ZPA-ENR-001")).contents().get(0)).text();
        assertThat(enr001).contains("# ZPA-ENR-001", Catalog.builtIn().entry("ZPA-ENR-001").orElseThrow().title(),
                "CRITICAL", "maxUsage");
        assertThat(client.listPrompts().prompts()).extracting(McpSchema.Prompt::name)
                .containsExactly("troubleshoot-connector");
    }

    @Test
    void diagnoseGivesExactlyTheReportTheCommandLinePrints() throws Exception {
        for (String name : List.of("exhausted-key", "broken-chain", "healthy")) {
            McpSchema.CallToolResult r = McpProcess.call(client, "diagnose", Map.of("bundle", demo(name)));
            assertThat(r.isError()).as(name + ": " + McpProcess.text(r)).isFalse();
            Cli cli = Cli.run("diagnose", "--bundle", demo(name), "--format", "json", "--no-config");
            Map<?, ?> expected = JSON.readValue(cli.out(), Map.class);
            assertThat(JSON.convertValue(r.structuredContent(), Map.class)).as(name).isEqualTo(expected);
            Object primary = expected.get("primary");
            if (primary != null) {
                assertThat(McpProcess.text(r)).as(name).startsWith("**Root cause: " + primary);
            } else {
                assertThat(McpProcess.text(r)).as(name).startsWith("**No problem at WARNING or above found.**");
            }
        }
        McpSchema.CallToolResult narrowed = McpProcess.call(client, "diagnose", Map.of("bundle", demo("exhausted-key"),
                "symptom", "not-enrolling", "connector", "dc1-acg-key-4"));
        Map<?, ?> c = (Map<?, ?>) ((Map<?, ?>) narrowed.structuredContent()).get("case");
        assertThat(c.get("symptom")).isEqualTo("not-enrolling");
        assertThat(c.get("connector")).isEqualTo("dc1-acg-key-4");
    }

    @Test
    @SuppressWarnings("unchecked")
    void fleetPagesTheFindingsWorstFirst() throws Exception {
        Path tenant = tmp.resolve("tenant-300");
        Cli gen = Cli.run("generate", "--connectors", "300", "--out", tenant.toString());
        assertThat(gen.code()).as(gen.err()).isZero();
        Cli cli = Cli.run("fleet", "--bundle", tenant.toString(), "--format", "json", "--no-config");
        Map<String, Object> whole = JSON.readValue(cli.out(), Map.class);
        List<Map<String, Object>> all = (List<Map<String, Object>>) whole.get("findings");
        assertThat(all.size()).isGreaterThan(2);
        Object problems = ((Map<String, Object>) whole.get("fleet")).get("problems");
        assertThat((List<Object>) problems).isNotEmpty();
        List<Object> seen = new ArrayList<>();
        Integer offset = 0;
        while (offset != null) {
            McpSchema.CallToolResult r = McpProcess.call(client, "fleet", Map.of("bundle", tenant.toString(),
                    "offset", offset, "limit", 2));
            assertThat(r.isError()).as(McpProcess.text(r)).isFalse();
            Map<String, Object> s = (Map<String, Object>) r.structuredContent();
            Map<String, Object> page = (Map<String, Object>) s.get("page");
            assertThat(page.get("total")).isEqualTo(all.size());
            seen.addAll((List<Object>) s.get("findings"));
            assertThat(((Map<String, Object>) s.get("fleet")).get("connectors")).isNotNull();
            // every page answers what is down and why, as the whole report does
            assertThat(((Map<String, Object>) s.get("fleet")).get("problems")).isEqualTo(problems);
            offset = (Integer) page.get("nextOffset");
            if (offset != null) {
                assertThat(McpProcess.text(r)).contains("offset " + offset);
            }
        }
        assertThat(seen).isEqualTo(all);
    }

    @Test
    @SuppressWarnings("unchecked")
    void explainChecksCollectScriptAnswerLikeTheirCommands() {
        McpSchema.CallToolResult fired = McpProcess.call(client, "explain", Map.of("code", "ZPA-ENR-001",
                "bundle", demo("exhausted-key")));
        assertThat(((Map<String, Object>) fired.structuredContent()).get("fired")).isEqualTo(true);
        McpSchema.CallToolResult not = McpProcess.call(client, "explain", Map.of("code", "zpa-enr-002",
                "bundle", demo("exhausted-key")));
        Map<String, Object> s = (Map<String, Object>) not.structuredContent();
        assertThat(s.get("fired")).isEqualTo(false);
        assertThat(s.get("code")).isEqualTo("ZPA-ENR-002");
        Cli cli = Cli.run("rules", "explain", "ZPA-ENR-002", "--bundle", demo("exhausted-key"), "--no-config");
        assertThat(McpProcess.text(not)).isEqualTo("```text\n" + cli.out() + "```\n");

        McpSchema.CallToolResult enr = McpProcess.call(client, "checks", Map.of("code", "ZPA-ENR"));
        List<Map<String, Object>> checks = (List<Map<String, Object>>) ((Map<String, Object>) enr.structuredContent())
                .get("checks");
        assertThat(checks).isNotEmpty().allSatisfy(m -> assertThat((String) m.get("code")).startsWith("ZPA-ENR-"));
        assertThat(checks).extracting(m -> m.get("uri")).contains("zpa-doctor://checks/ZPA-ENR-001");
        McpSchema.CallToolResult all = McpProcess.call(client, "checks", Map.of());
        assertThat((List<Object>) ((Map<String, Object>) all.structuredContent()).get("checks"))
                .hasSize(Catalog.builtIn().entries().size());
        McpSchema.CallToolResult fleet = McpProcess.call(client, "checks", Map.of("category", "fleet"));
        assertThat(McpProcess.text(fleet)).contains("ZPA-FLT-001").doesNotContain("ZPA-ENR-001");

        McpSchema.CallToolResult script = McpProcess.call(client, "collect_script", Map.of());
        Map<String, Object> sc = (Map<String, Object>) script.structuredContent();
        assertThat(sc.get("script")).isEqualTo(Cli.run("collect-script").out());
        assertThat((List<Map<String, Object>>) sc.get("collects")).extracting(m -> m.get("file"))
                .containsAll(Catalog.builtIn().probes().keySet());
        assertThat(sc.get("neverCollects").toString()).contains("provisioning key");
        assertThat(McpProcess.text(script)).contains("sudo bash collect-host.sh", "#!/usr/bin/env bash");
    }

    @Test
    void badInputIsTheCommandLinesOneLineAndTheServerCarriesOn() throws IOException {
        Path garbage = tmp.resolve("case.tar.gz");
        Files.write(garbage, "this is not gzip\n".getBytes(StandardCharsets.UTF_8));
        record Bad(Map<String, Object> args, String[] cli, int exit) {
        }
        List<Bad> bad = List.of(
                new Bad(Map.of("bundle", demo("healthy"), "symptom", "bogus"),
                        new String[] {"diagnose", "--bundle", demo("healthy"), "--symptom", "bogus"}, 64),
                new Bad(Map.of("bundle", demo("healthy"), "application", "intranet:70000"),
                        new String[] {"diagnose", "--bundle", demo("healthy"), "--app", "intranet:70000"}, 64),
                new Bad(Map.of("bundle", tmp.resolve("missing").toString()),
                        new String[] {"diagnose", "--bundle", tmp.resolve("missing").toString()}, 65),
                new Bad(Map.of("bundle", garbage.toString()), new String[] {"diagnose", "--bundle", garbage.toString()}, 65),
                new Bad(Map.of(), new String[] {"diagnose"}, 64),
                new Bad(Map.of("bundle", demo("healthy"), "api", true),
                        new String[] {"diagnose", "--bundle", demo("healthy"), "--api"}, 64));
        for (Bad b : bad) {
            McpSchema.CallToolResult r = McpProcess.call(client, "diagnose", b.args());
            Cli cli = Cli.run(b.cli());
            assertThat(cli.code()).isEqualTo(b.exit());
            String line = cli.err().lines().findFirst().orElseThrow();
            assertThat(r.isError()).as(b.args().toString()).isTrue();
            assertThat(McpProcess.text(r)).as(b.args().toString()).isEqualTo(line);
            assertThat(r.meta()).containsEntry("exitCode", b.exit());
        }
        McpSchema.CallToolResult unknown = McpProcess.call(client, "diagnose", Map.of("bundel", "x"));
        assertThat(unknown.isError()).isTrue();
        assertThat(McpProcess.text(unknown)).isEqualTo("zpa-doctor: unknown argument 'bundel' for diagnose; it takes api,"
                + " application, bundle, connector, group, hostBundles, symptom");
        McpSchema.CallToolResult typed = McpProcess.call(client, "fleet", Map.of("bundle", demo("healthy"), "limit", "lots"));
        assertThat(McpProcess.text(typed)).isEqualTo("zpa-doctor: fleet: limit must be a whole number, not 'lots'");
        McpSchema.CallToolResult noCode = McpProcess.call(client, "explain", Map.of("bundle", demo("healthy")));
        assertThat(McpProcess.text(noCode)).isEqualTo("zpa-doctor: explain needs code, e.g. ZPA-ENR-001");
        McpSchema.CallToolResult noFix = McpProcess.call(client, "plan_fix", Map.of("code", "ZPA-NET-001"));
        assertThat(McpProcess.text(noFix)).startsWith("zpa-doctor: ZPA-NET-001 has no API fix");
        // and the same server still diagnoses
        McpSchema.CallToolResult ok = McpProcess.call(client, "diagnose", Map.of("bundle", demo("exhausted-key")));
        assertThat(ok.isError()).isFalse();
        assertThat(String.join("\n", stderr)).doesNotContain("\tat ", "Exception");
    }

    @Test
    @SuppressWarnings("unchecked")
    void liveTenantThroughTheFakeApiAndAPlanThatIsNeverSent() throws Exception {
        FakeTenant t = FakeTenant.generate(40, 5);
        var c = t.named("connector", "dc1-key-3");
        c.put("enabled", false);
        t.put("connector", c);
        try (FakeZpa fake = LiveEnv.server().tenant(t).rateLimit(1000, 500, Duration.ofSeconds(1)).start()) {
            Map<String, String> env = new HashMap<>(LiveEnv.of(fake));
            env.put("ZPA_DOCTOR_RATE_LIMIT", "1000/1s");
            List<String> err = McpProcess.stderrSink();
            McpSyncClient live = McpProcess.client(env, err, "--no-config");
            List<String> results = new ArrayList<>();
            try {
                McpSchema.CallToolResult d = McpProcess.call(live, "diagnose", Map.of("api", true));
                assertThat(d.isError()).as(McpProcess.text(d)).isFalse();
                assertThat(McpProcess.text(d)).contains("ZPA-CON-005");
                results.add(JSON.writeValueAsString(d));

                McpSchema.CallToolResult f = McpProcess.call(live, "fleet", Map.of("api", true, "limit", 200));
                assertThat(f.isError()).as(McpProcess.text(f)).isFalse();
                assertThat(JSON.writeValueAsString(f.structuredContent())).contains("ZPA-CON-005");
                results.add(JSON.writeValueAsString(f));

                McpSchema.CallToolResult p = McpProcess.call(live, "plan_fix", Map.of("code", "ZPA-CON-005",
                        "connector", "dc1-key-3"));
                assertThat(p.isError()).as(McpProcess.text(p)).isFalse();
                Map<String, Object> plan = (Map<String, Object>) p.structuredContent();
                assertThat(plan).containsEntry("found", true).containsEntry("sent", false).containsEntry("method", "PUT");
                assertThat((String) plan.get("url")).endsWith("/connector/" + c.get("id").asText());
                assertThat((String) plan.get("dryRun")).contains("\"enabled\" : true", "Nothing was sent.");
                results.add(JSON.writeValueAsString(p));
                assertThat(fake.requests(r -> !r.method().equals("GET") && r.isApi())).as("writes").isEmpty();
                assertThat(fake.tenant().named("connector", "dc1-key-3").get("enabled").asBoolean()).isFalse();

                McpSchema.CallToolResult none = McpProcess.call(live, "plan_fix", Map.of("code", "ZPA-CON-007"));
                assertThat(none.isError()).isFalse();
                assertThat(((Map<String, Object>) none.structuredContent()).get("found")).isEqualTo(false);
                assertThat(McpProcess.text(none)).contains("ZPA-CON-007 is not found in this tenant; nothing to fix.");
            } finally {
                live.closeGracefully();
            }
            Cli logs = new Cli(0, String.join("\n", results), String.join("\n", err));
            LiveEnv.assertNoSecrets(fake, logs);
        }
    }

    @Test
    void aLiveApiFailureNamesWhatFailed() throws Exception {
        try (FakeZpa fake = LiveEnv.server().start()) {
            Map<String, String> env = new HashMap<>(LiveEnv.of(fake));
            env.put("ZSCALER_CLIENT_SECRET", "wrong-" + LiveEnv.CLIENT_SECRET);
            List<String> err = McpProcess.stderrSink();
            McpSyncClient live = McpProcess.client(env, err, "--no-config");
            try {
                McpSchema.CallToolResult r = McpProcess.call(live, "diagnose", Map.of("api", true));
                LiveEnv.use(env);
                Cli cli = Cli.run("diagnose", "--api", "--no-config");
                assertThat(r.isError()).isTrue();
                assertThat(McpProcess.text(r)).isEqualTo(cli.err().strip())
                        .contains("refused the client credentials", fake.tokenUrl()).doesNotContain("wrong-");
                assertThat(r.meta()).containsEntry("exitCode", 69);
                McpSchema.CallToolResult fix = McpProcess.call(live, "plan_fix", Map.of("code", "ZPA-CON-005"));
                assertThat(McpProcess.text(fix)).contains("refused the client credentials");
            } finally {
                LiveEnv.reset();
                live.closeGracefully();
            }
            assertThat(String.join("\n", err)).doesNotContain("wrong-", "\tat ");
        }
    }

    @Test
    void fiftyPlantedSecretsReachNoResultErrorOrLogLine() throws Exception {
        SecretPlants plants = SecretPlants.in(tmp.resolve("plants"));
        List<String> err = McpProcess.stderrSink();
        McpSyncClient c = McpProcess.client(Map.of(), err, "--config", plants.config.toString());
        List<String> out = new ArrayList<>();
        try {
            String b = plants.bundle.toString();
            Map<String, Map<String, Object>> calls = new LinkedHashMap<>();
            calls.put("diagnose", Map.of("bundle", b));
            calls.put("fleet", Map.of("bundle", b, "limit", 200));
            calls.put("explain", Map.of("bundle", b, "code", "ZPA-CON-006"));
            for (Map.Entry<String, Map<String, Object>> call : calls.entrySet()) {
                McpSchema.CallToolResult r = McpProcess.call(c, call.getKey(), call.getValue());
                assertThat(r.isError()).as(call.getKey() + ": " + McpProcess.text(r)).isFalse();
                out.add(JSON.writeValueAsString(r));
            }
            // an error that would echo what it was given
            out.add(JSON.writeValueAsString(McpProcess.call(c, "diagnose", Map.of("bundle", b,
                    "connector", "password " + plants.secret(), "symptom", "token=" + plants.secret()))));
            out.add(JSON.writeValueAsString(McpProcess.call(c, "checks", Map.of("code", "secret=" + plants.secret()))));
            out.add(JSON.writeValueAsString(c.getPrompt(new McpSchema.GetPromptRequest("troubleshoot-connector",
                    Map.of("problem", "key 3|api.private.zscaler.com|" + plants.secret() + " will not enroll")))));
        } finally {
            c.closeGracefully();
        }
        String all = String.join("\n", out) + "\n" + String.join("\n", err);
        assertThat(out.get(0)).contains("ZPA-CON-006");
        for (String s : plants.secrets) {
            assertThat(all).as("planted secret %s", s).doesNotContain(s);
        }
    }

    /**
     * Standard output carries the protocol only: every line the process writes there, for a good call, a bad one,
     * a broken bundle and a live read that fails, is a JSON-RPC message.
     */
    @Test
    void standardOutputCarriesNothingButTheProtocol() throws Exception {
        Process p = new ProcessBuilder(McpProcess.command("--no-config")).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (OutputStream in = p.getOutputStream();
             BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            List<String> requests = List.of(
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                            + "\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}",
                    "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"diagnose\","
                            + "\"arguments\":{\"bundle\":" + JSON.writeValueAsString(demo("exhausted-key")) + "}}}",
                    "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"diagnose\","
                            + "\"arguments\":{\"bundle\":\"/nonexistent/bundle\"}}}",
                    "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":{\"name\":\"plan_fix\","
                            + "\"arguments\":{\"code\":\"ZPA-CON-005\"}}}",
                    "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":{\"name\":\"collect_script\"}}",
                    "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"no/such/method\"}");
            for (String req : requests) {
                in.write((req + "\n").getBytes(StandardCharsets.UTF_8));
                in.flush();
                String line = out.readLine();
                assertThat(line).as("answer to %s", req).isNotNull();
                Map<?, ?> m = JSON.readValue(line, Map.class);
                assertThat(m.get("jsonrpc")).as(line).isEqualTo("2.0");
                assertThat(m.get("id")).as(line).isEqualTo(JSON.readValue(req, Map.class).get("id"));
                if (req.contains("\"id\":1,")) {
                    in.write("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n"
                            .getBytes(StandardCharsets.UTF_8));
                    in.flush();
                }
            }
            in.close();
            assertThat(out.readLine()).as("nothing after the answers").isNull();
        }
        assertThat(p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)).as("exits when stdin closes").isTrue();
        assertThat(p.exitValue()).isZero();
    }
}
