package io.zpadoctor.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zpadoctor.fakeapi.FakeTenant;
import io.zpadoctor.fakeapi.FakeZpa;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code fix}: a dry run by default, the exact request, sent only with --apply, read back, nothing deleted. */
class FixCommandTest {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String KEYS = "associationType/CONNECTOR_GRP/provisioningKey";

    static final FixCommand.Terminal DEFAULT_TERMINAL = FixCommand.terminal;

    @AfterEach
    void resetEnvironment() {
        LiveEnv.reset();
        FixCommand.terminal = DEFAULT_TERMINAL;
    }

    /** A terminal that answers each question with the next answer and keeps the questions. */
    static List<String> answering(String... answers) {
        List<String> asked = new java.util.ArrayList<>();
        java.util.Iterator<String> next = List.of(answers).iterator();
        FixCommand.terminal = new FixCommand.Terminal() {
            @Override
            public boolean present() {
                return true;
            }

            @Override
            public String ask(String question) {
                asked.add(question);
                return next.hasNext() ? next.next() : null;
            }
        };
        return asked;
    }

    @Test
    void applyAsksBeforeSendingAndNoMeansNothingIsSent() throws Exception {
        try (FakeZpa fake = fake(t -> set(t, "connector", "dc1-key-3", "enabled", false))) {
            String id = fake.tenant().named("connector", "dc1-key-3").get("id").asText();
            List<String> asked = answering("n");
            Cli r = Cli.run("fix", "ZPA-CON-005", "--api", "--connector", "dc1-key-3", "--apply");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("To send:", "It changes one field, enabled: false -> true.",
                    "Not sent; nothing was changed.").doesNotContain("Sent.");
            assertThat(asked).containsExactly("Send this PUT to 127.0.0.1? [y/N] ");
            assertThat(writes(fake)).isEmpty();

            asked = answering("yes");
            fake.clearLog();
            Cli yes = Cli.run("fix", "ZPA-CON-005", "--api", "--connector", "dc1-key-3", "--apply");
            assertThat(yes.out()).as(yes.err()).contains("Sent.", "enabled: false -> true");
            assertThat(asked).hasSize(1);
            assertThat(writes(fake)).singleElement().satisfies(w -> assertThat(w.path()).endsWith("/connector/" + id));
            // beyond the tenant's lists, the only object read is the one changed: before the PUT and after it
            List<FakeZpa.Request> objectReads = fake.requests(q -> q.isApi() && q.method().equals("GET")
                    && q.path().matches(".*/\\d+"));
            assertThat(objectReads).extracting(FakeZpa.Request::path)
                    .allSatisfy(path -> assertThat(path).endsWith("/connector/" + id)).hasSize(2);
        }
    }

    @Test
    void applyWithoutATerminalIsRefusedUnlessYesBeforeAnythingIsRead() throws Exception {
        FixCommand.terminal = new FixCommand.Terminal() {
            @Override
            public boolean present() {
                return false;
            }

            @Override
            public String ask(String question) {
                throw new AssertionError("asked with no terminal: " + question);
            }
        };
        try (FakeZpa fake = fake(t -> set(t, "connector", "dc1-key-3", "enabled", false))) {
            Cli r = Cli.run("fix", "ZPA-CON-005", "--api", "--connector", "dc1-key-3", "--apply");
            assertThat(r.code()).isEqualTo(64);
            assertThat(r.err()).contains("no terminal to answer on: add --yes");
            assertThat(fake.requests(FakeZpa.Request::isApi)).isEmpty();
            Cli yes = Cli.run("fix", "ZPA-CON-005", "--api", "--connector", "dc1-key-3", "--apply", "-y");
            assertThat(yes.code()).as(yes.err()).isZero();
            assertThat(writes(fake)).hasSize(1);
        }
    }

    /** A 40-connector tenant (groups DC1 and DC2) with one thing broken. */
    static FakeZpa fake(Consumer<FakeTenant> breakIt) throws Exception {
        FakeTenant t = FakeTenant.generate(40, 5);
        breakIt.accept(t);
        // each CLI run has its own rate limiter; the server's is raised so that a test's many runs do not wait
        FakeZpa fake = LiveEnv.server().tenant(t).rateLimit(200, 100, Duration.ofSeconds(10)).start();
        LiveEnv.use(LiveEnv.of(fake));
        return fake;
    }

    static void set(FakeTenant t, String collection, String name, String field, Object value) {
        ObjectNode o = t.named(collection, name);
        o.set(field, MAPPER.valueToTree(value));
        t.put(collection, o);
    }

    static List<FakeZpa.Request> writes(FakeZpa fake) {
        return fake.requests(r -> r.isApi() && !r.method().equals("GET"));
    }

