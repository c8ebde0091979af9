package io.zpadoctor.model.derived;

import io.zpadoctor.model.tenant.AppConnector;
import io.zpadoctor.model.tenant.ConnectorGroup;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class GroupHealthTest {
    private static final ConnectorGroup GROUP = ConnectorGroup.builder("g1").name("DC1").build();

    private static AppConnector connector(String id, String status, String version, String downAt) {
        return AppConnector.builder(id).groupId("g1").controlChannelStatus(status).currentVersion(version)
                .lastBrokerDisconnectTime(downAt == null ? null : Instant.parse(downAt)).build();
    }

    @Test
    void oneVersionIsCountedWithoutAMapAndReadsLikeMany() {
        GroupHealth h = GroupHealth.of(GROUP, List.of(
                connector("a", "ZPN_STATUS_AUTHENTICATED", "25.44.6", "2026-11-01T00:00:00Z"),
                connector("b", "ZPN_STATUS_DISCONNECTED", "25.44.6", "2026-11-02T00:00:00Z")), List.of("sg1"));

        assertThat(h.total()).isEqualTo(2);
        assertThat(h.authenticated()).isEqualTo(1);
        assertThat(h.disconnected()).isEqualTo(1);
        assertThat(h.versions()).isEqualTo(Set.of("25.44.6"));
        assertThat(h.versionCounts()).isEqualTo("25.44.6 (2)");
        assertThat(h.firstDisconnect()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(h.lastDisconnect()).isEqualTo(Instant.parse("2026-11-02T00:00:00Z"));
        assertThat(h.group()).isSameAs(GROUP);
        assertThat(h.serverGroupIds()).containsExactly("sg1");
    }

    @Test
    void mixedVersionsAreCountedInOrderWithUnknownAmongThemButNotAVersion() {
        GroupHealth h = GroupHealth.of(GROUP, List.of(
                connector("a", "ZPN_STATUS_AUTHENTICATED", "25.44.6", null),
                connector("b", "ZPN_STATUS_AUTHENTICATED", "25.31.2", "2026-11-02T00:00:00Z"),
                connector("c", "ZPN_STATUS_AUTHENTICATED", null, null),
                connector("d", "ZPN_STATUS_AUTHENTICATED", "25.44.6", null)), null);

        assertThat(h.versions()).isEqualTo(Set.of("25.44.6", "25.31.2"));
        assertThat(h.versionCounts()).isEqualTo("25.31.2 (1), 25.44.6 (2), unknown (1)");
        assertThat(h.firstDisconnect()).as("a connector without a time makes the span unknown").isNull();
        assertThat(h.serverGroupIds()).isEmpty();
    }

    @Test
    void versionsAreMatchedByTextNotByObjectOrHash() {
        // as read from JSON, each connector has its own copy of the text; "Aa" and "BB" share a hash code
        GroupHealth h = GroupHealth.of(GROUP, List.of(
                connector("a", "ZPN_STATUS_AUTHENTICATED", new String("25.44.6"), null),
                connector("b", "ZPN_STATUS_AUTHENTICATED", "Aa", null),
                connector("c", "ZPN_STATUS_AUTHENTICATED", new String("25.44.6"), null),
                connector("d", "ZPN_STATUS_AUTHENTICATED", "BB", null)), null);

        assertThat(h.versionCounts()).isEqualTo("25.44.6 (2), Aa (1), BB (1)");
    }

    @Test
    void aGroupWithoutConnectorsHasNoVersions() {
        GroupHealth h = GroupHealth.of(GROUP, List.of(), List.of());

        assertThat(h.total()).isZero();
        assertThat(h.versions()).isEmpty();
        assertThat(h.versionCounts()).isEmpty();
    }
}
