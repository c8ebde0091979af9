package io.zpadoctor.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zpadoctor.fakeapi.FakeTenant;
import io.zpadoctor.fakeapi.FakeZpa;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code zpa-doctor watch --api} against a fake ZPA API: each poll's tenant is diagnosed and diffed, a fault that
 * appears opens and a fault that ends resolves, as JSON lines on standard output; the interval keeps within the rate
 * limit (refused below the floor, stretched to one GET a second for the tenant's size).
 */
class WatchApiTest {
    private static final Pattern STRETCHED = Pattern.compile("one read of this tenant takes (\\d+) requests: polling"
            + " every (\\d+) s instead of 1 s to stay within half the API's 20 GET per 10 s");

    @TempDir
    Path tmp;

    @AfterEach
    void resetEnvironment() {
        LiveEnv.reset();
    }

    @Test
    void aFaultThatAppearsOpensAndResolvesWhenTheTenantIsFixed() throws Exception {
        FakeTenant t = FakeTenant.generate(12, 5);
        try (FakeZpa fake = LiveEnv.server().tenant(t).start()) {
            // the floor lowered for the test only: the stretch to one GET a second still governs the polls
            ProcessBuilder pb = new ProcessBuilder(McpProcess.java(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-Dzpa.doctor.watch.minApiIntervalSeconds=1", "-cp", System.getProperty("java.class.path"),
                    ZpaDoctor.class.getName(), "watch", "--api", "--interval", "1s", "--no-config");
            pb.environment().putAll(LiveEnv.of(fake));
            Path errFile = tmp.resolve("stderr.txt");
            Process p = pb.redirectError(errFile.toFile()).start();
            BlockingQueue<String> out = new LinkedBlockingQueue<>();
            Thread pump = WatchProcessTest.pump(p.getInputStream(), out::add);
            WatchProcessTest.Stderr err = new WatchProcessTest.Stderr(errFile);
            try {
                String snapshot = WatchProcessTest.next(out, Duration.ofSeconds(60));
                assertThat(snapshot).as(err.toString()).startsWith("{\"event\":\"snapshot\"")
                        .doesNotContain("ZPA-CON-005");

                ObjectNode c = t.named("connector", "dc1-key-3");
                c.put("enabled", false);
                t.put("connector", c);
                JsonNode opened = LiveTenantCommandsTest.MAPPER.readTree(WatchProcessTest.nextMatching(out,
                        "\"code\":\"ZPA-CON-005\"", Duration.ofSeconds(60)));
                assertThat(opened.get("event").asText()).isEqualTo("opened");
                assertThat(opened.at("/finding/subject/name").asText()).isEqualTo("dc1-key-3");
                assertThat(opened.get("at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");

                c.put("enabled", true);
                t.put("connector", c);
                JsonNode resolved = LiveTenantCommandsTest.MAPPER.readTree(WatchProcessTest.nextMatching(out,
                        "\"code\":\"ZPA-CON-005\"", Duration.ofSeconds(60)));
                assertThat(resolved.get("event").asText()).as(err.toString()).isEqualTo("resolved");
                assertThat(resolved.at("/finding/subject/name").asText()).isEqualTo("dc1-key-3");

                // a poll of this tenant takes more requests than one a second allows in 1 s: stretched, said once
                List<String> stretched = err.lines().stream().filter(l -> STRETCHED.matcher(l).find()).toList();
                assertThat(stretched).as(err.toString()).hasSize(1);
                Matcher m = STRETCHED.matcher(stretched.get(0));
                assertThat(m.find()).isTrue();
                assertThat(m.group(2)).isEqualTo(m.group(1));
                assertThat(Integer.parseInt(m.group(1))).as("six collections and a token").isGreaterThanOrEqualTo(7);

                p.destroy();
                assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(p.exitValue()).as(err.toString()).isZero();
                pump.join(5_000);
                for (String line : out) {
                    assertThat(LiveTenantCommandsTest.MAPPER.readTree(line).has("event")).as(line).isTrue();
                }
                String all = String.join("\n", out) + err;
                assertThat(all).doesNotContain(LiveEnv.CLIENT_SECRET);
                fake.issuedTokens().forEach(tok -> assertThat(all).doesNotContain(tok));
            } finally {
                p.destroyForcibly();
            }
        }
    }

    @Test
    void anIntervalBelowTheFloorIsRefusedWithTheReason() {
        Cli short30 = Cli.run("watch", "--api", "--interval", "30s", "--no-config");
        assertThat(short30.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(short30.err()).contains("--interval 30s is too short for --api: at least 60s, so that a watch"
                + " keeps within half of the ZPA API's 20 GET requests per 10 s");
        Cli short59 = Cli.run("watch", "--api", "--interval", "59", "--no-config");
        assertThat(short59.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(short59.err()).contains("--interval 59 is too short for --api: at least 60s");
        Cli tiny = Cli.run("watch", "--bundle", tmp.toString(), "--interval", "50ms", "--no-config");
        assertThat(tiny.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(tiny.err()).contains("--interval must be between 100ms and 24h, not '50ms'");
        Cli words = Cli.run("watch", "--api", "--interval", "often", "--no-config");
        assertThat(words.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(words.err()).contains("--interval must look like 90s, 5m or 1h, not 'often'");
    }
}
