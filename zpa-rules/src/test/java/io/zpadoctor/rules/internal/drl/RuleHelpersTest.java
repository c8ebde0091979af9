package io.zpadoctor.rules.internal.drl;

import io.zpadoctor.model.tenant.AppConnector;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RuleHelpersTest {
    private static final Instant CONNECTED = Instant.parse("2026-11-16T08:00:00Z");
    private static final Instant DISCONNECTED = Instant.parse("2026-12-04T17:30:00Z");

    @Test
    void aStaleDuplicateWasLastSeenWhenItLastDisconnected() {
        AppConnector live = AppConnector.builder("2").name("live").build();
        AppConnector stale = AppConnector.builder("1").name("stale").lastBrokerConnectTime(CONNECTED)
                .lastBrokerDisconnectTime(DISCONNECTED).build();
        var dup = RuleHelpers.duplicate("ZPA-FLT-006", stale, live, "fingerprint", "fp");
        assertThat(dup.params()).containsEntry("lastSeen", DISCONNECTED.toString());
        assertThat(dup.evidence()).anySatisfy(e -> {
            assertThat(e.field()).isEqualTo("lastBrokerDisconnectTime of stale");
            assertThat(e.value()).isEqualTo(DISCONNECTED.toString());
        });
        AppConnector neverDropped = AppConnector.builder("3").name("old").lastBrokerConnectTime(CONNECTED).build();
        assertThat(RuleHelpers.duplicate("ZPA-FLT-006", neverDropped, live, "fingerprint", "fp").params())
                .containsEntry("lastSeen", CONNECTED.toString());
        AppConnector unknown = AppConnector.builder("4").name("unknown").build();
        assertThat(RuleHelpers.duplicate("ZPA-FLT-006", unknown, live, "fingerprint", "fp").params())
                .doesNotContainKey("lastSeen");
    }

    @Test
    void theLatestOfTwoTimesEitherUnknown() {
        assertThat(RuleHelpers.latest(CONNECTED, DISCONNECTED)).isEqualTo(DISCONNECTED);
        assertThat(RuleHelpers.latest(DISCONNECTED, CONNECTED)).isEqualTo(DISCONNECTED);
        assertThat(RuleHelpers.latest(null, CONNECTED)).isEqualTo(CONNECTED);
        assertThat(RuleHelpers.latest(CONNECTED, null)).isEqualTo(CONNECTED);
        assertThat(RuleHelpers.latest(null, null)).isNull();
    }
}
