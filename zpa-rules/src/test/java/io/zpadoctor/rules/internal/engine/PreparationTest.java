package io.zpadoctor.rules.internal.engine;

import io.zpadoctor.model.derived.EnrolledWithKey;
import io.zpadoctor.model.derived.GroupHealth;
import io.zpadoctor.model.derived.GroupInServerGroup;
import io.zpadoctor.model.tenant.AppConnector;
import io.zpadoctor.model.tenant.ConnectorGroup;
import io.zpadoctor.model.tenant.ServerGroup;
import io.zpadoctor.model.tenant.Tenant;
import io.zpadoctor.rules.DiagnosisException;
import io.zpadoctor.rules.internal.tenant.FleetCounts;
import io.zpadoctor.rules.internal.tenant.TenantIndex;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The index and relations made beside the session: the same whichever thread makes them, and never waited on. */
class PreparationTest {
    private static final KieBase RULES = RuleBase.builtIn().kieBase();

    private static Tenant tenant() {
        List<AppConnector> cs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            cs.add(AppConnector.builder("c" + i).groupId("g" + i % 4).privateIp("10.0.0." + i % 7)
                    .fingerprint("fp" + i % 9).provisioningKeyId("k" + i % 2).controlChannelStatus("ZPN_STATUS_AUTHENTICATED").build());
        }
        List<ConnectorGroup> gs = List.of(ConnectorGroup.builder("g0").build(), ConnectorGroup.builder("g1").build(),
                ConnectorGroup.builder("g2").build(), ConnectorGroup.builder("g3").build());
        List<ServerGroup> sgs = List.of(ServerGroup.builder("sg1").connectorGroupIds(List.of("g0", "g1")).build());
        return new Tenant(cs, gs, null, null, sgs, null, null);
    }

    @Test
    void onAnotherCoreOrInlineTheRelationsAreTheSame() {
        Tenant t = tenant();
        Preparation inline = Preparation.start(t, RULES, false);
        Preparation parallel = Preparation.start(t, RULES, true);

        // per group its counts and three shared addresses; nine shared fingerprints; connectors, counts and keys by id
        assertThat(parallel.relations()).hasSize(4 + 4 * 3 + 9 + 3).hasSameSizeAs(inline.relations());
        assertThat(parallel.relations().toString()).isEqualTo(inline.relations().toString());
        assertThat(parallel.index().connector("c7")).isSameAs(inline.index().connector("c7"));
        assertThat(parallel.prepares(t)).isTrue();
        assertThat(parallel.prepares(tenant())).isFalse();
    }

    @Test
    void edgesNoRuleNamesAreNotMadeButARuleBaseThatMayNameThemGetsThem() {
        Tenant t = tenant();
        assertThat(Preparation.start(t, RULES, false).relations())
                .noneMatch(o -> o instanceof GroupInServerGroup).noneMatch(o -> o instanceof EnrolledWithKey)
                .anyMatch(o -> o instanceof GroupHealth);
        assertThat(Preparation.start(t, (KieBase) null, false).relations())
                .filteredOn(o -> o instanceof GroupInServerGroup).hasSize(2);
        assertThat(Preparation.start(t, (KieBase) null, false).relations())
                .filteredOn(o -> o instanceof EnrolledWithKey).hasSize(2);
    }

    @Test
    void withoutRelationsOnlyTheIndexIsMade() {
        Preparation p = Preparation.start(tenant(), RULES, true, false);
        assertThat(p.relations()).isEmpty();
        assertThat(p.index().connectorsOf("g2")).hasSize(10);
    }

    @Test
    void theFleetCountsAreTakenOnTheIndexWalkWhenAskedFor() {
        List<AppConnector> cs = new ArrayList<>();
        String[] statuses = {"ZPN_STATUS_AUTHENTICATED", "ZPN_STATUS_DISCONNECTED", "SOMETHING_NEW", null};
        String[] versions = {"25.44.6", "25.31.2", null};
        for (int i = 0; i < 30; i++) {
            cs.add(AppConnector.builder("c" + i).groupId(i % 5 == 0 ? null : "g" + i % 3).enabled(i % 7 != 0)
                    .controlChannelStatus(statuses[i % 4]).currentVersion(versions[i % 3]).build());
        }
        Tenant t = new Tenant(cs, List.of(), null, null, null, null, null);

        FleetCounts walked = Preparation.start(t, RULES, true, true, true).index().fleetCounts();

        assertThat(walked.statuses()).isEqualTo(java.util.Map.of("ZPN_STATUS_AUTHENTICATED", 8,
                "ZPN_STATUS_DISCONNECTED", 8, "SOMETHING_NEW", 7, "(none)", 7));
        assertThat(new ArrayList<>(walked.statuses().keySet())).as("sorted for the report").isSorted();
        assertThat(walked.versions()).isEqualTo(java.util.Map.of("25.44.6", 10, "25.31.2", 10, "(unknown)", 10));
        assertThat(walked.disabled()).isEqualTo(5);
        assertThatThrownBy(() -> new TenantIndex(t).fleetCounts()).as("an index not asked to count has no counts")
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aBusyPoolCostsNoWaitTheCallerDoesTheWorkItself() throws Exception {
        int n = ForkJoinPool.getCommonPoolParallelism();
        CountDownLatch hold = new CountDownLatch(1);
        CountDownLatch busy = new CountDownLatch(n);
        for (int i = 0; i < n; i++) {
            ForkJoinPool.commonPool().execute(() -> {
                busy.countDown();
                try {
                    hold.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        try {
            assertThat(busy.await(10, TimeUnit.SECONDS)).isTrue();
            long start = System.nanoTime();
            Preparation p = Preparation.start(tenant(), RULES, true);
            assertThat(p.index().connectorsOf("g0")).hasSize(10);
            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(10);
        } finally {
            hold.countDown();
        }
    }

    @Test
    void aFailureReachesTheCallerAsItselfFromEitherThread() {
        for (boolean parallel : new boolean[] {false, true}) {
            Preparation p = Preparation.of(tenant(), () -> {
                throw new IllegalStateException("no connectors today");
            }, parallel);
            assertThatThrownBy(p::index).isInstanceOf(IllegalStateException.class).hasMessage("no connectors today");
            assertThatThrownBy(p::relations).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aCheckedFailureBecomesADiagnosisException() {
        Preparation p = Preparation.of(tenant(), () -> {
            throw new java.io.IOException("disk gone");
        }, false);
        assertThatThrownBy(p::index).isInstanceOf(DiagnosisException.class)
                .hasMessageContaining("disk gone").hasCauseInstanceOf(java.io.IOException.class);
    }
}
