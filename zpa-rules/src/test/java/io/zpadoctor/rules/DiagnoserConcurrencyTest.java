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
                .reportedCase(new ReportedCase(Symptom.NOT_ENROLLING, "dc1-acg-key-2", null, null, null))
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
                    assertThat(d.findings()).hasSize(3);
                } else {
                    assertThat(d.findings()).isEmpty();
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
    @Test
    void shardsRunWithTheCallersContextClassLoader() throws Exception {
        // Drools finds its services through the context class loader; an embedder's plugin loader must reach
        // every shard, not only the calling thread
        List<io.zpadoctor.model.tenant.AppConnector> connectors = new ArrayList<>();
        List<io.zpadoctor.model.tenant.ConnectorGroup> groups = new ArrayList<>();
        for (int g = 0; g < 12; g++) {
            groups.add(io.zpadoctor.model.tenant.ConnectorGroup.builder("g" + g).build());
            connectors.add(io.zpadoctor.model.tenant.AppConnector.builder("c" + g).groupId("g" + g)
                    .controlChannelStatus("ZPN_STATUS_DISCONNECTED").build());
        }
        Facts tenant = Facts.builder().tenant(new io.zpadoctor.model.tenant.Tenant(connectors, groups, null, null,
                null, null, null)).evaluatedAt(DiagnoserTest.NOW, "test").build();
        java.util.Set<ClassLoader> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.Set<Thread> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
        Diagnoser doctor = Diagnoser.builder().partitioning(0, 1, true).ruleListener((rule, pkg) -> {
            seen.add(Thread.currentThread().getContextClassLoader());
            threads.add(Thread.currentThread());
        }).build();
        ClassLoader plugin = new java.net.URLClassLoader(new java.net.URL[0], Diagnoser.class.getClassLoader());
        Thread me = Thread.currentThread();
        ClassLoader before = me.getContextClassLoader();
        me.setContextClassLoader(plugin);
        try {
            for (int i = 0; i < 5 && threads.size() < 2; i++) {
                assertThat(doctor.diagnose(tenant).findings("ZPA-CON-001")).hasSize(12);
            }
        } finally {
            me.setContextClassLoader(before);
        }
        assertThat(seen).containsExactly(plugin);
    }
}
