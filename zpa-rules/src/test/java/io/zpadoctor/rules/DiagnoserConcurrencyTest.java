package io.zpadoctor.rules;

import io.zpadoctor.model.Facts;
import io.zpadoctor.model.ReportedCase;
import io.zpadoctor.model.Symptom;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class DiagnoserConcurrencyTest {
    @Test
    void oneDiagnoserServesManyThreadsWithIdenticalResults() throws Exception {
        Diagnoser doctor = Diagnoser.builder().build();
        Facts sick = Facts.builder().tenant(DiagnoserTest.exhaustedKeyTenant())
                .reportedCase(new ReportedCase(Symptom.NOT_ENROLLING, "dc1-acg-key-2", null, null, null, null))
                .evaluatedAt(DiagnoserTest.NOW, "test").build();
        Facts well = Facts.builder().tenant(DiagnoserTest.tenant(5)).evaluatedAt(DiagnoserTest.NOW, "test").build();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Diagnosis>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                Facts f = i % 2 == 0 ? sick : well;
                results.add(pool.submit(() -> doctor.diagnose(f)));
            }
            for (int i = 0; i < results.size(); i++) {
                Diagnosis d = results.get(i).get();
                if (i % 2 == 0) {
                    assertThat(d.primary().code()).isEqualTo("ZPA-ENR-001");
                    assertThat(d.findings()).hasSize(4);
                } else {
                    assertThat(d.findings()).isEmpty();
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
