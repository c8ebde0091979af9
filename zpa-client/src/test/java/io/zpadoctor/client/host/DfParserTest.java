package io.zpadoctor.client.host;

import io.zpadoctor.model.host.DiskUsage;
import io.zpadoctor.model.host.ProbeProblem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.zpadoctor.client.host.Fixtures.file;
import static io.zpadoctor.client.host.Fixtures.malformed;
import static io.zpadoctor.client.host.Fixtures.notApplicable;
import static io.zpadoctor.client.host.Fixtures.parsed;
import static io.zpadoctor.client.host.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

class DfParserTest {
    final DfParser parser = new DfParser();

    static HostFile df(String fixture) {
        return file("df.txt", "df", fixture);
    }

    static DiskUsage mount(List<DiskUsage> rows, String mount) {
        return rows.stream().filter(d -> d.mountedOn().equals(mount)).findFirst().orElseThrow();
    }

    @Test
    void readsHumanSizesOfDfHPOnRhel9() {
        List<DiskUsage> rows = parsed(parser, df("df-hP-rhel9-root-almost-full.txt"), DiskUsage.class);
        assertThat(rows).hasSize(6);
        DiskUsage root = mount(rows, "/");
        assertThat(root.filesystem()).isEqualTo("/dev/mapper/rhel-root");
        assertThat(root.sizeMb()).isEqualTo(14336);
        assertThat(root.availableMb()).isEqualTo(64);
        assertThat(root.usePercent()).isEqualTo(100);
        assertThat(root.approximate()).isTrue();
        assertThat(root.line()).isEqualTo(6);
        assertThat(root.source()).isEqualTo("hosts/ac-fra-3/df.txt");
        assertThat(mount(rows, "/boot").sizeMb()).isEqualTo(1014);
        assertThat(mount(rows, "/run").usedMb()).isEqualTo(9); // 8.6M rounded
        assertThat(root.holds("/opt/zscaler/var")).isTrue();
    }

    @Test
    void joinsALongDeviceNameWrappedOntoItsOwnLine() {
        List<DiskUsage> rows = parsed(parser, df("df-h-long-device-wrapped.txt"), DiskUsage.class);
        assertThat(rows).extracting(DiskUsage::mountedOn).containsExactly("/", "/dev/shm", "/boot", "/var");
        DiskUsage root = mount(rows, "/");
        assertThat(root.filesystem()).isEqualTo("/dev/mapper/vg_zpaconnector01-lv_root");
        assertThat(root.line()).isEqualTo(4);
        assertThat(root.availableMb()).isEqualTo(5222); // 5.1G
        DiskUsage var = mount(rows, "/var");
        assertThat(var.filesystem()).isEqualTo("/dev/mapper/vg_zpaconnector01-lv_var");
        assertThat(var.availableMb()).isZero();
        assertThat(var.usePercent()).isEqualTo(100);
    }

    @Test
    void readsKibibyteBlocksOfDfK() {
        List<DiskUsage> rows = parsed(parser, df("df-k-ubuntu.txt"), DiskUsage.class);
        DiskUsage root = mount(rows, "/");
        assertThat(root.sizeMb()).isEqualTo(29587); // 30297152 KiB
        assertThat(root.availableMb()).isEqualTo(18557);
        assertThat(root.approximate()).isFalse();
        assertThat(mount(rows, "/snap/core20/2318").availableMb()).isZero();
    }

    @Test
    void aDashIsNeverANumberAndMountPointsKeepTheirSpaces() {
        List<DiskUsage> rows = parsed(parser, df("df-aP-pseudo-filesystems-dash.txt"), DiskUsage.class);
        DiskUsage binfmt = mount(rows, "/proc/sys/fs/binfmt_misc");
        assertThat(binfmt.sizeMb()).isNull();
        assertThat(binfmt.usedMb()).isNull();
        assertThat(binfmt.availableMb()).isNull();
        assertThat(binfmt.usePercent()).isNull();
        assertThat(mount(rows, "/sys").usePercent()).isNull();
        assertThat(mount(rows, "/sys").sizeMb()).isZero();
        assertThat(mount(rows, "/V M T o o l s").filesystem()).isEqualTo("/dev/sdb1");
        assertThat(mount(rows, "/").usePercent()).isEqualTo(12);
    }

    @Test
    void readsTheTypeColumnOfDfT() {
        List<DiskUsage> rows = parsed(parser, df("df-hT-opt-separate-mount.txt"), DiskUsage.class);
        DiskUsage opt = mount(rows, "/opt");
        assertThat(opt.filesystem()).isEqualTo("/dev/mapper/rhel-opt");
        assertThat(opt.availableMb()).isEqualTo(96);
        assertThat(opt.holds("/opt/zscaler")).isTrue();
        assertThat(mount(rows, "/").holds("/opt/zscaler")).isTrue(); // rules take the longest mount
        assertThat(mount(rows, "/boot").holds("/opt/zscaler")).isFalse();
    }

    @Test
    void skipsNotesAndSeparatorsAroundTheTable() {
        List<DiskUsage> rows = parsed(parser, df("df-h-runbook-with-separators.txt"), DiskUsage.class);
        assertThat(rows).hasSize(5);
        assertThat(mount(rows, "/").availableMb()).isEqualTo(6042);
    }

    @Test
    void anEmptyFileIsNotApplicable() {
        ProbeProblem p = notApplicable(parser, text("df.txt", ""));
        assertThat(p.detail()).contains("empty");
        assertThat(notApplicable(parser, text("df.txt", "\n  \n")).detail()).contains("empty");
    }

    @Test
    void anotherCommandsOutputIsNotApplicableAndNamed() {
        ProbeProblem p = notApplicable(parser, file("df.txt", "free", "free-m-rhel9.txt"));
        assertThat(p.detail()).contains("free");
        assertThat(notApplicable(parser, df("df-i-inodes.txt")).detail()).contains("df -i");
        assertThat(notApplicable(parser, text("df.txt", "$ free -m\n")).detail()).contains("only a command line");
    }

    @Test
    void aCutRowIsMalformedAtItsLine() {
        ProbeProblem p = malformed(parser, df("df-h-row-cut.txt"));
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.detail()).contains("columns");
    }

    @Test
    void garbageIsMalformedAndAnErrorMessageNeverBecomesANumber() {
        assertThat(malformed(parser, text("df.txt", "lorem ipsum dolor sit amet\nconsectetur")).line()).isEqualTo(1);
        ProbeProblem p = malformed(parser, text("df.txt",
                "Filesystem      Size  Used Avail Use% Mounted on\n/dev/sda3        14G  7.9G  error 58% /\n"));
        assertThat(p.line()).isEqualTo(2);
        assertThat(p.detail()).contains("available");
        assertThat(malformed(parser, text("df.txt", "Filesystem      Size  Used Avail Use% Mounted on\n")).detail())
                .contains("no filesystem rows");
    }
}
