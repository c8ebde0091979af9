package io.zpadoctor.model.telemetry;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TelemetryWindowsTest {
    static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");

    static MetricsRecord metrics(int minute, Integer cpu, Long disk) {
        return new MetricsRecord(T0.plusSeconds(minute * 60L), "ac-1", null, cpu, 40, 10, disk, 9, 9, 100, 27000,
                1000L, 10L, 1000L, 10L, 2, 0, "lss/metrics.log", minute + 1);
    }

    static StatusRecord status(int minute, SessionStatus s, Instant session) {
        return new StatusRecord(T0.plusSeconds(minute * 60L), "ac-1", "DC1", s, s.name(), null, null, null, null,
                "25.44.6", null, session, null, null, null, "lss/status.log", minute + 1);
    }

    @Test
    void oneSpikeIsNotSustainedEverySampleOfTheWindowIs() {
        TelemetryWindows w = new TelemetryWindows();
        for (int m = 0; m <= 60; m += 5) {
            w.accept(metrics(m, m == 60 ? 99 : 30, null));
        }
        WindowStat spike = w.summary("ac-1", TelemetryThresholds.DEFAULTS, 80).cpu();
        assertThat(spike.samples()).isEqualTo(4);          // minutes 45, 50, 55, 60 within 15 minutes of 60
        assertThat(spike.above()).isEqualTo(1);
        assertThat(spike.sustained(3)).isFalse();
        assertThat(spike.max()).isEqualTo(99);
        for (int m = 65; m <= 80; m += 5) {
            w.accept(metrics(m, 91, null));
        }
        WindowStat hot = w.summary("AC-1", TelemetryThresholds.DEFAULTS, 80).cpu();
        assertThat(hot.sustained(3)).isTrue();
        // the window at minute 80 holds minutes 65-80: the spike at 60 has left it
        assertThat(hot.aboveSince()).isEqualTo(T0.plusSeconds(65 * 60));
        assertThat(hot.aboveMinutes(w.watermark())).isEqualTo(15);
    }

    @Test
    void samplesFromPartOfTheWindowAreNotSustainedHowEverHigh() {
        // six minutes of records at 95 %: three samples, but nothing is known of the window's first nine minutes
        TelemetryWindows w = new TelemetryWindows();
        w.accept(metrics(0, 95, null));
        w.accept(metrics(5, 96, null));
        w.accept(metrics(6, 97, null));
        WindowStat cut = w.summary("ac-1", TelemetryThresholds.DEFAULTS, 80).cpu();
        assertThat(cut.samples()).isEqualTo(3);
        assertThat(cut.above()).isEqualTo(3);
        assertThat(cut.coversWindow()).isFalse();
        assertThat(cut.sustained(3)).isFalse();
        // from ten minutes on, the first sample is within one reporting interval of the window's start
        for (int m = 10; m <= 15; m += 5) {
            w.accept(metrics(m, 95, null));
        }
        assertThat(w.summary("ac-1", TelemetryThresholds.DEFAULTS, 80).cpu().sustained(3)).isTrue();
    }

    @Test
    void theDiskTrendIsTheSlopeOfTheTrendWindow() {
        TelemetryWindows w = new TelemetryWindows();
        long gb = 1L << 30;
        for (int m = 0; m <= 60; m += 10) {
            w.accept(metrics(m, 10, 2 * gb - m * (gb / 60)));  // a gigabyte an hour
        }
        ConnectorTelemetry t = w.summary("ac-1", TelemetryThresholds.DEFAULTS, 80);
        assertThat(t.diskBytesPerHour()).isCloseTo(-(double) (gb / 60) * 60, within(1e6));
        assertThat(t.hoursToDiskFloor(100L << 20)).isCloseTo((gb - (100L << 20)) / (double) gb, within(0.01));
        assertThat(t.availableDiskBytes()).isEqualTo(2 * gb - 60 * (gb / 60));
    }

    @Test
    void sessionsAreCountedOnceAtTheirStartAndFailuresWithinTheTrendWindow() {
        TelemetryWindows w = new TelemetryWindows();
        for (int m = 0; m < 60; m += 5) {
            // a status record every 5 minutes, a new session every 15
            w.accept(status(m, SessionStatus.AUTHENTICATED, T0.plusSeconds((m / 15) * 900L)));
        }
        w.accept(status(61, SessionStatus.AUTH_FAILED, null));
        w.accept(status(62, SessionStatus.AUTH_FAILED, null));
        ConnectorTelemetry t = w.summary("ac-1", TelemetryThresholds.DEFAULTS, 80);
        // sessions began at minutes 0, 15, 30 and 45; the hour before minute 62 holds the last three
        assertThat(t.reconnects()).isEqualTo(3);
        assertThat(t.authFailures()).isEqualTo(2);
        assertThat(t.lastStatus()).isEqualTo(SessionStatus.AUTH_FAILED);
        assertThat(t.group()).isEqualTo("DC1");
    }

    @Test
    void memoryStaysBoundedWhateverTheFeedAndOldRecordsNeverReplaceTheLatest() {
        TelemetryWindows w = new TelemetryWindows();
        for (int i = 0; i < 10_000; i++) {
            w.accept(metrics(100, 50, 5L));   // a flood at one instant
        }
        assertThat(w.cpuSamplesKept("ac-1")).isEqualTo(TelemetryWindows.CAPACITY);
        // records of one moment are one sample, however many came
        assertThat(w.summary("ac-1", TelemetryThresholds.DEFAULTS, 80).cpu().samples()).isEqualTo(1);
        w.accept(metrics(99, 95, 1L));        // late and older: joins the series, replaces no latest value
        assertThat(w.summary("ac-1", TelemetryThresholds.DEFAULTS, 80).availableDiskBytes()).isEqualTo(5L);
        w.accept(metrics(500, 10, 7L));       // more than six hours on: everything kept before is gone
        assertThat(w.summary("ac-1", TelemetryThresholds.DEFAULTS, 80).cpu().samples()).isEqualTo(1);
    }

    @Test
    void aStatusAndAMetricsRecordOfOneMomentAreOneSample() {
        TelemetryWindows w = new TelemetryWindows();
        // two reporting moments ten minutes apart, each with a Metrics record and a Status record seconds later
        for (int at : new int[] {0, 600}) {
            w.accept(new MetricsRecord(T0.plusSeconds(at), "ac-1", null, 95, 40, 10, 1L, 9, 9, null, null,
                    null, null, null, null, null, null, "m", at));
            w.accept(new StatusRecord(T0.plusSeconds(at + 7), "ac-1", null, SessionStatus.AUTHENTICATED,
                    "AUTHENTICATED", 97, 40, null, null, "25.44.6", null, null, null, null, null, "s", at + 1));
        }
        WindowStat cpu = w.summary("ac-1", TelemetryThresholds.DEFAULTS, 80).cpu();
        assertThat(cpu.samples()).as("two moments, four records").isEqualTo(2);
        assertThat(cpu.max()).isEqualTo(97.0);
        assertThat(cpu.sustained(TelemetryThresholds.DEFAULTS.minSamples())).as("two moments are no sustained load").isFalse();
        // a third moment makes three samples: now it is
        w.accept(new MetricsRecord(T0.plusSeconds(300), "ac-1", null, 90, 40, 10, 1L, 9, 9, null, null,
                null, null, null, null, null, null, "m", 9));
        assertThat(w.summary("ac-1", TelemetryThresholds.DEFAULTS, 80).cpu().samples()).isEqualTo(3);
    }

    @Test
    void targetsDownSinceTheFirstRecordThatShowedIt() {
        TelemetryWindows w = new TelemetryWindows();
        w.accept(metrics(0, 10, 1L));
        MetricsRecord down = new MetricsRecord(T0.plusSeconds(300), "ac-1", null, 10, 40, 10, 1L, 9, 6, null, null,
                null, null, null, null, null, null, "m", 2);
        w.accept(down);
        w.accept(new MetricsRecord(T0.plusSeconds(600), "ac-1", null, 10, 40, 10, 1L, 9, 5, null, null,
                null, null, null, null, null, null, "m", 3));
        ConnectorTelemetry t = w.summary("ac-1", TelemetryThresholds.DEFAULTS, 80);
        assertThat(t.targetsDownSince()).isEqualTo(T0.plusSeconds(300));
        assertThat(t.aliveTargets()).isEqualTo(5);
        w.accept(metrics(15, 10, 1L));
        assertThat(w.summary("ac-1", TelemetryThresholds.DEFAULTS, 80).targetsDownSince()).isNull();
    }

    @Test
    void aConnectorsFirstMetricsRecordWithoutFileDescriptorsIsTakenNotThrown() {
        TelemetryWindows w = new TelemetryWindows();
        w.accept(new MetricsRecord(T0, "ac-2", null, 12, 40, null, null, null, null, null, null,
                null, null, null, null, null, null, "watch", 1));
        ConnectorTelemetry t = w.summary("ac-2", TelemetryThresholds.DEFAULTS, 80);
        assertThat(t).isNotNull();
        assertThat(t.processFdPercent()).isNull();
    }

    @Test
    void oneNameInTwoGroupsKeepsTwoSeriesAndGrouplessRecordsJoinTheOnlyGroup() {
        TelemetryWindows w = new TelemetryWindows();
        w.accept(metrics(0, 95, 100L));                 // no group yet: adopted by the name's first group below
        for (int m = 0; m <= 15; m += 5) {
            w.accept(new StatusRecord(T0.plusSeconds(m * 60L + 1), "ac-1", "DC1", SessionStatus.AUTHENTICATED,
                    "ZPN_STATUS_AUTHENTICATED", 95, 40, null, null, null, null, null, null, null, null, "s", m));
            w.accept(new StatusRecord(T0.plusSeconds(m * 60L + 2), "AC-1", "dc2", SessionStatus.AUTHENTICATED,
                    "ZPN_STATUS_AUTHENTICATED", 20, 40, null, null, null, null, null, null, null, null, "s", m));
        }
        assertThat(w.connectors()).isEqualTo(2);
        ConnectorTelemetry dc1 = w.summary("ac-1", "dc1", TelemetryThresholds.DEFAULTS, 80);
        ConnectorTelemetry dc2 = w.summary("ac-1", "DC2", TelemetryThresholds.DEFAULTS, 80);
        assertThat(dc1.group()).isEqualTo("DC1");
        assertThat(dc1.cpu().sustained(3)).isTrue();
        assertThat(dc1.availableDiskBytes()).as("the group-less Metrics before DC1 was named").isEqualTo(100L);
        assertThat(dc2.group()).isEqualTo("dc2");
        assertThat(dc2.cpu().max()).isEqualTo(20);
        assertThat(w.summary("ac-1", TelemetryThresholds.DEFAULTS, 80)).as("ambiguous by name alone").isNull();
        // with two groups named, a record without one belongs to neither
        w.accept(metrics(16, 50, 7L));
        assertThat(w.connectors()).isEqualTo(3);
        assertThat(w.summaries(TelemetryThresholds.DEFAULTS, 80)).extracting(ConnectorTelemetry::group)
                .containsExactly("DC1", "dc2", null);
        assertThat(w.summary("ac-1", "DC1", TelemetryThresholds.DEFAULTS, 80).availableDiskBytes()).isEqualTo(100L);
    }

    @Test
    void summariesAreWorkedOutAgainOnlyWhenARecordOrTheLimitsChangedAndStayInNameOrder() {
        TelemetryWindows w = new TelemetryWindows();
        w.accept(metrics(0, 90, null));
        java.util.List<ConnectorTelemetry> first = w.summaries(TelemetryThresholds.DEFAULTS, 80);
        assertThat(w.summaries(TelemetryThresholds.DEFAULTS, 80)).as("nothing new: the same answer").isSameAs(first);
        assertThat(w.summaries(TelemetryThresholds.DEFAULTS, 95).get(0).cpu().above()).isZero();
        assertThat(w.summaries(TelemetryThresholds.DEFAULTS, 80).get(0).cpu().above()).isEqualTo(1);
        w.accept(metrics(5, 91, null));
        assertThat(w.summaries(TelemetryThresholds.DEFAULTS, 80).get(0).cpu().samples()).isEqualTo(2);
        w.accept(new MetricsRecord(T0.plusSeconds(600), "AA-first", null, 10, 40, 10, null, 9, 9, 100, 27000,
                1000L, 10L, 1000L, 10L, 2, 0, "lss/metrics.log", 3));
        assertThat(w.summaries(TelemetryThresholds.DEFAULTS, 80)).extracting(ConnectorTelemetry::connector)
                .containsExactly("AA-first", "ac-1");
    }
}
