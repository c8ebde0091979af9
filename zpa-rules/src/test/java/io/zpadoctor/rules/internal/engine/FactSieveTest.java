package io.zpadoctor.rules.internal.engine;

import io.zpadoctor.model.derived.GroupHealth;
import io.zpadoctor.model.derived.GroupInServerGroup;
import io.zpadoctor.model.finding.Finding;
import io.zpadoctor.model.tenant.AppConnector;
import io.zpadoctor.model.tenant.ConnectorGroup;
import io.zpadoctor.rules.internal.pack.PackCompiler;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Only facts some pattern can match go into a session; what a rule base names decides which. */
class FactSieveTest {

    @Test
    void theBuiltInRulesSeeConnectorsButNeitherGroupRecordsNorServerGroupEdges() {
        FactSieve sieve = FactSieve.of(RuleBase.builtIn().kieBase());

        assertThat(sieve.passes(AppConnector.class)).isTrue();
        assertThat(sieve.passes(GroupHealth.class)).isTrue();
        assertThat(sieve.passes(Finding.class)).isTrue();
        // the built-in rules reach a group through GroupHealth.group and no rule joins the edges
        assertThat(sieve.passes(ConnectorGroup.class)).isFalse();
        assertThat(sieve.passes(GroupInServerGroup.class)).isFalse();
        // UPG-004 reads the deleted keys from TenantKeys: the fact per key id is for packs that name it
        assertThat(sieve.passes(io.zpadoctor.model.derived.EnrolledWithKey.class)).isFalse();
        assertThat(sieve.passes(String.class)).isFalse();
    }

    @Test
    void aPackThatNamesATypeLetsItIn() throws Exception {
        KieBase withPack = RuleBase.withPacks(List.of(PackCompiler.compile(Path.of("src/test/resources/packs/good"))))
                .kieBase();

        assertThat(FactSieve.of(withPack).passes(ConnectorGroup.class)).isTrue();
        assertThat(FactSieve.of(RuleBase.builtIn().kieBase()).passes(ConnectorGroup.class)).isFalse();
    }

    @Test
    void aRuleBaseItCannotReadLetsEverythingIn() {
        assertThat(FactSieve.of(null).passes(String.class)).isTrue();
        assertThat(FactSieve.of(null).passes(GroupInServerGroup.class)).isTrue();
    }
}
