package io.zpadoctor.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zpadoctor.fakeapi.FakeTenant;
import io.zpadoctor.fakeapi.FakeZpa;
import io.zpadoctor.fakeapi.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code diagnose --api} and {@code snapshot} against a fake ZPA API on loopback. */
class LiveTenantCommandsTest {
    static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path tmp;

    @AfterEach
    void resetEnvironment() {
        LiveEnv.reset();
    }

    @Test
    void diagnoseApiFindsWhatTheSameTenantAsABundleShows() throws Exception {
        FakeTenant t = FakeTenant.generate(40, 5);
        var c = t.named("connector", "dc1-key-3");
        c.put("enabled", false);
        t.put("connector", c);
        try (FakeZpa fake = LiveEnv.server().tenant(t).start()) {
            LiveEnv.use(LiveEnv.of(fake));
            Cli live = Cli.run("diagnose", "--api", "--format", "json", "--fail-on", "never");
            assertThat(live.code()).as(live.err()).isZero();
            Path bundle = tmp.resolve("bundle");
            t.writeBundle(bundle, java.time.Instant.now().toString());   // evaluated now, as the live read is
            Cli files = Cli.run("diagnose", "--bundle", bundle.toString(), "--format", "json", "--fail-on", "never");
            assertThat(codesAndSubjects(live.out())).isEqualTo(codesAndSubjects(files.out()))
                    .contains("ZPA-CON-005 dc1-key-3");
            assertThat(live.out()).as("remediation calls name the tenant").contains("/customers/72058304855015424/");
            LiveEnv.assertNoSecrets(fake, live);
        }
    }

    @Test
    void fleetApiShowsWhatTheSameTenantAsABundleShows() throws Exception {
        FakeTenant t = FakeTenant.generate(60, 5);
        var c = t.named("connector", "dc2-key-7");
        c.put("enabled", false);
        t.put("connector", c);
        try (FakeZpa fake = LiveEnv.server().tenant(t).start()) {
            LiveEnv.use(LiveEnv.of(fake));
            Cli live = Cli.run("fleet", "--api", "--format", "json", "--fail-on", "never");
            assertThat(live.code()).as(live.err()).isZero();
            Path bundle = tmp.resolve("fleet-bundle");
            t.writeBundle(bundle, java.time.Instant.now().toString());
            Cli files = Cli.run("fleet", "--bundle", bundle.toString(), "--format", "json", "--fail-on", "never");
            assertThat(codesAndSubjects(live.out())).isEqualTo(codesAndSubjects(files.out()))
                    .contains("ZPA-CON-005 dc2-key-7");
            LiveEnv.assertNoSecrets(fake, live);

            Cli both = Cli.run("fleet", "--api", "--bundle", bundle.toString());
            assertThat(both.code()).isEqualTo(64);
            assertThat(both.err()).contains("alternatives");
        }
        Cli neither = Cli.run("fleet");
        assertThat(neither.code()).isEqualTo(64);
        assertThat(neither.err()).contains("--bundle", "--api");
    }

    @Test
    void hostEvidenceFromACollectedBundleJoinsTheLiveTenant() throws Exception {
        Path hosts = tmp.resolve("collected");
        Files.createDirectories(hosts.resolve("hosts/dc1-key-13"));
        Files.writeString(hosts.resolve("hosts/dc1-key-13/journal.txt"),
                "Jul 18 10:40:02 vm zpa-connector-child[1]: Checking Enrollment\n");
        Files.createDirectories(hosts.resolve("api"));
        Files.writeString(hosts.resolve("api/connectors.json"), "[]");
        try (FakeZpa fake = LiveEnv.server().tenant(FakeTenant.generate(12, 5)).start()) {
            LiveEnv.use(LiveEnv.of(fake));
            String[] args = {"diagnose", "--api", "--connector", "dc1-key-13", "--symptom", "not-enrolling", "--format",
                    "json"};
            JsonNode without = MAPPER.readTree(Cli.run(args).out());
            List<String> withArgs = new ArrayList<>(List.of(args));
            withArgs.addAll(List.of("--host-bundle", hosts.toString()));
            Cli r = Cli.run(withArgs.toArray(String[]::new));
            JsonNode with = MAPPER.readTree(r.out());
            assertThat(rootCause(without, "ZPA-ENR-008")).contains("journal.txt");
            assertThat(rootCause(with, "ZPA-ENR-008")).doesNotContain("journal.txt").contains("provision-key.txt");
            assertThat(with.get("notes").toString()).contains("its api/ files are ignored");
        }
    }

