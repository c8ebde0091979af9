package io.zpadoctor.client.host;

import io.zpadoctor.model.host.KeyFileShape;
import io.zpadoctor.model.host.TlsProbe;
import io.zpadoctor.model.host.DnsLookup;
import io.zpadoctor.model.host.ServiceStatus;
import io.zpadoctor.model.host.ClockSync;
import io.zpadoctor.model.host.DiskUsage;
import io.zpadoctor.model.host.LogEvent;
import io.zpadoctor.model.host.LogEventKind;
import io.zpadoctor.model.host.PingResult;
import io.zpadoctor.model.host.StatusBlock;
import io.zpadoctor.model.host.TcpProbe;
import io.zpadoctor.model.host.UpgradeReach;
import io.zpadoctor.model.host.VarDirectory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inputs that broke a host parser's contract under fuzzing (or while writing the fuzz contract), fixed at the depth
 * they came from. Each input also stays in {@code HostParserFuzzTestInputs/<target>/}.
 */
class HostParserFuzzFixesTest {
    static final String DF = "Filesystem      Size  Used Avail Use% Mounted on\n/dev/sda1        10G  1G  9G  10% /\n";

    @Test
    void unterminatedTitleEscapeDoesNotEraseTheFile() {
        // a terminal title sequence whose BEL was lost in the copy used to swallow every line after it
        HostFile f = Fixtures.text("df.txt", "\u001B]0;root@ac-fra-3: ~\n" + DF);
        DiskUsage d = Fixtures.one(new DfParser(), f, DiskUsage.class);
        assertThat(d.mountedOn()).isEqualTo("/");
        assertThat(d.line()).isEqualTo(3);
    }

    @Test
    void titleEscapeAcrossALineBreakKeepsTheFileLineNumbers() {
        // the title's BEL on the next line used to join two lines, so every fact cited the line above its own
        HostFile f = Fixtures.text("df.txt", "\u001B]0;root@ac-fra-3: ~\n\u0007\n" + DF);
        DiskUsage d = Fixtures.one(new DfParser(), f, DiskUsage.class);
        assertThat(d.line()).isEqualTo(4);
    }

    static final String BLOCK = "Nov 08 02:30:53 ac-1 zpa-connector-child[6123]: -------- Connector Status:ID=72060411536474191"
            + ":Name=ac-1:Ver=18.87.1 --------\n";

