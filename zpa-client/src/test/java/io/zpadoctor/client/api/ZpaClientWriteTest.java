package io.zpadoctor.client.api;

import io.zpadoctor.fakeapi.FakeZpa;
import io.zpadoctor.fakeapi.Fault;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Single objects: GET, PUT the whole object back, POST a new key. */
class ZpaClientWriteTest {
    static final String CONNECTOR = "connector/72058304855100003";

    @Test
    void putReplacesTheWholeObjectWithWhatWasRead() throws Exception {
        try (FakeZpa fake = Fakes.server().start();
             ZpaClient zpa = ZpaClient.create(Fakes.client(fake).build())) {
            ApiObject c = zpa.get(CONNECTOR);
            assertThat(c.text("name")).isEqualTo("dc1-key-4");
            zpa.put(CONNECTOR, c.with("enabled", false));
            assertThat(zpa.get(CONNECTOR).text("enabled")).isEqualTo("false");
            FakeZpa.Request put = fake.requests(r -> r.method().equals("PUT")).get(0);
            assertThat(put.body()).contains("\"name\":\"dc1-key-4\"", "\"enabled\":false", "\"privateIp\"");
            assertThat(put.status()).isEqualTo(204);
        }
    }

    @Test
    void aMissingObjectIsNotFoundAndAPutIsRetriedAfterA503() throws Exception {
        try (FakeZpa fake = Fakes.server().start();
             ZpaClient zpa = ZpaClient.create(Fakes.client(fake).build())) {
            assertThatThrownBy(() -> zpa.get("connector/1")).isInstanceOfSatisfying(ZpaApiException.class, e -> {
                assertThat(e.kind()).isEqualTo(ZpaApiException.Kind.NOT_FOUND);
                assertThat(e.getMessage()).contains("connector/1", "HTTP 404", "resource.not.found");
            });
            fake.fault(r -> r.method().equals("PUT"), 1, Fault.status(503, "{\"id\":\"busy\"}"));
            zpa.put(CONNECTOR, zpa.get(CONNECTOR));
            assertThat(fake.requests(r -> r.method().equals("PUT"))).extracting(FakeZpa.Request::status)
                    .containsExactly(503, 204);
        }
    }

    @Test
    void postCreatesAKeyAndItsStringNeverComesBack() throws Exception {
        try (FakeZpa fake = Fakes.server().start();
             ZpaClient zpa = ZpaClient.create(Fakes.client(fake).build())) {
            ApiObject body = ApiObject.empty().with("name", "DC1-Group-key").with("maxUsage", "2")
                    .with("zcomponentId", "72058304855089000").with("enrollmentCertId", "6573");
            ApiObject created = zpa.post("associationType/CONNECTOR_GRP/provisioningKey", body);
            assertThat(created.id()).isNotBlank();
            assertThat(created.has("provisioningKey")).isFalse();
            Secrets.assertNoneIn(fake, created.toString());
        }
    }

    @Test
    void aPostIsNotRepeatedAfterA5xxBecauseItMayHaveBeenApplied() throws Exception {
        try (FakeZpa fake = Fakes.server().start();
             ZpaClient zpa = ZpaClient.create(Fakes.client(fake).build())) {
            fake.fault(r -> r.method().equals("POST") && r.isApi(), 1, Fault.status(502, "bad gateway"));
            ApiObject body = ApiObject.empty().with("name", "k").with("maxUsage", "1")
                    .with("zcomponentId", "72058304855089000");
            assertThatThrownBy(() -> zpa.post("associationType/CONNECTOR_GRP/provisioningKey", body))
                    .isInstanceOfSatisfying(ZpaApiException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ZpaApiException.Kind.UNAVAILABLE);
                        assertThat(e.getMessage()).contains("HTTP 502", "may or may not have been applied");
                    });
            assertThat(fake.requests(r -> r.method().equals("POST") && r.isApi())).hasSize(1);
        }
    }

    @Test
    void aServerEchoingTheTokenInAnErrorNeverGetsItIntoTheMessage() throws Exception {
        for (boolean legacy : new boolean[] {false, true}) {
            try (FakeZpa fake = Fakes.server().mode(legacy ? FakeZpa.Mode.LEGACY : FakeZpa.Mode.ONEAPI).start();
                 ZpaClient zpa = ZpaClient.create((legacy ? Fakes.legacyClient(fake) : Fakes.client(fake)).build())) {
                ApiObject c = zpa.get(CONNECTOR);
                String token = fake.issuedTokens().get(0);
                String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ6cGEtZG9jdG9yIn0.c2lnbmF0dXJlLXZhbHVl";
                fake.fault(r -> r.method().equals("PUT"), 1, Fault.status(400, "{\"id\":\"bad.request\","
                        + "\"reason\":\"token " + token + " (also " + jwt + ") may not change this object\"}"));
                assertThatThrownBy(() -> zpa.put(CONNECTOR, c)).isInstanceOfSatisfying(ZpaApiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ZpaApiException.Kind.REJECTED);
                    assertThat(e.getMessage()).contains("HTTP 400", "bad.request", "may not change")
                            .doesNotContain(token, jwt);
                });
                // a page no parser can read is quoted in the parse error, and in every retry line: not its token
                fake.fault(r -> r.method().equals("GET") && r.path().endsWith("/connector"), 100,
                        Fault.status(200, token + " " + jwt));
                List<String> retries = new CopyOnWriteArrayList<>();
                assertThatThrownBy(() -> zpa.readTenant(new ReadListener() {
                    @Override
                    public void retrying(String request, int attempt, String why, java.time.Duration wait) {
                        retries.add(why);
                    }
                })).isInstanceOfSatisfying(ZpaApiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ZpaApiException.Kind.BAD_RESPONSE);
                    assertThat(e.getMessage()).contains("not valid JSON").doesNotContain(token, jwt);
                });
                assertThat(retries).isNotEmpty().allSatisfy(why -> assertThat(why).doesNotContain(token, jwt));
                Secrets.assertNoneIn(fake);
            }
        }
    }
}
