package io.zpadoctor.client.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zpadoctor.fakeapi.FakeZpa;
import io.zpadoctor.fakeapi.Fault;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Single objects: GET, PUT the whole object back, POST a new key. */
class ZpaClientWriteTest {
    static final String CONNECTOR = "connector/72058304855100003";

    @Test
    void putReplacesTheWholeObjectWithWhatWasRead() throws Exception {
        try (FakeZpa fake = Fakes.server().start();
             ZpaClient zpa = ZpaClient.create(Fakes.client(fake).build())) {
            ObjectNode c = zpa.get(CONNECTOR);
            assertThat(c.get("name").asText()).isEqualTo("dc1-key-4");
            c.put("enabled", false);
            zpa.put(CONNECTOR, c);
            assertThat(zpa.get(CONNECTOR).get("enabled").asBoolean()).isFalse();
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
            ObjectNode body = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                    .put("name", "DC1-Group-key").put("maxUsage", "2").put("zcomponentId", "72058304855089000")
                    .put("enrollmentCertId", "6573");
            ObjectNode created = zpa.post("associationType/CONNECTOR_GRP/provisioningKey", body);
            assertThat(created.get("id").asText()).isNotBlank();
            assertThat(created.has("provisioningKey")).isFalse();
            Secrets.assertNoneIn(fake, created.toString());
        }
    }

    @Test
    void aPostIsNotRepeatedAfterA5xxBecauseItMayHaveBeenApplied() throws Exception {
        try (FakeZpa fake = Fakes.server().start();
             ZpaClient zpa = ZpaClient.create(Fakes.client(fake).build())) {
            fake.fault(r -> r.method().equals("POST") && r.isApi(), 1, Fault.status(502, "bad gateway"));
            ObjectNode body = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                    .put("name", "k").put("maxUsage", "1").put("zcomponentId", "72058304855089000");
            assertThatThrownBy(() -> zpa.post("associationType/CONNECTOR_GRP/provisioningKey", body))
                    .isInstanceOfSatisfying(ZpaApiException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ZpaApiException.Kind.UNAVAILABLE);
                        assertThat(e.getMessage()).contains("HTTP 502", "may or may not have been applied");
                    });
            assertThat(fake.requests(r -> r.method().equals("POST") && r.isApi())).hasSize(1);
        }
    }
}
