package io.zpadoctor.client.host;

import io.zpadoctor.model.host.ProbeProblem;
import io.zpadoctor.model.host.ProcessSort;
import io.zpadoctor.model.host.ProcessTable;
import io.zpadoctor.model.host.ProcessUsage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.zpadoctor.client.host.Fixtures.file;
import static io.zpadoctor.client.host.Fixtures.malformed;
import static io.zpadoctor.client.host.Fixtures.notApplicable;
import static io.zpadoctor.client.host.Fixtures.one;
import static io.zpadoctor.client.host.Fixtures.partial;
import static io.zpadoctor.client.host.Fixtures.parsed;
import static io.zpadoctor.client.host.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

class PsParserTest {
    final PsParser cpu = new PsParser(ProcessSort.CPU);
    final PsParser mem = new PsParser(ProcessSort.MEMORY);

    static HostFile ps(String probe, String fixture) {
        return file(probe, "ps", fixture);
    }

    @Test
    void readsAListingCutByHeadWithTheConnectorOnTop() {
        HostFile f = ps("ps-cpu.txt", "ps-cpu-head5-connector-on-top.txt");
        List<ProcessUsage> rows = parsed(cpu, f, ProcessUsage.class);
        assertThat(rows).hasSize(4);
        ProcessUsage child = rows.get(0);
        assertThat(child.rank()).isEqualTo(1);
        assertThat(child.user()).isEqualTo("zscaler");
        assertThat(child.pid()).isEqualTo(14216);
        assertThat(child.cpuPercent()).isEqualTo(312.0);
        assertThat(child.memPercent()).isEqualTo(22.6);
        assertThat(child.vszKb()).isEqualTo(2688728);
        assertThat(child.rssKb()).isEqualTo(845876);
        assertThat(child.command()).isEqualTo("zpa-connector-child");
        assertThat(child.connectorChild()).isTrue();
        assertThat(child.sortedBy()).isEqualTo(ProcessSort.CPU);
        assertThat(child.line()).isEqualTo(3);
        assertThat(rows.get(1).command()).isEqualTo("/usr/bin/python3 -s /usr/sbin/firewalld --nofork --nopid");
        assertThat(rows.get(1).thirdParty()).isTrue();
        assertThat(rows.get(2).connectorManager()).isTrue();
        ProcessTable table = one(cpu, f, ProcessTable.class);
        assertThat(table.rows()).isEqualTo(4);
        assertThat(table.truncated()).isTrue();
        assertThat(table.sortedBy()).isEqualTo(ProcessSort.CPU);
        assertThat(table.connectorChildListed()).isTrue();
        assertThat(table.line()).isEqualTo(2);
    }

    @Test
    void readsTheRunbooksMemoryListingWithAThirdPartyAgentOnTop() {
        HostFile f = ps("ps-mem.txt", "ps-mem-head5-third-party-agent.txt");
        List<ProcessUsage> rows = parsed(mem, f, ProcessUsage.class);
        assertThat(rows.get(0).command()).isEqualTo("/opt/omi/bin/omiagent");
        assertThat(rows.get(0).memPercent()).isEqualTo(84.7);
        assertThat(rows.get(0).rssKb()).isEqualTo(13783844);
        assertThat(rows.get(0).thirdParty()).isTrue();
        assertThat(rows.get(1).connectorChild()).isTrue();
        assertThat(rows.get(0).sortedBy()).isEqualTo(ProcessSort.MEMORY);
        assertThat(one(mem, f, ProcessTable.class).truncated()).isTrue();
    }

    @Test
    void aWholeListingIsNotTruncatedAndMayLackTheChild() {
        HostFile f = ps("ps-cpu.txt", "ps-cpu-full-listing-no-child.txt");
        ProcessTable t = one(cpu, f, ProcessTable.class);
        assertThat(t.truncated()).isFalse();
        assertThat(t.connectorChildListed()).isFalse();
        assertThat(t.rows()).isEqualTo(6);
        List<ProcessUsage> rows = parsed(cpu, f, ProcessUsage.class);
        assertThat(rows.get(0).command()).isEqualTo("/opt/CrowdStrike/falcon-sensor");
        assertThat(rows.get(4).command()).isEqualTo("[kthreadd]");
    }

    @Test
    void rowsOutOfOrderAreRankedByWhatTheyShow() {
        // blind corpus b-res-003: two rows out of order must not hide the connector's 71 % of memory
        HostFile f = ps("ps-cpu.txt", "ps-aux-unsorted.txt");
        List<ProcessUsage> rows = parsed(cpu, f, ProcessUsage.class);
        assertThat(rows).allMatch(r -> r.sortedBy() == ProcessSort.CPU);
        ProcessUsage top = rows.stream().filter(r -> r.rank() == 1).findFirst().orElseThrow();
        assertThat(top.cpuPercent()).isEqualTo(rows.stream().mapToDouble(ProcessUsage::cpuPercent).max().orElseThrow());
    }

    @Test
    void aLastRowCutInTheMiddleIsNotReadAsAnotherProcess() {
        String whole = "USER PID %CPU %MEM VSZ RSS TTY STAT START TIME COMMAND\n"
                + "zscaler 1190 95.0 5.2 2897140 416344 ? Sl Jul15 15902:44 zpa-connector-child\n";
        ParseResult r = partial(cpu, text("ps-cpu.txt", "USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n"
                + "zscaler     1190 95.0  5.2 2897140 416344 ?        Sl   Jul15 15902:44 zpa-conn"));
        assertThat(r.factsOf(ProcessUsage.class)).isEmpty();
        assertThat(parsed(cpu, text("ps-cpu.txt", whole), ProcessUsage.class)).hasSize(1);
    }

    @Test
    void aPastedSortOptionWinsOverTheFileName() {
        HostFile f = text("ps-cpu.txt", ps("ps-mem.txt", "ps-mem-head5-third-party-agent.txt").text());
        assertThat(one(cpu, f, ProcessTable.class).sortedBy()).isEqualTo(ProcessSort.MEMORY);
    }

    @Test
    void emptyTopOrAnotherCommandIsNotApplicable() {
        notApplicable(cpu, text("ps-cpu.txt", ""));
        assertThat(notApplicable(cpu, ps("ps-cpu.txt", "top-batch-pasted.txt")).detail()).contains("top");
        assertThat(notApplicable(cpu, text("ps-cpu.txt", "$ top -b -n 1\nwhatever\n")).detail()).contains("top -b -n 1");
    }

    @Test
    void aCutLastRowLeavesTheRowsAboveItAndAMalformedRowIsNoRow() {
        // a paste cut in its last row: the rows above it stand, the file is read in part (the encoding fuzz target
        // found the whole file thrown away, while the same paste cut one row earlier was read)
        ParseResult r = partial(cpu, ps("ps-cpu.txt", "ps-cpu-row-cut.txt"));
        assertThat(r.problem().line()).isEqualTo(3);
        assertThat(r.problem().detail()).contains("11 columns");
        assertThat(r.factsOf(ProcessUsage.class)).extracting(ProcessUsage::pid).containsExactly(14216);
        ProbeProblem bad = malformed(cpu, text("ps-cpu.txt",
                "USER PID %CPU %MEM VSZ RSS TTY STAT START TIME COMMAND\nroot 1 n/a 0.3 174908 13524 ? Ss Jul14 0:21 /usr/lib/systemd/systemd\n"));
        assertThat(bad.line()).isEqualTo(2);
        assertThat(malformed(cpu, text("ps-cpu.txt", "not a process table\n")).line()).isEqualTo(1);
    }
}
