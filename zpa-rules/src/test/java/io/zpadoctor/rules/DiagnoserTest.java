package io.zpadoctor.rules;

import io.zpadoctor.model.Facts;
import io.zpadoctor.model.ReportedCase;
import io.zpadoctor.model.Symptom;
import io.zpadoctor.model.tenant.AppConnector;
import io.zpadoctor.model.tenant.ConnectorGroup;
import io.zpadoctor.model.tenant.ProvisioningKey;
import io.zpadoctor.model.tenant.Tenant;
import io.zpadoctor.model.tenant.TenantCollection;
import io.zpadoctor.client.bundle.BundleReader;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DiagnoserTest {

    static final Instant NOW = Instant.parse("2025-07-18T10:45:00Z");

    static Tenant exhaustedKeyTenant() {
        return tenant(10);
    }

    static Tenant tenant(int keyUsage) {
        return new Tenant(
                List.of(AppConnector.builder("c1").name("dc1-acg-key-1").groupId("g1")
                        .controlChannelStatus("ZPN_STATUS_AUTHENTICATED").source("api/connectors.json").build()),
                List.of(ConnectorGroup.builder("g1").name("DC1-Frankfurt").source("api/connector-groups.json").build()),
                List.of(ProvisioningKey.builder("k1").name("dc1-acg-key").groupId("g1").associationType("CONNECTOR_GRP")
                        .maxUsage(10).usageCount(keyUsage).source("api/provisioning-keys.json").build()),
                List.of(), List.of(), List.of(), EnumSet.allOf(TenantCollection.class));
    }

    @Test
    void exhaustedKeyIsThePrimaryCauseOfAConnectorNotEnrolling() {
        Facts facts = Facts.builder().tenant(exhaustedKeyTenant())
                .reportedCase(new ReportedCase(Symptom.NOT_ENROLLING, "dc1-acg-key-2", null, null, null, null))
                .evaluatedAt(NOW, "test").build();
        Diagnosis d = Diagnoser.builder().build().diagnose(facts);
        assertThat(d.findings()).extracting(f -> f.code())
                .containsExactlyInAnyOrder("ZPA-ENR-001", "ZPA-ENR-008", "ZPA-FLT-003", "ZPA-PRB-002");
        assertThat(d.findings("ZPA-FLT-003").get(0).explainedBy()).containsExactly("ZPA-ENR-001");
        assertThat(d.primary().code()).isEqualTo("ZPA-ENR-001");
        assertThat(d.findings("ZPA-ENR-008").get(0).explainedBy()).containsExactly("ZPA-ENR-001");
        assertThat(d.primary().rootCause()).contains("dc1-acg-key").contains("10 of the 10").doesNotContain("?>");
    }

    @Test
    void nothingFiresOnAHealthyTenantWithoutASymptom() {
        Facts facts = Facts.builder().tenant(tenant(5)).evaluatedAt(NOW, "test").build();
        Diagnosis d = Diagnoser.builder().build().diagnose(facts);
        assertThat(d.findings()).isEmpty();
        assertThat(d.primary()).isNull();
    }

    @Test
    void sizingFindingNamesOnlyWhatFallsShort() throws Exception {
        // 2 cores without hyperthreading meet the sizing guide: only the RAM and AES-NI fall short
        Diagnosis d = Diagnoser.builder().build().diagnose(BundleReader.read(
                ScenarioTest.scenarioRoot().resolve("res-008-small-ram-two-plain-cores")).toFacts());
        assertThat(d.findings("ZPA-RES-008")).hasSize(1);
        String cause = d.findings("ZPA-RES-008").get(0).rootCause();
        assertThat(cause).contains("1840 MB of RAM").contains("no AES-NI").doesNotContain("CPU(s)");
    }

    @Test
    void aConnectorIsCalledNotEnrolledOnlyWhenAConnectorListWasRead() throws Exception {
        // a host-only bundle read no connector list: its absence there proves nothing
        Diagnosis hostOnly = Diagnoser.builder().build().diagnose(BundleReader.read(
                ScenarioTest.scenarioRoot().resolve("res-008-small-ram-two-plain-cores")).toFacts());
        assertThat(hostOnly.affectedConnectors()).singleElement().satisfies(a ->
                assertThat(a.status()).isEqualTo("unknown (no connector list was read)"));
        Diagnosis withApi = Diagnoser.builder().build().diagnose(BundleReader.read(
                ScenarioTest.scenarioRoot().resolve("enr-001-key-exhausted")).toFacts());
        assertThat(withApi.affectedConnectors()).anySatisfy(a ->
                assertThat(a.status()).isEqualTo("not in the API (not enrolled)"));
    }
}
