package io.zpadoctor.rules;

import io.zpadoctor.model.ApplicationTarget;
import io.zpadoctor.model.Symptom;
import io.zpadoctor.model.derived.EffectiveSegment;
import io.zpadoctor.model.derived.HostContext;
import io.zpadoctor.model.derived.NotEnrolling;
import io.zpadoctor.model.finding.Finding;
import io.zpadoctor.model.finding.Subject;
import io.zpadoctor.model.finding.SubjectType;
import io.zpadoctor.model.host.HostMatch;
import io.zpadoctor.model.tenant.AppConnector;
import io.zpadoctor.model.tenant.ApplicationSegment;
import io.zpadoctor.model.tenant.ConnectorGroup;
import io.zpadoctor.model.tenant.ProvisioningKey;
import io.zpadoctor.model.tenant.ServerGroup;
import io.zpadoctor.rules.internal.engine.RuleBase;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The helper rules build findings with, and the rule name the engine stamps on what they insert. */
class FindingsTest {
    static final AppConnector CONNECTOR = AppConnector.builder("c1").name("dc1-1").groupId("g1").build();
    static final ConnectorGroup GROUP = ConnectorGroup.builder("g1").name("DC1").build();
    static final ApplicationTarget APP = ApplicationTarget.parse("wiki.acme.local:443");

    @Test
    void aConnectorFindingConcernsItsGroupAndNamesBoth() {
        Finding f = Findings.about("ZPA-CON-005", CONNECTOR).build();
        assertThat(f.subject()).isEqualTo(new Subject(SubjectType.CONNECTOR, "c1", "dc1-1"));
        assertThat(f.concerns()).containsExactly("c1", "dc1-1", "g1");
        assertThat(f.params()).isEqualTo(Map.of("connectorName", "dc1-1", "connectorId", "c1", "groupId", "g1"));
        assertThat(f.rule()).as("the engine names the rule, not the helper").isNull();
    }

    @Test
    void aKeyFindingConcernsTheGroupItNames() {
        ProvisioningKey k = ProvisioningKey.builder("k1").name("dc1-key").groupId("g1").groupName("DC1").build();
        Finding f = Findings.about("ZPA-ENR-002", k).build();
        assertThat(f.concerns()).containsExactly("k1", "dc1-key", "g1");
        assertThat(f.params()).containsOnlyKeys("keyId", "keyName", "groupId", "groupName");
    }

    @Test
    void theApplicationPathConcernsTheApplicationAndWhatLeadsToIt() {
        ApplicationSegment s = ApplicationSegment.builder("s1").name("wiki").build();
        ServerGroup sg = ServerGroup.builder("sg1").name("wiki-servers").build();
        assertThat(Findings.about("ZPA-APP-001", APP).build().params())
                .isEqualTo(Map.of("application", "wiki.acme.local:443", "host", "wiki.acme.local", "port", "443"));
        assertThat(Findings.about("ZPA-APP-004", s, APP).build().concerns())
                .containsExactly("s1", "wiki", "wiki.acme.local:443");
        EffectiveSegment served = new EffectiveSegment("s1", s, APP);
        assertThat(Findings.about("ZPA-APP-005", sg, List.of(served)).build().concerns())
                .containsExactly("sg1", "wiki-servers", "s1", "wiki.acme.local:443");
        Finding viaGroup = Findings.about("ZPA-APP-008", GROUP, List.of(sg), List.of(served)).build();
        assertThat(viaGroup.subject().type()).isEqualTo(SubjectType.CONNECTOR_GROUP);
        assertThat(viaGroup.concerns()).containsExactly("g1", "DC1", "sg1", "s1", "wiki.acme.local:443");
        assertThat(viaGroup.params()).containsEntry("serverGroupName", "wiki-servers").containsEntry("segmentId", "s1");
    }

