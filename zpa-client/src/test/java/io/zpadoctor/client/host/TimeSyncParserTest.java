package io.zpadoctor.client.host;

import io.zpadoctor.model.host.ClockSync;
import io.zpadoctor.model.host.ClockTool;
import io.zpadoctor.model.host.ProbeProblem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.zpadoctor.client.host.Fixtures.file;
import static io.zpadoctor.client.host.Fixtures.malformed;
import static io.zpadoctor.client.host.Fixtures.notApplicable;
import static io.zpadoctor.client.host.Fixtures.one;
import static io.zpadoctor.client.host.Fixtures.parsed;
import static io.zpadoctor.client.host.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

class TimeSyncParserTest {
    final TimeSyncParser parser = new TimeSyncParser();

    static HostFile time(String fixture) {
        return file("time-sync.txt", "time-sync", fixture);
    }

    @Test
    void readsASynchronisedChrony() {
        ClockSync c = one(parser, time("chronyc-tracking-synced-aws.txt"), ClockSync.class);
        assertThat(c.tool()).isEqualTo(ClockTool.CHRONY);
        assertThat(c.synced()).isTrue();
        assertThat(c.offsetSeconds()).isEqualTo(-0.000012083); // slow: behind
        assertThat(c.lastOffsetSeconds()).isEqualTo(-0.000010470);
        assertThat(c.leapStatus()).isEqualTo("Normal");
        assertThat(c.referenceId()).isEqualTo("A9FEA97B (169.254.169.123)");
        assertThat(c.stratum()).isEqualTo(4);
        assertThat(c.line()).isEqualTo(5);
    }

    @Test
    void readsAnUnsynchronisedChrony() {
        ClockSync c = one(parser, time("chronyc-tracking-not-synchronised.txt"), ClockSync.class);
        assertThat(c.synced()).isFalse();
        assertThat(c.stratum()).isZero();
        assertThat(c.leapStatus()).isEqualTo("Not synchronised");
    }

    @Test
    void aClockMinutesBehindIsANegativeOffset() {
        ClockSync c = one(parser, time("chronyc-tracking-behind-746s.txt"), ClockSync.class);
        assertThat(c.offsetSeconds()).isEqualTo(-746.205114133);
        assertThat(c.absoluteOffsetSeconds()).isEqualTo(746.205114133);
        assertThat(c.synced()).isTrue();
    }

    @Test
    void chronydNotRunningIsAProblemNotAnOffset() {
        ClockSync c = one(parser, time("chronyc-506-cannot-talk-to-daemon.txt"), ClockSync.class);
        assertThat(c.problem()).isEqualTo("506 Cannot talk to daemon");
        assertThat(c.synced()).isNull();
        assertThat(c.offsetSeconds()).isNull();
    }

    @Test
    void readsTimedatectlOfBothGenerations() {
        ClockSync now = one(parser, time("timedatectl-rhel9-synced.txt"), ClockSync.class);
        assertThat(now.tool()).isEqualTo(ClockTool.TIMEDATECTL);
        assertThat(now.synced()).isTrue();
        assertThat(now.ntpServiceActive()).isTrue();
        assertThat(now.timeZone()).isEqualTo("Etc/UTC (UTC, +0000)");
        assertThat(now.offsetSeconds()).isNull();
        ClockSync old = one(parser, time("timedatectl-rhel7-not-synchronized.txt"), ClockSync.class);
        assertThat(old.synced()).isFalse();
        assertThat(old.ntpServiceActive()).isTrue();
        assertThat(old.timeZone()).isEqualTo("Europe/Berlin (CEST, +0200)");
    }

    @Test
    void bothCommandsInOneFileGiveTwoFacts() {
        String both = time("chronyc-tracking-synced-aws.txt").text() + time("timedatectl-rhel9-synced.txt").text();
        List<ClockSync> all = parsed(parser, text("time-sync.txt", both), ClockSync.class);
        assertThat(all).extracting(ClockSync::tool).containsExactly(ClockTool.CHRONY, ClockTool.TIMEDATECTL);
    }

    @Test
    void emptyOrAnotherCommandIsNotApplicable() {
        notApplicable(parser, text("time-sync.txt", ""));
        assertThat(notApplicable(parser, file("time-sync.txt", "df", "df-k-ubuntu.txt")).detail()).contains("df");
    }

    @Test
    void aGarbledSystemTimeIsMalformedNotZero() {
        ProbeProblem p = malformed(parser, time("chronyc-tracking-garbled-system-time.txt"));
        assertThat(p.line()).isEqualTo(3);
        assertThat(malformed(parser, text("time-sync.txt", "System clock synchronized: maybe\n")).line()).isEqualTo(1);
    }
}
