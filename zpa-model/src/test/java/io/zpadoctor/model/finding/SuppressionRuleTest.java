package io.zpadoctor.model.finding;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SuppressionRuleTest {
    static Finding f(String code, String id, String name) {
        return Finding.builder(code).subject(new Subject(SubjectType.PROVISIONING_KEY, id, name)).build();
    }

    @Test
    void matchesByCodePrefixAndSubjectIdOrName() {
        SuppressionRule any = new SuppressionRule("ZPA-FLT-*", null, "r", null, "x:1");
        assertThat(any.matches(f("ZPA-FLT-003", "1", "k"))).isTrue();
        assertThat(any.matches(f("ZPA-ENR-001", "1", "k"))).isFalse();
        SuppressionRule named = new SuppressionRule("ZPA-FLT-003", "dc1-*", "r", null, "x:1");
        assertThat(named.matches(f("ZPA-FLT-003", "58856", "DC1-acg-key"))).isTrue();
        assertThat(named.matches(f("ZPA-FLT-003", "58856", "dc2-acg-key"))).isFalse();
        assertThat(new SuppressionRule("ZPA-FLT-003", "58856", "r", null, "x").matches(f("ZPA-FLT-003", "58856", "k")))
                .isTrue();
        assertThat(new SuppressionRule("ZPA-FLT-003", "5885", "r", null, "x").matches(f("ZPA-FLT-003", "58856", "k")))
                .as("no partial match without a wildcard").isFalse();
    }

    @Test
    void expiresAfterItsLastDayAndNeedsAReason() {
        SuppressionRule r = new SuppressionRule("ZPA-FLT-003", null, "r", LocalDate.of(2026, 3, 31), "x");
        assertThat(r.expiredOn(LocalDate.of(2026, 3, 31))).isFalse();
        assertThat(r.expiredOn(LocalDate.of(2026, 4, 1))).isTrue();
        assertThatThrownBy(() -> new SuppressionRule("ZPA-FLT-003", null, " ", null, "x")).hasMessageContaining("reason");
    }
}