    @Test
    void aTenantWideServerGroupFindingNamesEverySegmentOnce() {
        ServerGroup sg = ServerGroup.builder("sg1").name("shared").build();
        List<EffectiveSegment> served = new ArrayList<>();
        for (int i = 12; i >= 1; i--) {
            served.add(new EffectiveSegment("s" + i, ApplicationSegment.builder("s" + i).name(String.format("app-%02d", i)).build(), null));
        }
        Finding f = Findings.about("ZPA-APP-005", sg, served).build();
        // issue 16: one broken server group used by twelve segments is one finding that lists them
        assertThat(f.params()).containsEntry("segmentCount", "12").doesNotContainKeys("segmentId", "application")
                .containsEntry("segments", "12 segments (\"app-01\", \"app-02\", \"app-03\", \"app-04\", \"app-05\","
                        + " \"app-06\", \"app-07\", \"app-08\", \"app-09\", \"app-10\", \"app-11\", \"app-12\")");
        assertThat(f.concerns()).contains("s1", "s12").hasSize(14);
        for (int i = 13; i <= 30; i++) {
            served.add(new EffectiveSegment("s" + i, ApplicationSegment.builder("s" + i).name(String.format("app-%02d", i)).build(), null));
        }
        String thirty = Findings.about("ZPA-APP-005", sg, served).build().params().get("segments");
        assertThat(thirty).startsWith("30 segments (\"app-01\", ").endsWith("\"app-25\", and 5 more)")
                .doesNotContain("app-26");
        Finding one = Findings.about("ZPA-APP-004", served.get(0).segment(), null).build();
        assertThat(one.params()).containsOnlyKeys("segmentName", "segmentId");
    }

    @Test
    void aHostFindingIsAboutItsConnectorOrTheBareFolder() {
        HostContext known = new HostContext("vm-1", "c1", "dc1-1", "g1", true, HostMatch.STATUS_BLOCK);
        Finding f = Findings.about("ZPA-NET-001", known).build();
        assertThat(f.subject()).isEqualTo(new Subject(SubjectType.CONNECTOR, "c1", "dc1-1"));
        assertThat(f.concerns()).containsExactly("c1", "dc1-1", "vm-1", "g1");
        assertThat(f.params()).containsEntry("host", "vm-1").containsEntry("connectorId", "c1");
        HostContext unknown = new HostContext("vm-2", "c9", "vm-2", null, false, HostMatch.NONE);
        Finding bare = Findings.about("ZPA-NET-001", unknown).build();
        assertThat(bare.subject()).isEqualTo(Subject.host("vm-2"));
        assertThat(bare.params()).as("a journal's id is no API connector").doesNotContainKey("connectorId");
    }

    @Test
    void aFailingEnrollmentIsAboutTheConnectorElseItsGroupElseTheTenant() {
        assertThat(Findings.about("ZPA-ENR-008", new NotEnrolling("dc1-4", null, "g1", null)).build().subject())
                .isEqualTo(Subject.connectorNamed("dc1-4"));
        assertThat(Findings.about("ZPA-ENR-008", new NotEnrolling(null, null, "g1", null)).build().subject())
                .isEqualTo(new Subject(SubjectType.CONNECTOR_GROUP, "g1", null));
        assertThat(Findings.about("ZPA-ENR-008", new NotEnrolling(null, null, null, null)).build().subject().type())
                .isEqualTo(SubjectType.TENANT);
    }

    @Test
    void everyFindingOfADiagnosisNamesABuiltInRuleThatEmitsItsCode() {
        Diagnosis d = ExplainTest.DOCTOR.diagnose(ExplainTest.facts(10, Symptom.NOT_ENROLLING));
        Set<String> rules = new HashSet<>();
        RuleBase.builtIn().kieBase().getKiePackages().forEach(p -> p.getRules().forEach(r -> rules.add(r.getName())));
        assertThat(d.findings()).isNotEmpty().allSatisfy(f -> assertThat(rules).contains(f.rule()));
        assertThat(d.findings("ZPA-ENR-001")).singleElement().extracting(Finding::rule)
                .isEqualTo("Flag an exhausted key of a group failing to enroll");
    }
}