    @Test
    void snapshotWritesARedactedBundleThatDiagnosesLikeTheLiveTenant() throws Exception {
        FakeTenant t = FakeTenant.generate(60, 5);
        try (FakeZpa fake = LiveEnv.server().tenant(t).start()) {
            LiveEnv.use(LiveEnv.of(fake));
            Path out = tmp.resolve("snap");
            Cli snap = Cli.run("snapshot", "--api", "--out", out.toString(), "--symptom", "not-enrolling",
                    "--connector", "dc1-key-61");
            assertThat(snap.code()).as(snap.err()).isZero();
            assertThat(snap.out()).contains("Wrote " + out, "60 connectors", "3 connector groups", "3 provisioning keys",
                    "diagnose --bundle " + out);
            for (String f : List.of("case.json", "api/connectors.json", "api/connector-groups.json",
                    "api/provisioning-keys.json", "api/enrollment-certificates.json", "api/server-groups.json",
                    "api/application-segments.json")) {
                assertThat(out.resolve(f)).exists();
            }
            JsonNode caseJson = MAPPER.readTree(out.resolve("case.json").toFile());
            assertThat(caseJson.get("customerId").asText()).isEqualTo("72058304855015424");
            assertThat(caseJson.get("symptom").asText()).isEqualTo("not-enrolling");
            // the offline report's API steps address the API the tenant was read from
            assertThat(caseJson.get("managementApi").asText()).isEqualTo(fake.baseUrl() + "/zpa/mgmtconfig");
            assertThat(caseJson.has("collectedAt")).isTrue();
            assertThat(Files.readString(out.resolve("api/provisioning-keys.json")))
                    .contains("3|api.private.zscaler.com|REDACTED");
            LiveEnv.assertNoSecrets(fake, snap, out);

            Cli live = Cli.run("diagnose", "--api", "--symptom", "not-enrolling", "--connector", "dc1-key-61",
                    "--format", "json");
            Cli offline = Cli.run("diagnose", "--bundle", out.toString(), "--format", "json");
            assertThat(offline.code()).isEqualTo(live.code());
            assertThat(codesAndSubjects(offline.out())).isEqualTo(codesAndSubjects(live.out())).isNotEmpty();
            assertThat(MAPPER.readTree(offline.out()).get("primary").asText())
                    .isEqualTo(MAPPER.readTree(live.out()).get("primary").asText());
            assertThat(offline.out()).contains(fake.baseUrl() + "/zpa/mgmtconfig/v1/admin/customers/72058304855015424/")
                    .doesNotContain("api.zsapi.net");

            Cli again = Cli.run("snapshot", "--api", "--out", out.toString());
            assertThat(again.code()).isEqualTo(64);
            assertThat(again.err()).contains("already exists");
        }
    }

    @Test
    void snapshotAsAnArchiveReadsBack() throws Exception {
        try (FakeZpa fake = LiveEnv.server().start()) {
            LiveEnv.use(LiveEnv.of(fake));
            Path out = tmp.resolve("case-1234.tar.gz");
            assertThat(Cli.run("snapshot", "--api", "-o", out.toString()).code()).isZero();
            Cli d = Cli.run("diagnose", "--bundle", out.toString(), "--format", "json", "--fail-on", "never");
            assertThat(d.code()).as(d.err()).isZero();
        }
    }

