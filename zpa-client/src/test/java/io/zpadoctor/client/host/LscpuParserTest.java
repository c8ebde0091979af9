package io.zpadoctor.client.host;

import io.zpadoctor.model.host.CpuInfo;
import io.zpadoctor.model.host.ProbeProblem;
import org.junit.jupiter.api.Test;

import static io.zpadoctor.client.host.Fixtures.file;
import static io.zpadoctor.client.host.Fixtures.malformed;
import static io.zpadoctor.client.host.Fixtures.notApplicable;
import static io.zpadoctor.client.host.Fixtures.one;
import static io.zpadoctor.client.host.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

class LscpuParserTest {
    final LscpuParser parser = new LscpuParser();

    static HostFile lscpu(String fixture) {
        return file("lscpu.txt", "lscpu", fixture);
    }

    @Test
    void readsTheSectionedRhel9LayoutAndJoinsWrappedFlags() {
        CpuInfo c = one(parser, lscpu("lscpu-rhel9-kvm-sections-wrapped-flags.txt"), CpuInfo.class);
        assertThat(c.cpus()).isEqualTo(4);
        assertThat(c.threadsPerCore()).isEqualTo(2);
        assertThat(c.coresPerSocket()).isEqualTo(2);
        assertThat(c.sockets()).isEqualTo(1);
        assertThat(c.hyperthreaded()).isTrue();
        assertThat(c.aesNi()).isTrue();
        assertThat(c.hypervisorVendor()).isEqualTo("KVM");
        assertThat(c.modelName()).isEqualTo("Intel Xeon Processor (Cascadelake)");
        assertThat(c.architecture()).isEqualTo("x86_64");
        assertThat(c.line()).isEqualTo(6);
    }

    @Test
    void readsTheFlatLayoutOfTheRunbook() {
        CpuInfo c = one(parser, lscpu("lscpu-rhel8-vmware-flat-one-cpu.txt"), CpuInfo.class);
        assertThat(c.cpus()).isEqualTo(1);
        assertThat(c.hyperthreaded()).isFalse();
        assertThat(c.aesNi()).isTrue();
        assertThat(c.hypervisorVendor()).isEqualTo("VMware");
    }

    @Test
    void aesMustBeAWholeFlag() {
        CpuInfo c = one(parser, lscpu("lscpu-azure-no-aes.txt"), CpuInfo.class);
        assertThat(c.aesNi()).isFalse();
        assertThat(c.hypervisorVendor()).isEqualTo("Microsoft");
    }

    @Test
    void noFlagsLineLeavesAesUnknown() {
        CpuInfo c = one(parser, lscpu("lscpu-rhel7-no-flags-line.txt"), CpuInfo.class);
        assertThat(c.aesNi()).isNull();
        assertThat(c.cpus()).isEqualTo(2);
    }

    @Test
    void countsProcessorsOfProcCpuinfo() {
        CpuInfo c = one(parser, lscpu("cpuinfo-grep-processor.txt"), CpuInfo.class);
        assertThat(c.cpus()).isEqualTo(4);
        assertThat(c.aesNi()).isNull();
        assertThat(c.threadsPerCore()).isNull();
    }

    @Test
    void emptyOrAnotherCommandIsNotApplicable() {
        notApplicable(parser, text("lscpu.txt", ""));
        assertThat(notApplicable(parser, file("lscpu.txt", "free", "free-m-rhel9.txt")).detail()).contains("free");
        assertThat(notApplicable(parser, text("lscpu.txt", "-bash: lscpu: command not found\n")).detail())
                .contains("did not run");
    }

    @Test
    void aCountInWordsIsMalformedNeverGuessed() {
        ProbeProblem p = malformed(parser, lscpu("lscpu-cpu-count-not-a-number.txt"));
        assertThat(p.line()).isEqualTo(2);
        assertThat(p.detail()).contains("CPU(s)");
        assertThat(malformed(parser, text("lscpu.txt", "Architecture: x86_64\nthis line is junk\n")).line()).isEqualTo(2);
    }
}
