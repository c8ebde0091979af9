package io.zpadoctor.model.host;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HostFactsTest {
    static final String SRC = "hosts/ac-fra-3/df.txt";

    static DiskUsage disk(String mount) {
        return new DiskUsage("ac-fra-3", SRC, 3, "/dev/sda1", 1000L, 900L, 100L, 90, mount, false);
    }

    @Test
    void everyObservationNamesHostSourceAndA1BasedLine() {
        assertThatThrownBy(() -> new DiskUsage(" ", SRC, 1, "/dev/sda1", null, null, null, null, "/", false))
                .hasMessageContaining("host");
        assertThatThrownBy(() -> new DiskUsage("h", null, 1, "/dev/sda1", null, null, null, null, "/", false))
                .hasMessageContaining("source");
        assertThatThrownBy(() -> new DiskUsage("h", SRC, 0, "/dev/sda1", null, null, null, null, "/", false))
                .hasMessageContaining("1-based");
        assertThat(new DiskUsage("h", SRC, null, "/dev/sda1", null, null, null, null, "/", false).line()).isNull();
    }

    @Test
    void sizesAndCountsAreNeverNegative() {
        assertThatThrownBy(() -> new DiskUsage("h", SRC, 1, "/dev/sda1", -1L, null, null, null, "/", false))
                .hasMessageContaining("sizeMb");
        assertThatThrownBy(() -> new MemoryTotals("h", SRC, 1, -5, null, null, null, null, null, null, null, "MiB", false))
                .hasMessageContaining("totalMb");
    }

    @Test
    void aMountHoldsThePathsBelowIt() {
        assertThat(disk("/").holds("/opt/zscaler/var")).isTrue();
        assertThat(disk("/opt").holds("/opt/zscaler/var")).isTrue();
        assertThat(disk("/opt").holds("/optional")).isFalse();
        assertThat(disk("/var").holds("/opt/zscaler")).isFalse();
        assertThat(disk("/opt").holds("relative/path")).isFalse();
    }

    @Test
    void theKeyFileRecordRefusesAnythingButThePublicPrefix() {
        assertThatThrownBy(() -> key("3|api.private.zscaler.com|secretMaterial"))
                .hasMessageContaining("<n>|<host>|");
        KeyFileShape k = key("3|api.private.zscaler.com|");
        assertThat(k.keyHost()).isEqualTo("api.private.zscaler.com");
        assertThat(k.malformed()).isFalse();
    }

    static KeyFileShape key(String prefix) {
        return new KeyFileShape("h", "hosts/h/provision-key.txt", 1, true, "644", "root", "root", 87L, true, 86, false,
                prefix, true, QuoteStyle.NONE, false, false, 1, "collector");
    }

    @Test
    void enumsKeepUnknownValuesAsUnknown() {
        assertThat(ServiceState.fromSystemd("active")).isEqualTo(ServiceState.ACTIVE);
        assertThat(ServiceState.fromSystemd("maintenance")).isEqualTo(ServiceState.UNKNOWN);
        assertThat(FohhState.fromLog("fohh_connection_backoff")).isEqualTo(FohhState.BACKOFF);
        assertThat(FohhState.fromLog("fohh_connection_resolving")).isEqualTo(FohhState.UNKNOWN);
        assertThat(DnsStatus.fromDig("NXDOMAIN")).isEqualTo(DnsStatus.NXDOMAIN);
        assertThat(DnsStatus.fromDig("YXDOMAIN")).isEqualTo(DnsStatus.UNKNOWN);
        assertThat(DnsStatus.fromDig("TIMEOUT")).isEqualTo(DnsStatus.UNKNOWN); // not a response code
    }

    @Test
    void benignKindsAreTheDocumentedHarmlessOnes() {
        assertThat(LogEventKind.CONTROL_CLOSED_REDIRECT.benign()).isTrue();
        assertThat(LogEventKind.BROKER_REDIRECT.benign()).isTrue();
        assertThat(LogEventKind.UPGRADE_PREP_ERROR.benign()).isTrue();
        assertThat(LogEventKind.CONTROL_CLOSED.benign()).isFalse();
        assertThat(LogEventKind.TLS_SELF_SIGNED_IN_CHAIN.benign()).isFalse();
        assertThat(LogEventKind.LOGIN_REFUSED.benign()).isFalse();
        LogEvent e = new LogEvent("h", "hosts/h/journal.txt", 4, null, null, null, LogEventKind.BROKER_REDIRECT, null,
                null, null, null, null, "Received broker_redirect");
        assertThat(e.benign()).isTrue();
    }

    @Test
    void listsAreImmutableCopies() {
        java.util.ArrayList<String> addresses = new java.util.ArrayList<>(List.of("10.0.0.5", "127.0.0.1"));
        HostAddresses a = new HostAddresses("h", "hosts/h/ip-addr.txt", 2, "h", addresses);
        addresses.clear();
        assertThat(a.addresses()).containsExactly("10.0.0.5", "127.0.0.1");
        assertThat(a.nonLoopback()).containsExactly("10.0.0.5");
        assertThatThrownBy(() -> a.addresses().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aServiceIsHealthyOnlyWhenActiveWithBothProcesses() {
        String src = "hosts/h/systemctl-status.txt";
        assertThat(new ServiceStatus("h", src, 3, ServiceState.ACTIVE, "active (running)", "running", true, true, 1, null)
                .healthy()).isTrue();
        assertThat(new ServiceStatus("h", src, 3, ServiceState.ACTIVE, "active (running)", "running", true, false, 1, null)
                .healthy()).isFalse();
        assertThat(new ServiceStatus("h", src, 3, ServiceState.ACTIVE, "active (running)", "running", null, null, 1, null)
                .healthy()).isFalse();
    }
}