    @Test
    void aDryRunPrintsTheWholePutAndSendsNothing() throws Exception {
        try (FakeZpa fake = fake(t -> set(t, "connector", "dc1-key-3", "enabled", false))) {
            String id = fake.tenant().named("connector", "dc1-key-3").get("id").asText();
            Cli r = Cli.run("fix", "ZPA-CON-005", "--api", "--connector", "dc1-key-3");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("ZPA-CON-005  Connector is disabled",
                    "Would send (dry run; add --apply to send it):",
                    "  PUT " + fake.baseUrl() + "/zpa/mgmtconfig/v1/admin/customers/72058304855015424/connector/" + id,
                    "  Content-Type: application/json", "\"enabled\" : true", "\"privateIp\" : ",
                    "It changes one field, enabled: false -> true.", "Nothing was sent.");
            assertThat(writes(fake)).isEmpty();
            assertThat(fake.tenant().get("connector", id).get("enabled").asBoolean()).isFalse();
        }
    }

    @Test
    void applyPutsTheObjectBackWithOneFieldChangedAndReadsItBack() throws Exception {
        try (FakeZpa fake = fake(t -> set(t, "connector", "dc1-key-3", "enabled", false))) {
            ObjectNode before = fake.tenant().named("connector", "dc1-key-3");
            String id = before.get("id").asText();
            Cli r = Cli.run("fix", "ZPA-CON-005", "--api", "--connector", "dc1-key-3", "--apply", "--yes");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("To send:", "Sent.", "Read back: GET " + fake.baseUrl(),
                    "  enabled: false -> true");
            FakeZpa.Request put = writes(fake).get(0);
            assertThat(writes(fake)).hasSize(1);
            assertThat(put.method()).isEqualTo("PUT");
            assertThat(put.path()).endsWith("/connector/" + id);
            JsonNode sent = MAPPER.readTree(put.body());
            ObjectNode expected = before.deepCopy().put("enabled", true);
            assertThat(sent).as("the whole object, one field changed").isEqualTo(expected);
            assertThat(fake.tenant().get("connector", id).get("enabled").asBoolean()).isTrue();
            assertThat(fake.deleteRequests()).isZero();
            LiveEnv.assertNoSecrets(fake, r);
        }
    }

    @Test
    void aPutThatGetsNoAnswerSaysItMayHaveBeenApplied() throws Exception {
        // issue 14: a failed final PUT did not say the change may have gone through
        try (FakeZpa fake = fake(t -> set(t, "connector", "dc1-key-3", "enabled", false))) {
            java.util.Map<String, String> env = new java.util.HashMap<>(LiveEnv.of(fake));
            env.put("ZPA_DOCTOR_RETRY_TIME", "2");   // give up on the PUT after two seconds of retries
            LiveEnv.use(env);
            fake.fault(r -> r.method().equals("PUT"), 50, io.zpadoctor.fakeapi.Fault.drop());
            Cli r = Cli.run("fix", "ZPA-CON-005", "--api", "--connector", "dc1-key-3", "--apply", "--yes");
            assertThat(r.code()).isEqualTo(69);
            assertThat(r.err()).contains("may still have been applied", "check with GET " + fake.baseUrl());
        }
    }

    @Test
    void anExhaustedKeyGetsItsMaximumRaisedAndItsStringNeverShows() throws Exception {
        try (FakeZpa fake = fake(t -> set(t, KEYS, "dc1-key", "maxUsage", "20"))) {
            Cli dry = Cli.run("fix", "ZPA-ENR-001", "--api", "--connector", "dc1-key-21");
            assertThat(dry.out()).contains("maxUsage: 20 -> 21", "/provisioningKey/58000");
            Cli r = Cli.run("fix", "ZPA-ENR-001", "--api", "--connector", "dc1-key-21", "--max-usage", "25", "--apply", "--yes");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("maxUsage: 20 -> 25");
            JsonNode sent = MAPPER.readTree(writes(fake).get(0).body());
            assertThat(sent.get("maxUsage").asText()).isEqualTo("25");
            assertThat(sent.has("provisioningKey")).as("the key string is never sent back").isFalse();
            assertThat(fake.tenant().get(KEYS, "58000").get("provisioningKey").asText()).startsWith("3|");
            LiveEnv.assertNoSecrets(fake, dry);
            LiveEnv.assertNoSecrets(fake, r);

            Cli tooLow = Cli.run("fix", "ZPA-ENR-001", "--api", "--connector", "dc1-key-21", "--max-usage", "3");
            assertThat(tooLow.code()).isEqualTo(0);   // fixed already: nothing left to do
        }
    }

    @Test
    void aMaximumBelowTheUsageIsRefused() throws Exception {
        try (FakeZpa fake = fake(t -> set(t, KEYS, "dc1-key", "maxUsage", "20"))) {
            Cli r = Cli.run("fix", "ZPA-ENR-001", "--api", "--connector", "dc1-key-21", "--max-usage", "20");
            assertThat(r.code()).isEqualTo(64);
            assertThat(r.err()).contains("leaves no enrollment");
            assertThat(writes(fake)).isEmpty();
        }
    }

