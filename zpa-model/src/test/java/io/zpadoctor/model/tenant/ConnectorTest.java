package io.zpadoctor.model.tenant;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectorTest {
    @Test
    void unknownStatusKeepsItsRawText() {
        AppConnector c = AppConnector.builder("1").controlChannelStatus("FAILED").build();
        assertThat(c.controlChannelStatus()).isEqualTo(ControlChannelStatus.UNKNOWN);
        assertThat(c.statusText()).isEqualTo("FAILED");
        AppConnector absent = AppConnector.builder("2").build();
        assertThat(absent.controlChannelStatus()).isEqualTo(ControlChannelStatus.UNKNOWN);
        assertThat(absent.statusText()).isNull();
    }

    @Test
    void servingNeedsEnabledAndAuthenticated() {
        assertThat(AppConnector.builder("1").controlChannelStatus("ZPN_STATUS_AUTHENTICATED").build().isServing()).isTrue();
        assertThat(AppConnector.builder("1").controlChannelStatus("ZPN_STATUS_AUTHENTICATED").enabled(false).build()
                .isServing()).isFalse();
        assertThat(AppConnector.builder("1").controlChannelStatus("ZPN_STATUS_DISCONNECTED").build().isServing()).isFalse();
    }

    @Test
    void segmentPortsAndDomains() {
        ApplicationSegment s = ApplicationSegment.builder("9").domainNames(List.of("*.corp.example.com", "pay.corp.example.com"))
                .tcpPortRanges(List.of(new PortRange(8000, 8999))).udpPortRanges(List.of(PortRange.single(53))).build();
        assertThat(s.coversPort(8443)).isTrue();
        assertThat(s.coversPort(53)).isTrue();
        assertThat(s.coversPort(443)).isFalse();
        assertThat(s.matchingDomain("pay.corp.example.com")).isEqualTo("pay.corp.example.com");
        assertThat(s.matchingDomain("wiki.corp.example.com")).isEqualTo("*.corp.example.com");
        assertThat(s.matchSpecificity("example.org")).isNegative();
        assertThatThrownBy(() -> new PortRange(10, 5)).hasMessageContaining("from <= to");
    }

    @Test
    void groupUpgradeWindowAndProfiles() {
        ConnectorGroup g = ConnectorGroup.builder("g").upgradeDay("sunday").upgradeTimeInSecs(66600).versionProfileId("2").build();
        assertThat(g.upgradeDay()).isEqualTo(java.time.DayOfWeek.SUNDAY);
        assertThat(g.upgradeTime()).hasToString("18:30");
        assertThat(g.versionProfile()).isEqualTo("New Release");
        assertThatThrownBy(() -> ConnectorGroup.builder("g").upgradeTimeInSecs(90000).build())
                .hasMessageContaining("within a day");
    }
}
