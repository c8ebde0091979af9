package io.zpadoctor.client.host;

import io.zpadoctor.model.host.ProbeProblem;
import io.zpadoctor.model.host.ServiceState;
import io.zpadoctor.model.host.ServiceStatus;
import org.junit.jupiter.api.Test;

import static io.zpadoctor.client.host.Fixtures.file;
import static io.zpadoctor.client.host.Fixtures.malformed;
import static io.zpadoctor.client.host.Fixtures.notApplicable;
import static io.zpadoctor.client.host.Fixtures.one;
import static io.zpadoctor.client.host.Fixtures.partial;
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
        ParseResult r = partial(parser, text("systemctl-status.txt",
                "   Active: active (running) since Tue 2025-07-15 08:01:12 UTC; 3 days ago\n"));
        ServiceStatus s = r.factsOf(ServiceStatus.class).get(0);
        assertThat(s.parentRunning()).isNull();
        assertThat(s.childRunning()).isNull();
        assertThat(r.problem().detail()).contains("stops before the CGroup list");
    }

    /** The healthy status of zpa-domain.md 5.1, as pasted whole. */
    private static final String HEALTHY = """
            ● zpa-connector.service - Zscaler Private Access App Connector
               Loaded: loaded (/usr/lib/systemd/system/zpa-connector.service; enabled; vendor preset: enabled)
               Active: active (running) since Tue 2025-07-15 08:01:12 UTC; 3 days ago
             Main PID: 1182 (zpa-connector)
               CGroup: /system.slice/zpa-connector.service
                       ├─1182 /opt/zscaler/bin/zpa-connector
                       └─1190 zpa-connector-child
            """;

    @Test
    void aTreeCutBeforeTheChildLeavesTheChildUnknownNotMissing() {
        String cut = HEALTHY.substring(0, HEALTHY.indexOf("└"));   // after the ├─ line: more entries were to come
        ParseResult r = partial(parser, text("systemctl-status.txt", cut));
        ServiceStatus s = r.factsOf(ServiceStatus.class).get(0);
        assertThat(s.parentRunning()).isTrue();
        assertThat(s.childRunning()).isNull();
        String midLine = HEALTHY.substring(0, HEALTHY.indexOf("zpa-connector-child") + 8);  // "└─1190 zpa-conn"
        assertThat(partial(parser, text("systemctl-status.txt", midLine)).factsOf(ServiceStatus.class).get(0)
                .childRunning()).isNull();
    }

    @Test
    void aWholeTreeWithoutTheChildSaysTheChildIsNotRunning() {
        // zpa-domain.md 5.11: only the parent, marked as the tree's last entry
        ServiceStatus s = one(parser, text("systemctl-status.txt", HEALTHY.replace("├─1182", "└─1182")
                .replace("                   └─1190 zpa-connector-child\n", "")), ServiceStatus.class);
        assertThat(s.childRunning()).isFalse();
        assertThat(s.parentRunning()).isTrue();
    }

    @Test
    void treeCharactersGarbledByACopyAreReadNotTakenForAMissingChild() {
        // issue 14: UTF-8 tree characters read as cp1252 (â””â”€), or lost to ?? in a paste
        for (String garbled : new String[] {"â”œâ”€", "??"}) {
            String text = HEALTHY.replace("├─", garbled).replace("└─", garbled.equals("??") ? "??" : "â””â”€");
            ServiceStatus s = parser.parse(text("systemctl-status.txt", text)).factsOf(ServiceStatus.class).get(0);
            assertThat(s.childRunning()).as(garbled).isTrue();
            assertThat(s.healthy()).as(garbled).isTrue();
        }
        String ellipsized = HEALTHY.replace("zpa-connector-child", "zpa-connector-ch\u2026");
        assertThat(partial(parser, text("systemctl-status.txt", ellipsized)).factsOf(ServiceStatus.class).get(0)
                .childRunning()).isNull();
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