    @Test
    void aGroupWithoutAKeyGetsANewOneWhoseStringIsNotPrinted() throws Exception {
        try (FakeZpa fake = fake(t -> t.remove(KEYS, "58001"))) {
            Cli r = Cli.run("fix", "ZPA-ENR-009", "--api", "--group", "DC2-Group", "--apply", "--yes");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("  POST " + fake.baseUrl() + "/zpa/mgmtconfig/v1/admin/customers/"
                    + "72058304855015424/associationType/CONNECTOR_GRP/provisioningKey", "\"name\" : \"DC2-Group-key\"",
                    "created key \"DC2-Group-key\"", "for group 72058304855089001", "copy it from the admin portal");
            JsonNode sent = MAPPER.readTree(writes(fake).get(0).body());
            assertThat(sent.get("zcomponentId").asText()).isEqualTo("72058304855089001");
            assertThat(sent.get("maxUsage").asText()).isEqualTo("1");
            assertThat(sent.get("enrollmentCertId").asText()).isEqualTo("6573");
            assertThat(fake.tenant().named(KEYS, "DC2-Group-key")).isNotNull();
            LiveEnv.assertNoSecrets(fake, r);
        }
    }

    @Test
    void aDisabledKeyIsEnabledOrReplaced() throws Exception {
        try (FakeZpa fake = fake(t -> set(t, KEYS, "dc1-key", "enabled", false))) {
            Cli r = Cli.run("fix", "ZPA-ENR-002", "--api", "--connector", "dc1-key-21", "--apply", "--yes");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("enabled: false -> true");
        }
        try (FakeZpa fake = fake(t -> set(t, KEYS, "dc1-key", "enabled", false))) {
            Cli r = Cli.run("fix", "ZPA-ENR-002", "--api", "--connector", "dc1-key-21", "--new-key");
            assertThat(r.out()).contains("POST", "\"name\" : \"dc1-key-2\"", "Nothing was sent.");
        }
    }

    @Test
    void theApplicationChainIsRepairedOneObjectAtATime() throws Exception {
        try (FakeZpa fake = fake(t -> set(t, "serverGroup", "Apps-1", "enabled", false))) {
            Cli noApp = Cli.run("fix", "ZPA-APP-005", "--api");
            assertThat(noApp.code()).isEqualTo(64);
            assertThat(noApp.err()).contains("add --app HOST:PORT");
            Cli r = Cli.run("fix", "ZPA-APP-005", "--api", "--app", "app1.corp.example.com:443", "--apply", "--yes");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("/serverGroup/72058304855090000", "enabled: false -> true");
        }
        try (FakeZpa fake = fake(t -> set(t, "application", "App 1", "enabled", false))) {
            Cli r = Cli.run("fix", "ZPA-APP-002", "--api", "--app", "app1.corp.example.com:443", "--apply", "--yes");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("/application/72058304855091000", "enabled: false -> true");
        }
        try (FakeZpa fake = fake(t -> set(t, "appConnectorGroup", "DC2-Group", "enabled", false))) {
            // app1's other group still serves it: the disabled group is a lost site (CON-007), not a broken chain
            Cli chain = Cli.run("fix", "ZPA-APP-008", "--api", "--app", "app1.corp.example.com:443");
            assertThat(chain.out()).contains("ZPA-APP-008 is not found in this tenant");
            Cli r = Cli.run("fix", "ZPA-CON-007", "--api", "--group", "DC2-Group", "--apply", "--yes");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("/appConnectorGroup/72058304855089001", "enabled: false -> true");
            Cli again = Cli.run("fix", "ZPA-CON-007", "--api", "--group", "DC2-Group");
            assertThat(again.out()).contains("ZPA-CON-007 is not found in this tenant for group DC2-Group; nothing to fix.");
        }
    }

    @Test
    void severalObjectsNeedAnIdAndUnknownCodesAreRefused() throws Exception {
        try (FakeZpa fake = fake(t -> {
            set(t, "connector", "dc1-key-3", "enabled", false);
            set(t, "connector", "dc2-key-3", "enabled", false);
        })) {
            Cli several = Cli.run("fix", "ZPA-CON-005", "--api");
            assertThat(several.code()).isEqualTo(64);
            assertThat(several.err()).contains("found for 2 objects; choose one with --id");
            String id = fake.tenant().named("connector", "dc2-key-3").get("id").asText();
            Cli one = Cli.run("fix", "ZPA-CON-005", "--api", "--id", id, "--apply", "--yes");
            assertThat(one.code()).as(one.err()).isZero();
            assertThat(writes(fake)).singleElement().satisfies(w -> assertThat(w.path()).endsWith(id));
        }
        Cli unknown = Cli.run("fix", "ZPA-CON-001", "--api");
        assertThat(unknown.code()).isEqualTo(64);
        assertThat(unknown.err()).contains("ZPA-CON-001 has no API fix", "ZPA-ENR-001");
        assertThat(Cli.run("fix", "ZPA-CON-005").err()).contains("add --api");
    }
}
