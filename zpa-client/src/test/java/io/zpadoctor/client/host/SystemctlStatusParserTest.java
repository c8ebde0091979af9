package io.zpadoctor.client.host;

import io.zpadoctor.model.host.ProbeProblem;
import io.zpadoctor.model.host.ServiceState;
import io.zpadoctor.model.host.ServiceStatus;
import org.junit.jupiter.api.Test;

import static io.zpadoctor.client.host.Fixtures.file;
import static io.zpadoctor.client.host.Fixtures.malformed;
import static io.zpadoctor.client.host.Fixtures.notApplicable;
import static io.zpadoctor.client.host.Fixtures.one;
import static io.zpadoctor.client.host.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

class SystemctlStatusParserTest {
    final SystemctlStatusParser parser = new SystemctlStatusParser();

    static HostFile status(String fixture) {
        return file("systemctl-status.txt", "systemctl-status", fixture);
    }

    @Test
    void aHealthyServiceListsBothProcesses() {
        ServiceStatus s = one(parser, status("systemctl-healthy-rhel8.txt"), ServiceStatus.class);
        assertThat(s.state()).isEqualTo(ServiceState.ACTIVE);
        assertThat(s.stateText()).isEqualTo("active (running)");
        assertThat(s.subState()).isEqualTo("running");
        assertThat(s.parentRunning()).isTrue();
        assertThat(s.childRunning()).isTrue();
        assertThat(s.mainPid()).isEqualTo(1182);
        assertThat(s.since()).isEqualTo("Tue 2025-07-15 08:01:12 UTC");
        assertThat(s.healthy()).isTrue();
        assertThat(s.line()).isEqualTo(4);
    }

    @Test
    void onlyTheParentMeansTheChildIsNotRunning() {
        ServiceStatus s = one(parser, status("systemctl-parent-only.txt"), ServiceStatus.class);
        assertThat(s.state()).isEqualTo(ServiceState.ACTIVE);
        assertThat(s.parentRunning()).isTrue();
        assertThat(s.childRunning()).isFalse();
        assertThat(s.healthy()).isFalse();
    }

    @Test
    void readsTheAsciiTree() {
        ServiceStatus s = one(parser, status("systemctl-ascii-tree-lang-c.txt"), ServiceStatus.class);
        assertThat(s.parentRunning()).isTrue();
        assertThat(s.childRunning()).isTrue();
    }

    @Test
    void stoppedFailedAndRestartingServicesRunNoProcess() {
        ServiceStatus dead = one(parser, status("systemctl-inactive-dead-help-page.txt"), ServiceStatus.class);
        assertThat(dead.state()).isEqualTo(ServiceState.INACTIVE);
        assertThat(dead.subState()).isEqualTo("dead");
        assertThat(dead.childRunning()).isFalse();
        assertThat(dead.mainPid()).isEqualTo(2696);
        ServiceStatus failed = one(parser, status("systemctl-failed-rhel9.txt"), ServiceStatus.class);
        assertThat(failed.state()).isEqualTo(ServiceState.FAILED);
        assertThat(failed.subState()).isEqualTo("Result: exit-code");
        assertThat(failed.since()).isEqualTo("Fri 2025-07-18 10:41:02 UTC");
        assertThat(failed.parentRunning()).isFalse();
        ServiceStatus restarting = one(parser, status("systemctl-activating-auto-restart.txt"), ServiceStatus.class);
        assertThat(restarting.state()).isEqualTo(ServiceState.ACTIVATING);
        assertThat(restarting.subState()).isEqualTo("auto-restart");
        assertThat(restarting.childRunning()).isFalse();
    }

    @Test
    void anActiveServiceWithoutItsProcessListIsUnknownNotDown() {
        ServiceStatus s = one(parser, text("systemctl-status.txt",
                "   Active: active (running) since Tue 2025-07-15 08:01:12 UTC; 3 days ago\n"), ServiceStatus.class);
        assertThat(s.parentRunning()).isNull();
        assertThat(s.childRunning()).isNull();
    }

    @Test
    void aMissingUnitIsNotFound() {
        ServiceStatus s = one(parser, status("systemctl-unit-not-found.txt"), ServiceStatus.class);
        assertThat(s.state()).isEqualTo(ServiceState.NOT_FOUND);
        assertThat(s.childRunning()).isFalse();
        assertThat(s.line()).isEqualTo(2);
    }

    @Test
    void anotherUnitEmptyOrAnotherCommandIsNotApplicable() {
        assertThat(notApplicable(parser, status("systemctl-chronyd-pasted.txt")).detail()).contains("chronyd.service");
        notApplicable(parser, text("systemctl-status.txt", ""));
        assertThat(notApplicable(parser, file("systemctl-status.txt", "ps", "ps-aux-unsorted.txt")).detail()).contains("ps aux");
    }

    @Test
    void outputCutBeforeTheActiveLineIsMalformed() {
        ProbeProblem p = malformed(parser, status("systemctl-cut-before-active.txt"));
        assertThat(p.line()).isEqualTo(1);
        assertThat(p.detail()).contains("Active:");
        assertThat(malformed(parser, text("systemctl-status.txt", "the service seems fine\n")).line()).isEqualTo(1);
    }
}