    @Test
    void journalTimeSkewThatIsNoNumberIsUnknownNotMalformed() {
        // fuzzer, journal: "Time skew: + 1.2.3s" matched [\d.]+ and Double.parseDouble threw, losing the whole file
        HostFile f = Fixtures.text("journal.txt", BLOCK
                + "Nov 08 02:30:53 ac-1 zpa-connector-child[6123]: Time skew: + 1.2.3s\n"
                + "Nov 08 02:31:00 ac-1 zpa-connector-child[6123]: Connector- Time synchronized, Local time - 7.3.1s = cloud_time\n");
        JournalParser p = new JournalParser(HostParserFuzzTest.COLLECTED);
        StatusBlock b = Fixtures.one(p, f, StatusBlock.class);
        assertThat(b.timeSkewSeconds()).isNull();
        assertThat(Fixtures.parsed(p, f, LogEvent.class)).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(LogEventKind.TIME_SYNCHRONIZED);
            assertThat(e.seconds()).isNull();
        });
    }

    @Test
    void journalNumbersPastSixtyFourBitsAreUnknownNotMalformed() {
        // found beside the skew bug: RTT, disconnect, uptime and HTTP status digits overflowed Long/Integer.valueOf
        String nine = "9".repeat(25);
        HostFile f = Fixtures.text("journal.txt", BLOCK
                + "Nov 08 02:30:53 ac-1 zpa-connector-child[6123]: Broker control connection, state fohh_connection_connected,"
                + " [10.1.81.40]:45316;broker6-1.bom6.prod.zpath.net:[165.225.121.224]:443;4 uptime " + nine + "D:8S,"
                + " RTT (tcp|app): " + nine + "|1 us, disconnect_duration_s " + nine + "\n"
                + "Nov 08 02:31:00 ac-1 zpa-connector-child[6123]: Login request failed - http status(" + nine + ")\n");
        JournalParser p = new JournalParser(HostParserFuzzTest.COLLECTED);
        StatusBlock b = Fixtures.one(p, f, StatusBlock.class);
        assertThat(b.uptimeSeconds()).isNull();
        assertThat(b.rttTcpMicros()).isNull();
        assertThat(b.rttAppMicros()).isEqualTo(1L);
        assertThat(b.disconnectDurationSeconds()).isNull();
        assertThat(Fixtures.parsed(p, f, LogEvent.class)).singleElement()
                .satisfies(e -> assertThat(e.httpStatus()).isNull());
    }

    @Test
    void dfByteBlocksHeaderIsReadNotIllegalState() {
        // fuzzer, df: HEADER admitted "1B-blocks" (df -B1) but the unit reader knew only K, M, G and T
        HostFile f = Fixtures.text("df.txt", "Filesystem     1B-blocks      Used  Available Use% Mounted on\n"
                + "/dev/sda1     10737418240 1073741824 9663676416  10% /\n");
        DiskUsage d = Fixtures.one(new DfParser(), f, DiskUsage.class);
        assertThat(d.sizeMb()).isEqualTo(10240L);
    }

    @Test
    void dfBlockSizePastSixtyFourBitsIsMalformedNotNumberFormat() {
        // fuzzer, df: a block size of 112 digits went to Long.parseLong
        HostFile f = Fixtures.text("df.txt", "Filesystem " + "8".repeat(40) + "1024-blocks Used Available Capacity Mounted on\n"
                + "/dev/sda1 1 1 1 1% /\n");
        assertThat(Fixtures.malformed(new DfParser(), f).detail()).startsWith("the header's block size is not one df prints");
        HostFile g = Fixtures.text("df.txt", "Filesystem 9000000000T-blocks Used Available Use% Mounted on\n/dev/sda1 1 1 1 1% /\n");
        assertThat(Fixtures.malformed(new DfParser(), g).detail()).startsWith("the header's block size is out of range");
    }

    @Test
    void carriageReturnBeforeAnEscapeCodeStaysItsOwnLineBreak() {
        // fuzzer, df: "\r" + colour code + "\n" became CRLF once the code was removed, so later lines moved up one
        HostFile f = Fixtures.text("df.txt", "x\r\u001B[0m\n" + DF);
        DiskUsage d = Fixtures.one(new DfParser(), f, DiskUsage.class);
        assertThat(d.line()).isEqualTo(4);
    }

    @Test
    void promptOfOnlySeparatorsIsNoPromptNotACrash() {
        // fuzzer, du: "$ ;" split into no word and ProbeText threw ArrayIndexOutOfBounds, so every parser said MALFORMED
        HostFile f = Fixtures.text("df.txt", "$ ;\n# |\n" + DF);
        assertThat(Fixtures.one(new DfParser(), f, DiskUsage.class).line()).isEqualTo(4);
    }

    @Test
    void psNegativeOrEndlessPercentageIsMalformedRowNotModelError() {
        // fuzzer, ps: "-0.4" in %MEM passed Sizes.decimal and the model's non-negative check threw IllegalArgument
        String header = "USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n";
        HostFile f = Fixtures.text("ps-mem.txt", header + "root           1  0.0 -0.4 171888 13480 ?        Ss   Jul14   0:41 /sbin/init\n");
        assertThat(Fixtures.malformed(new PsParser(io.zpadoctor.model.host.ProcessSort.MEMORY), f).line()).isEqualTo(2);
        HostFile g = Fixtures.text("ps-cpu.txt", header + "root           1  " + "9".repeat(400) + " 0.4 171888 13480 ?        Ss   Jul14   0:41 /sbin/init\n");
        assertThat(Fixtures.malformed(new PsParser(io.zpadoctor.model.host.ProcessSort.CPU), g).line()).isEqualTo(2);
    }

    // Review, same class as the journal's and df's findings (regex digits into Integer/Long.valueOf), fixed before
    // these parsers' fuzzing runs.
    static final String HUGE = "9".repeat(25);

    @Test
    void pingCountsPastIntAreUnknownNotMalformed() {
        HostFile f = Fixtures.text("ping-broker.txt", "PING b.prod.zpath.net (165.225.112.252) 56(84) bytes of data.\n"
                + HUGE + " packets transmitted, 4 received, 0.0.0% packet loss, time 3005ms\n"
                + "rtt min/avg/max/mdev = 1.2/1.2.1/1.2/0.0 ms\n");
        PingResult p = Fixtures.one(new PingParser(), f, PingResult.class);
        assertThat(p.transmitted()).isNull();
        assertThat(p.received()).isEqualTo(4);
        assertThat(p.lossPercent()).isNull();
        assertThat(p.rttAvgMs()).isNull();
    }

    @Test
    void tcpProbePortPastIntIsUnknownNotMalformed() {
        HostFile f = Fixtures.text("tcp-broker.txt", "165.225.72.38:" + HUGE + " open\n");
        TcpProbe t = Fixtures.one(new TcpProbeParser(), f, TcpProbe.class);
        assertThat(t.target()).isEqualTo("165.225.72.38");
        assertThat(t.port()).isNull();
    }

    @Test
    void timeSyncOffsetThatIsNoNumberIsMalformedAtItsLine() {
        HostFile f = Fixtures.text("time-sync.txt", "Reference ID    : A9FEA97B (169.254.169.123)\nStratum         : 4\n"
                + "System time     : 0.0.1 seconds slow of NTP time\nLeap status     : Normal\n");
        assertThat(Fixtures.malformed(new TimeSyncParser(), f).line()).isEqualTo(3);
        HostFile g = Fixtures.text("time-sync.txt", "Reference ID    : A9FEA97B (169.254.169.123)\n"
                + "System time     : 0.000012083 seconds slow of NTP time\nLast offset     : -. seconds\n");
        assertThat(Fixtures.malformed(new TimeSyncParser(), g).line()).isEqualTo(3);
        HostFile ok = Fixtures.text("time-sync.txt", "System time     : 0.5 seconds fast of NTP time\nLeap status     : Normal\n");
        assertThat(Fixtures.one(new TimeSyncParser(), ok, ClockSync.class).offsetSeconds()).isEqualTo(0.5);
    }

    @Test
    void upgradeReachCurlExitCodePastIntIsUnknown() {
        HostFile f = Fixtures.text("upgrade-reach.txt", "curl: (" + HUGE + ") Could not resolve host: dist.private.zscaler.com\n"
                + "dist.private.zscaler.com 000\n");
        UpgradeReach u = Fixtures.one(new UpgradeReachParser(), f, UpgradeReach.class);
        assertThat(u.curlExitCode()).isNull();
        assertThat(u.reachable()).isFalse();
    }

    @Test
    void optZscalerVarImageSizePastLongIsUnknown() {
        HostFile f = Fixtures.text("opt-zscaler-var.txt", "total 8\n"
                + "drwxr-xr-x. 4 zscaler zscaler     4096 Jul 18 10:31 .\n"
                + "-rw-r--r--. 1 zscaler zscaler " + HUGE + " Jul 17 02:10 image.bin\n");
        VarDirectory v = Fixtures.one(new OptZscalerVarParser(), f, VarDirectory.class);
        assertThat(v.imageBin()).isTrue();
        assertThat(v.imageBinSizeBytes()).isNull();
    }

    @Test
    void systemctlMainPidPastIntIsUnknownNotNumberFormatException() {
        // fuzzer, systemctlStatus: "Main PID: 1133...382" went into Integer.valueOf
        String raw = Fixtures.read("systemctl-status", "systemctl-ascii-tree-lang-c.txt").replace("Main PID: 1182", "Main PID: " + HUGE);
        ServiceStatus s = Fixtures.one(new SystemctlStatusParser(), Fixtures.text("systemctl-status.txt", raw), ServiceStatus.class);
        assertThat(s.mainPid()).isNull();
        assertThat(s.state()).isEqualTo(io.zpadoctor.model.host.ServiceState.ACTIVE);
    }

    // Review after the systemctl finding: the other regex digits that went into Integer/Long.valueOf unbounded.
    @Test
    void digQueryTimePastIntIsUnknown() {
        String raw = Fixtures.read("dig", "dig-nxdomain.txt").replace(";; Query time: 2 msec", ";; Query time: " + HUGE + " msec");
        DnsLookup d = Fixtures.one(new DigParser(), Fixtures.text("dig-broker.txt", raw), DnsLookup.class);
        assertThat(d.queryTimeMsec()).isNull();
        assertThat(d.status()).isEqualTo(io.zpadoctor.model.host.DnsStatus.NXDOMAIN);
    }

    @Test
    void opensslVerifyCodePastIntIsUnknown() {
        String raw = Fixtures.read("openssl-s-client", "openssl-inspection-ca-self-signed.txt")
                .replace("verify error:num=19:", "verify error:num=" + HUGE + ":")
                .replace("Verify return code: 19 (", "Verify return code: " + HUGE + " (");
        TlsProbe t = Fixtures.one(new OpensslSClientParser(), Fixtures.text("tls-broker.txt", raw), TlsProbe.class);
        assertThat(t.verifyCode()).isNull();
        assertThat(t.issuer()).isNotNull();
    }

    @Test
    void provisionKeySizePastLongIsUnknown() {
        String raw = Fixtures.read("provision-key", "provision-key-stat-and-shape-ok.txt").replace("644 root root 87", "644 root root " + HUGE);
        KeyFileShape k = Fixtures.one(new ProvisionKeyParser(), Fixtures.text("provision-key.txt", raw), KeyFileShape.class);
        assertThat(k.sizeBytes()).isNull();
        assertThat(k.mode()).isEqualTo("644");
        assertThat(k.length()).isEqualTo(86);
    }

    @Test
    void memoryStatusMegabytesWithTwoPointsAreMalformedNotNumberFormatException() {
        // fuzzer, memoryStatus: "0.0.076mb" matched [\\d.]+ and went into Double.parseDouble
        HostFile f = Fixtures.text("memory-status.txt", "zthread_rusage: Alloc: 8501 1156136, Free: 8500 1156000, Drain: 0 0,"
                + " Out: 1 136 0.000mb Overhead: 0.001mb\nargo_log: Alloc: 18873 5702188, Free: 18872 5701889, Drain: 0 0,"
                + " Out: 1 299 0.0.076mb Overhead: 0.001mb\n");
        assertThat(Fixtures.malformed(new MemoryStatusParser(), f).line()).isEqualTo(2);
        HostFile g = Fixtures.text("memory-status.txt", "argo_log: Alloc: 18873 5702188, Free: 18872 5701889, Drain: 0 0,"
                + " Out: 1 299 0.076mb Overhead: 1..2mb\n");
        assertThat(Fixtures.malformed(new MemoryStatusParser(), g).line()).isEqualTo(1);
    }
}