    @Test
    void aSlowReadShowsProgressAndEveryRateLimitPauseOnStderr() throws Exception {
        try (FakeZpa fake = LiveEnv.server().tenant(FakeTenant.generate(2_400, 5))
                .rateLimit(4, 4, Duration.ofSeconds(1)).start()) {
            LiveEnv.use(LiveEnv.of(fake));
            Cli r = Cli.run("snapshot", "--api", "--out", tmp.resolve("s").toString());
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.err()).contains("rate limited (HTTP 429) by GET /zpa/mgmtconfig/v1/admin/customers/",
                    "; every request waits 1.0 s").containsPattern("zpa-doctor: read [\\d,]+ objects in "
                    + fake.apiRequests() + " requests \\(10 pages, " + fake.tooManyRequests() + " answered 429 and obeyed");
            assertThat(fake.pauseViolations()).isZero();
            // progress and pauses are for stderr; stdout names the bundle, whose temporary path may hold any digits
            assertThat(r.out()).doesNotContain("HTTP 429", "rate limited", "answered 429");
        }
    }

    @Test
    void apiFailuresAreOneLineWithTheirExitCode() throws Exception {
        try (FakeZpa fake = LiveEnv.server().start()) {
            Map<String, String> env = LiveEnv.of(fake);
            env.remove("ZSCALER_CUSTOMER_ID");
            LiveEnv.use(env);
            Cli noCustomer = Cli.run("diagnose", "--api");
            assertThat(noCustomer.code()).isEqualTo(64);
            assertThat(noCustomer.err()).contains("API settings: no ZPA customer id", "ZSCALER_CUSTOMER_ID")
                    .doesNotContain("Exception", "\tat ");

            env = LiveEnv.of(fake);
            env.put("ZSCALER_CLIENT_SECRET", "wrong-" + LiveEnv.CLIENT_SECRET);
            LiveEnv.use(env);
            Cli refused = Cli.run("diagnose", "--api");
            assertThat(refused.code()).isEqualTo(69);
            assertThat(refused.err()).contains("refused the client credentials").doesNotContain("wrong-");
            assertThat(refused.err().strip().lines()).hasSize(1);

            env = LiveEnv.of(fake);
            env.put("ZPA_DOCTOR_RETRY_TIME", "1");   // retried, but not for the default two minutes
            LiveEnv.use(env);
            fake.fault(r -> r.path().endsWith("/connector"), 100, Fault.truncatedJson(50));
            Cli broken = Cli.run("snapshot", "--api", "--out", tmp.resolve("x").toString());
            assertThat(broken.code()).isEqualTo(65);
            assertThat(broken.err()).contains("/connector?page=1&pagesize=500", "ends in the middle of a JSON value");
            assertThat(tmp.resolve("x")).doesNotExist();

            env = LiveEnv.of(fake);
            env.put("ZPA_DOCTOR_BASE_URL", "http://zpa.example.com");
            LiveEnv.use(env);
            Cli plain = Cli.run("snapshot", "--api", "--out", tmp.resolve("y").toString());
            assertThat(plain.code()).isEqualTo(64);
            assertThat(plain.err()).contains("plain http to another machine");
        }
        try (FakeZpa legacy = LiveEnv.server().mode(FakeZpa.Mode.LEGACY_MIGRATED).start()) {
            Map<String, String> env = Map.of("ZPA_CLIENT_ID", LiveEnv.CLIENT_ID, "ZPA_CLIENT_SECRET", LiveEnv.CLIENT_SECRET,
                    "ZPA_CUSTOMER_ID", "72058304855015424", "ZPA_DOCTOR_BASE_URL", legacy.baseUrl());
            LiveEnv.use(env);
            Cli r = Cli.run("diagnose", "--api");
            assertThat(r.code()).isEqualTo(69);
            assertThat(r.err()).contains("POST " + legacy.baseUrl() + "/signin", "only through Zscaler OneAPI");
        }
    }

    @Test
    void legacyKeysAreUsedWhenAskedForEvenWithOneApiVariablesSet() throws Exception {
        try (FakeZpa fake = LiveEnv.server().mode(FakeZpa.Mode.LEGACY).start()) {
            Map<String, String> env = LiveEnv.of(fake);
            env.put("ZPA_CLIENT_ID", LiveEnv.CLIENT_ID);
            env.put("ZPA_CLIENT_SECRET", LiveEnv.CLIENT_SECRET);
            env.remove("ZPA_DOCTOR_TOKEN_URL");   // legacy signs in at <base>/signin
            env.put("ZSCALER_CLIENT_SECRET", "not-used-here");
            LiveEnv.use(env);
            Cli r = Cli.run("diagnose", "--api", "--legacy", "--format", "json", "--fail-on", "never");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(fake.requests(q -> !q.isApi())).singleElement().satisfies(q ->
                    assertThat(q.path()).isEqualTo("/signin"));
            assertThat(fake.requests(FakeZpa.Request::isApi)).allSatisfy(q ->
                    assertThat(q.path()).startsWith("/mgmtconfig/v"));
            // its remediation steps address the legacy API too: no /zpa, not OneAPI's host
            assertThat(r.out()).contains(fake.baseUrl() + "/mgmtconfig/v1/admin/customers/").doesNotContain("/zpa/mgmtconfig")
                    .doesNotContain("api.zsapi.net");
        }
    }

    @Test
    void usageMistakesAreCaught() {
        Cli both = Cli.run("diagnose", "--api", "--bundle", ".");
        assertThat(both.code()).isEqualTo(64);
        assertThat(both.err()).contains("alternatives", "--help");
        Cli hostsAlone = Cli.run("diagnose", "--host-bundle", ".");
        assertThat(hostsAlone.code()).isEqualTo(64);
        assertThat(hostsAlone.err()).contains("Missing required option: '--bundle=PATH'");
        Cli noApi = Cli.run("snapshot", "--out", "x");
        assertThat(noApi.code()).isEqualTo(64);
        assertThat(noApi.err()).contains("add --api");
        assertThat(Cli.run("snapshot", "--api").err()).contains("Missing required option: '--out=PATH'");
    }

    static List<String> codesAndSubjects(String json) throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode f : MAPPER.readTree(json).get("findings")) {
            out.add(f.get("code").asText() + " " + f.get("subject").get("name").asText(""));
        }
        return out;
    }

    static String rootCause(JsonNode report, String code) {
        for (JsonNode f : report.get("findings")) {
            if (f.get("code").asText().equals(code)) {
                return f.get("rootCause").asText();
            }
        }
        throw new AssertionError(code + " not in " + report.get("findings"));
    }
}
