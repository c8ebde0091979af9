package io.zpadoctor.rules;

import io.zpadoctor.model.Facts;
import io.zpadoctor.model.finding.Finding;
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
                .reportedCase(new ReportedCase(Symptom.NOT_ENROLLING, "dc1-acg-key-2", null, null, null))
                .evaluatedAt(NOW, "test").build();
        Diagnosis d = Diagnoser.builder().build().diagnose(facts);
        assertThat(d.findings()).extracting(f -> f.code())
                .containsExactlyInAnyOrder("ZPA-ENR-001", "ZPA-FLT-003", "ZPA-PRB-002");
        assertThat(d.findings("ZPA-FLT-003").get(0).explainedBy()).containsExactly("ZPA-ENR-001");
        assertThat(d.primary().code()).isEqualTo("ZPA-ENR-001");
        // "not enrolling, nothing explains it" would deny the exhausted key: found, but withheld
        assertThat(d.withheld()).extracting(Finding::code).containsExactly("ZPA-ENR-008");
        assertThat(d.withheld().get(0).explainedBy()).containsExactly("ZPA-ENR-001");
        assertThat(d.passed()).doesNotContain("ZPA-ENR-008");
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

    @Test
    void whatBefellOneConnectorExplainsNothingAboutAnotherOfItsGroup() {
        List<AppConnector> connectors = List.of(
                AppConnector.builder("c1").name("dc1-acg-key-1").groupId("g1").provisioningKeyId("k1")
                        .controlChannelStatus("ZPN_STATUS_AUTHENTICATED").currentVersion("25.31.2")
                        .expectedVersion("25.44.6").upgradeStatus("FAILED").upgradeAttempt(3)
                        .source("api/connectors.json").build(),
                AppConnector.builder("c2").name("dc1-acg-key-2").groupId("g1").provisioningKeyId("k1")
                        .controlChannelStatus("ZPN_STATUS_DISCONNECTED")
                        .lastBrokerDisconnectTime(NOW.minusSeconds(3600)).lastBrokerConnectTime(NOW.minusSeconds(86400))
                        .source("api/connectors.json").build(),
                AppConnector.builder("c3").name("dc1-acg-key-3").groupId("g1").provisioningKeyId("k1").enabled(false)
                        .controlChannelStatus("ZPN_STATUS_AUTHENTICATED").source("api/connectors.json").build(),
                AppConnector.builder("c4").name("old-key-1").groupId("g1").provisioningKeyId("k-deleted")
                        .controlChannelStatus("ZPN_STATUS_AUTHENTICATED").source("api/connectors.json").build(),
                AppConnector.builder("c5").name("dc1-acg-key-5").groupId("g1").provisioningKeyId("k1")
                        .controlChannelStatus("ZPN_STATUS_AUTHENTICATED").source("api/connectors.json").build());
        Tenant t = new Tenant(connectors,
                List.of(ConnectorGroup.builder("g1").name("DC1-Frankfurt").source("api/connector-groups.json").build()),
                List.of(ProvisioningKey.builder("k1").name("dc1-acg-key").groupId("g1").associationType("CONNECTOR_GRP")
                        .maxUsage(10).usageCount(5).source("api/provisioning-keys.json").build()),
                List.of(), List.of(), List.of(), EnumSet.allOf(TenantCollection.class));
        Diagnosis d = Diagnoser.builder().build().diagnose(Facts.builder().tenant(t)
                .reportedCase(new ReportedCase(Symptom.UPGRADE_FAILED, "dc1-acg-key-1", null, null, null))
                .evaluatedAt(NOW, "test").build());
        assertThat(d.findings()).extracting(f -> f.code())
                .contains("ZPA-UPG-002", "ZPA-UPG-004", "ZPA-CON-001", "ZPA-CON-005");
        // c4's deleted key is no reason for c1's failed upgrade; c3 being disabled none for c2's disconnect
        assertThat(d.findings("ZPA-UPG-002").get(0).explainedBy()).doesNotContain("ZPA-UPG-004");
        assertThat(d.findings("ZPA-CON-001").get(0).explainedBy()).doesNotContain("ZPA-CON-005");
        assertThat(d.primary().code()).isEqualTo("ZPA-UPG-002");
        assertThat(d.primary().subject().name()).isEqualTo("dc1-acg-key-1");
    }

    @Test
    void tcpProbesAreListedInTheFileOrderAndTheEvidenceCitesTheFirst() throws Exception {
        Diagnosis d = Diagnoser.builder().build().diagnose(BundleReader.read(
                ScenarioTest.scenarioRoot().resolve("net-003-tcp-443-blocked")).toFacts());
        io.zpadoctor.model.finding.Finding net = d.findings("ZPA-NET-003").get(0);
        assertThat(net.evidence()).anySatisfy(e -> {
            assertThat(e.value()).isEqualTo("165.225.72.38:443 failed, 165.225.72.39:443 refused, 165.225.72.40:443 failed");
            assertThat(e.line()).isEqualTo(2);
        });
    }

    @Test
    void aCaseNamingOnlyAnApplicationIsAboutTheGroupsServingIt() {
        // g1 serves intranet through its segment and is healthy; g2, elsewhere, has a disabled connector
        List<AppConnector> connectors = List.of(
                AppConnector.builder("c1").name("dc1-key-1").groupId("g1").controlChannelStatus("ZPN_STATUS_AUTHENTICATED")
                        .source("api/connectors.json").build(),
                AppConnector.builder("c2").name("dc1-key-2").groupId("g1").controlChannelStatus("ZPN_STATUS_AUTHENTICATED")
                        .source("api/connectors.json").build(),
                AppConnector.builder("c3").name("dc2-key-1").groupId("g2").enabled(false)
                        .controlChannelStatus("ZPN_STATUS_AUTHENTICATED").source("api/connectors.json").build());
        Tenant t = new Tenant(connectors,
                List.of(ConnectorGroup.builder("g1").name("DC1").source("api/connector-groups.json").build(),
                        ConnectorGroup.builder("g2").name("DC2").source("api/connector-groups.json").build()),
                List.of(),
                List.of(),
                List.of(io.zpadoctor.model.tenant.ServerGroup.builder("sg1").name("intranet-servers").dynamicDiscovery(true)
                        .connectorGroupIds(List.of("g1")).source("api/server-groups.json").build()),
                List.of(io.zpadoctor.model.tenant.ApplicationSegment.builder("s1").name("intranet")
                        .domainNames(List.of("intranet.corp.example.com"))
                        .tcpPortRanges(List.of(new io.zpadoctor.model.tenant.PortRange(443, 443)))
                        .serverGroupIds(List.of("sg1")).source("api/application-segments.json").build()),
                EnumSet.allOf(TenantCollection.class));
        Facts whole = Facts.builder().tenant(t).evaluatedAt(NOW, "test").build();
        assertThat(Diagnoser.builder().build().diagnose(whole).findings("ZPA-CON-005")).hasSize(1);
        Diagnosis app = Diagnoser.builder().build().diagnose(whole.toBuilder().reportedCase(new ReportedCase(
                Symptom.APP_UNREACHABLE, null, null, io.zpadoctor.model.ApplicationTarget.parse("intranet.corp.example.com:443"), null)).build());
        assertThat(app.findings("ZPA-CON-005")).as("DC2's disabled connector has nothing to do with intranet").isEmpty();
        assertThat(app.primary()).isNull();
        assertThat(app.notes()).anyMatch(n -> n.contains("served by segment \"intranet\" through connector group DC1"));
    }

    @Test
    void twoGroupsListedUnderOneIdAreEachJudged() {
        // a hand-built tenant (the readers keep the first record of an id): rules once joined every group with
        // an id, and the relations that replaced those joins must not drop the second one
        ConnectorGroup a = ConnectorGroup.builder("g1").name("A").source("api/connector-groups.json").build();
        ConnectorGroup b = ConnectorGroup.builder("g1").name("B").enabled(false).source("api/connector-groups.json")
                .build();
        io.zpadoctor.model.tenant.ServerGroup sg = io.zpadoctor.model.tenant.ServerGroup.builder("sg1")
                .name("SG").connectorGroupIds(List.of("g1")).source("api/server-groups.json").build();
        Tenant t = new Tenant(List.of(), List.of(a, b), List.of(), List.of(), List.of(sg), List.of(),
                EnumSet.allOf(TenantCollection.class));

        Diagnosis d = Diagnoser.builder().build().diagnose(Facts.builder().tenant(t).evaluatedAt(NOW, "test").build());

        assertThat(d.findings("ZPA-CON-007")).as("B is disabled").hasSize(1);
        assertThat(d.findings("ZPA-CON-007").get(0).subject().name()).isEqualTo("B");
        assertThat(d.findings("ZPA-FLT-002")).extracting(f -> f.subject().name()).containsExactlyInAnyOrder("A", "B");
    }
    @Test
    void theGroupsServingAnApplicationAreListedInTheSameOrderEveryTime() {
        // the session hands its facts back in identity-hash order, and Set.copyOf iterates in an order of each
        // JVM's own: the report follows neither, but the server group's list of connector groups
        List<AppConnector> connectors = new java.util.ArrayList<>();
        List<ConnectorGroup> groups = new java.util.ArrayList<>();
        for (String g : List.of("g5", "g2", "g9", "g1", "g7")) {
            groups.add(ConnectorGroup.builder(g).name("DC-" + g).source("api/connector-groups.json").build());
            connectors.add(AppConnector.builder("c-" + g).name("acg-" + g).groupId(g)
                    .controlChannelStatus("ZPN_STATUS_AUTHENTICATED").source("api/connectors.json").build());
        }
        Tenant t = new Tenant(connectors, groups, List.of(), List.of(),
                List.of(io.zpadoctor.model.tenant.ServerGroup.builder("sg1").name("intranet-servers")
                        .dynamicDiscovery(true).connectorGroupIds(List.of("g5", "g2", "g9", "g1", "g7"))
                        .source("api/server-groups.json").build()),
                List.of(io.zpadoctor.model.tenant.ApplicationSegment.builder("s1").name("intranet")
                        .domainNames(List.of("intranet.corp.example.com"))
                        .tcpPortRanges(List.of(new io.zpadoctor.model.tenant.PortRange(443, 443)))
                        .serverGroupIds(List.of("sg1")).source("api/application-segments.json").build()),
                EnumSet.allOf(TenantCollection.class));
        Facts app = Facts.builder().tenant(t).evaluatedAt(NOW, "test").reportedCase(new ReportedCase(
                Symptom.APP_UNREACHABLE, null, null,
                io.zpadoctor.model.ApplicationTarget.parse("intranet.corp.example.com:443"), null)).build();
        Diagnoser doctor = Diagnoser.builder().build();

        for (int i = 0; i < 30; i++) {
            assertThat(doctor.diagnose(app).groups()).extracting(g -> g.group().id())
                    .containsExactly("g5", "g2", "g9", "g1", "g7");
        }
    }
    @Test
    void twoConnectorsWhoseTextsCoincideAreTwoFindings() {
        // merged by code and subject, not by the subject's text: "x" named "y, name=z" is not "x, name=y" named "z"
        Tenant t = new Tenant(List.of(
                AppConnector.builder("x").name("y, name=z").controlChannelStatus("ZPN_STATUS_DISCONNECTED")
                        .source("api/connectors.json").build(),
                AppConnector.builder("x, name=y").name("z").controlChannelStatus("ZPN_STATUS_DISCONNECTED")
                        .source("api/connectors.json").build()),
                List.of(), List.of(), List.of(), List.of(), List.of(), EnumSet.of(TenantCollection.CONNECTORS));

        Diagnosis d = Diagnoser.builder().build().diagnose(Facts.builder().tenant(t).evaluatedAt(NOW, "test").build());

        assertThat(d.findings("ZPA-CON-001")).extracting(f -> f.subject().id()).containsExactlyInAnyOrder("x", "x, name=y");
    }
}
