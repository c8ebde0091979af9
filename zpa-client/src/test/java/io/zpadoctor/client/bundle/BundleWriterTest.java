package io.zpadoctor.client.bundle;

import io.zpadoctor.client.api.ApiObject;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zpadoctor.model.ApplicationTarget;
import io.zpadoctor.model.TenantLocation;
import io.zpadoctor.model.ReportedCase;
import io.zpadoctor.model.Symptom;
import io.zpadoctor.model.tenant.TenantCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BundleWriterTest {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String KEY = "3|api.private.zscaler.com|" + BundleReaderTest.SECRET;

    @TempDir
    Path tmp;

    ObjectNode key() throws Exception {
        return (ObjectNode) MAPPER.readTree("{\"id\":\"58856\",\"name\":\"dc1-acg-key\",\"maxUsage\":\"3\",\"usageCount\":\"3\","
                + "\"zcomponentId\":\"72058304855089990\",\"enabled\":true,\"provisioningKey\":\"" + KEY + "\","
                + "\"description\":\"old key was " + KEY + "\",\"apiToken\":\"tok-abcdefgh\",\"privateKeyPresent\":true}");
    }

    BundleWriter bundle(Path where) throws Exception {
        ObjectNode connector = (ObjectNode) MAPPER.readTree(BundleReaderTest.CONNECTOR_WIRE);
        return BundleWriter.to(where)
                .collectedAt(Instant.parse("2026-03-13T03:00:00Z"))
                .reportedCase(new ReportedCase(Symptom.NOT_ENROLLING, "dc1-acg-key-4", "DC1-Frankfurt",
                        ApplicationTarget.parse("intranet.corp.example.com:443"), TenantLocation.of("72058304855015424", null)))
                .collection(TenantCollection.CONNECTORS, List.of(ApiObject.parse(connector.toString())))
                .collection(TenantCollection.PROVISIONING_KEYS, List.of(ApiObject.parse(key().toString())))
                .collection(TenantCollection.SERVER_GROUPS, List.of());
    }

    @Test
    void aWrittenBundleReadsBackWithTheSameFactsAndNoSecrets() throws Exception {
        for (String name : new String[] {"folder", "case.tar.gz", "case.zip"}) {
            Path out = bundle(tmp.resolve(name)).write();
            Bundle b = BundleReader.read(out);
            assertThat(b.tenant().connectors()).singleElement().satisfies(c ->
                    assertThat(c.id()).isEqualTo("72058304855090012"));
            assertThat(b.tenant().keys()).singleElement().satisfies(k -> {
                assertThat(k.publicPrefix()).isEqualTo("3|api.private.zscaler.com|");
                assertThat(k.remaining()).isZero();
            });
            assertThat(b.tenant().isLoaded(TenantCollection.SERVER_GROUPS)).as("an empty list is still a list").isTrue();
            assertThat(b.tenant().isLoaded(TenantCollection.APPLICATION_SEGMENTS)).isFalse();
            assertThat(b.collectedAt()).isEqualTo(Instant.parse("2026-03-13T03:00:00Z"));
            assertThat(b.reportedCase().symptom()).isEqualTo(Symptom.NOT_ENROLLING);
            assertThat(b.reportedCase().application().port()).isEqualTo(443);
            assertThat(b.reportedCase().location().customerId()).isEqualTo("72058304855015424");
            assertThat(b.warnings()).isEmpty();
        }
        Path folder = tmp.resolve("folder");
        String keys = Files.readString(folder.resolve("api/provisioning-keys.json"));
        assertThat(keys).contains("\"provisioningKey\":\"3|api.private.zscaler.com|REDACTED\"",
                "\"apiToken\":\"REDACTED\"", "\"privateKeyPresent\":true", "old key was 3|api.private.zscaler.com|REDACTED");
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(p)).doesNotContain(BundleReaderTest.SECRET, "tok-abcdefgh");
            }
        }
    }

    @Test
    void aSnapshotHoldsTenantDataSoOnlyItsOwnerReadsIt() throws Exception {
        for (String name : new String[] {"case.tar.gz", "case.zip"}) {
            assertThat(mode(bundle(tmp.resolve(name)).write())).as(name).isEqualTo("rw-------");
        }
        Path folder = bundle(tmp.resolve("folder")).write();
        assertThat(mode(folder)).isEqualTo("rwx------");
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.toList()) {
                assertThat(mode(p)).as(p.toString()).isEqualTo(Files.isDirectory(p) ? "rwx------" : "rw-------");
            }
        }
    }

    static String mode(Path p) throws Exception {
        return java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void anExistingBundleIsNeverOverwrittenAndAKnownSecretIsNeverWritten() throws Exception {
        Path out = bundle(tmp.resolve("b")).write();
        assertThatThrownBy(() -> bundle(out).write()).isInstanceOf(BundleException.class)
                .hasMessageContaining("already exists");
        ObjectNode odd = MAPPER.createObjectNode().put("id", "1").put("name", "ClientSecretValue-123");
        assertThatThrownBy(() -> BundleWriter.to(tmp.resolve("c")).collection(TenantCollection.CONNECTORS, List.of(ApiObject.parse(odd.toString())))
                .secrets(List.of("ClientSecretValue-123")).write())
                .isInstanceOf(BundleException.class).hasMessageContaining("would hold a secret")
                .hasMessageNotContaining("ClientSecretValue-123");
        assertThat(tmp.resolve("c")).doesNotExist();
    }

    @Test
    void aTokenPastedIntoAnyTextFieldIsRedacted() throws Exception {
        String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ6cGEtZG9jdG9yIn0.c2lnbmF0dXJlLXZhbHVl";
        ObjectNode group = MAPPER.createObjectNode().put("id", "72058304855089990").put("name", "DC1-Frankfurt")
                .put("description", "API token for the runbook: " + jwt);
        group.putArray("notes").add("curl -H 'Authorization: " + jwt + "'");
        Path out = BundleWriter.to(tmp.resolve("t")).collection(TenantCollection.CONNECTOR_GROUPS, List.of(ApiObject.parse(group.toString()))).write();
        String groups = Files.readString(out.resolve("api/connector-groups.json"));
        assertThat(groups).doesNotContain(jwt).contains("API token for the runbook: REDACTED", "DC1-Frankfurt");
    }
}
