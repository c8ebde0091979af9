package io.zpadoctor.model.finding;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FindingTest {
    @Test
    void subjectIdAndNameAreConcerns() {
        Finding f = Finding.builder("ZPA-CON-001").subject(new Subject(SubjectType.CONNECTOR, "7", "c-1"))
                .concern("g1").evidence("api/connectors.json", "controlChannelStatus", "ZPN_STATUS_DISCONNECTED").build();
        assertThat(f.concerns()).containsExactlyInAnyOrder("7", "c-1", "g1");
        assertThat(f.concerns("g1")).isTrue();
        assertThat(f.title()).isNull();
    }

    @Test
    void equalFindingsAreEqualSoLogicalInsertsCollapse() {
        Finding a = Finding.builder("ZPA-CON-005").subject(Subject.connectorNamed("x")).param("k", 1).build();
        Finding b = Finding.builder("ZPA-CON-005").subject(Subject.connectorNamed("x")).param("k", "1").build();
        assertThat(a).isEqualTo(b);
    }

    @Test
    void mergeKeepsEveryPieceOfEvidenceOnce() {
        Finding a = Finding.builder("ZPA-CON-005").subject(Subject.connectorNamed("x")).evidence("s", "f", "1").build();
        Finding b = Finding.builder("ZPA-CON-005").subject(Subject.connectorNamed("x")).evidence("s", "f", "1")
                .evidence("s", "g", "2").concern("g9").build();
        Finding m = a.mergedWith(b);
        assertThat(m.evidence()).hasSize(2);
        assertThat(m.concerns()).contains("g9");
    }

    @Test
    void codesHaveAFixedShape() {
        assertThatThrownBy(() -> Finding.builder("enr-1").subject(Subject.host("h")).build())
                .hasMessageContaining("PREFIX-AREA-NNN");
        assertThat(Finding.builder("ACME-CPU-001").subject(Subject.host("h")).build().code()).isEqualTo("ACME-CPU-001");
        assertThatThrownBy(() -> new Subject(SubjectType.HOST, null, " ")).hasMessageContaining("needs an id or a name");
    }
}
