package io.zpadoctor.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SymptomTest {
    @Test
    void acceptsLabelsAndConstantNames() {
        assertThat(Symptom.parse("not-enrolling")).isEqualTo(Symptom.NOT_ENROLLING);
        assertThat(Symptom.parse("APP_UNREACHABLE")).isEqualTo(Symptom.APP_UNREACHABLE);
        assertThat(Symptom.parse(" High-CPU ")).isEqualTo(Symptom.HIGH_CPU);
    }

    @Test
    void listsTheValidOnesWhenWrong() {
        assertThatThrownBy(() -> Symptom.parse("slow")).hasMessageContaining("not-enrolling, disconnected");
    }
}
