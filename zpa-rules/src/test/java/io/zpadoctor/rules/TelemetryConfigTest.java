package io.zpadoctor.rules;

import io.zpadoctor.client.bundle.BundleReader;
import io.zpadoctor.model.Facts;
import io.zpadoctor.model.telemetry.TelemetryThresholds;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Log Streaming Service thresholds of zpa-doctor.yaml: read, checked, and applied by the rules. */
class TelemetryConfigTest {
    private static final Path SCENARIOS = Path.of("src/test/resources/scenarios/telemetry");

    @Test
    void theTelemetryKeysSetTheirThresholdsAndLeaveTheRestAlone() throws Exception {
        DoctorConfig c = DoctorConfig.parse("""
                thresholds:
                  cpuPercent: 85
                  telemetryWindowMinutes: 30
                  telemetryMinSamples: 4
                  telemetryTrendMinutes: 120
                  memoryPressurePercent: 95
                  exhaustionPercent: 80
                  authFailures: 5
                  reconnects: 6
                  diskHorizonHours: 48
                """, "zpa-doctor.yaml");
        assertThat(c.thresholds().cpuPercent()).isEqualTo(85);
        assertThat(c.thresholds().telemetry()).isEqualTo(new TelemetryThresholds(Duration.ofMinutes(30), 4,
                Duration.ofHours(2), 95, 80, 5, 6, Duration.ofHours(48)));
        assertThat(DoctorConfig.parse("thresholds:\n  cpuPercent: 85\n", "x").thresholds().telemetry())
                .isEqualTo(TelemetryThresholds.DEFAULTS);
    }

    @Test
    void aValueNoWindowCanHoldIsRefusedWithItsLine() {
        assertThatThrownBy(() -> DoctorConfig.parse("thresholds:\n  telemetryMinSamples: 1\n", "zpa-doctor.yaml"))
                .hasMessageContaining("zpa-doctor.yaml:2:").hasMessageContaining("one sample is a spike");
        assertThatThrownBy(() -> DoctorConfig.parse("thresholds:\n  telemetryWindowMinutes: 600\n", "zpa-doctor.yaml"))
                .hasMessageContaining("zpa-doctor.yaml:2:").hasMessageContaining("at most 6 hours");
        assertThatThrownBy(() -> DoctorConfig.parse("thresholds:\n  reconnect: 3\n", "zpa-doctor.yaml"))
                .hasMessageContaining("unknown threshold 'reconnect'").hasMessageContaining("reconnects");
    }

    @Test
    void fewerSamplesSufficeWhenTheConfigSaysSo() throws Exception {
        Facts twoSamples = BundleReader.read(SCENARIOS.resolve("res-010-too-few-samples")).toFacts();
        assertThat(Diagnoser.builder().build().diagnose(twoSamples).findings("ZPA-RES-010")).isEmpty();
        // two samples five minutes apart cover a five-minute window, not the default fifteen
        DoctorConfig two = DoctorConfig.parse("thresholds:\n  telemetryMinSamples: 2\n", "zpa-doctor.yaml");
        assertThat(Diagnoser.builder().config(two).build().diagnose(twoSamples).findings("ZPA-RES-010")).isEmpty();
        DoctorConfig shortWindow = DoctorConfig.parse(
                "thresholds:\n  telemetryMinSamples: 2\n  telemetryWindowMinutes: 5\n", "zpa-doctor.yaml");
        assertThat(Diagnoser.builder().config(shortWindow).build().diagnose(twoSamples).findings("ZPA-RES-010"))
                .hasSize(1);
    }
}
