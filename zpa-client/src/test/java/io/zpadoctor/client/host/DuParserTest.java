package io.zpadoctor.client.host;

import io.zpadoctor.model.host.DiskConsumer;
import io.zpadoctor.model.host.ProbeProblem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.zpadoctor.client.host.Fixtures.file;
import static io.zpadoctor.client.host.Fixtures.malformed;
import static io.zpadoctor.client.host.Fixtures.notApplicable;
import static io.zpadoctor.client.host.Fixtures.parsed;
import static io.zpadoctor.client.host.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

class DuParserTest {
    final DuParser parser = new DuParser();

    static HostFile du(String fixture) {
        return file("du.txt", "du", fixture);
    }

    @Test
    void readsTheContractsMebibyteListing() {
        List<DiskConsumer> rows = parsed(parser, du("du-xam-top20-journal-heavy.txt"), DiskConsumer.class);
        assertThat(rows).hasSize(20);
        assertThat(rows.get(0).path()).isEqualTo("/");
        assertThat(rows.get(0).sizeMb()).isEqualTo(13622);
        assertThat(rows.get(0).rank()).isEqualTo(1);
        assertThat(rows.get(0).line()).isEqualTo(2);
        assertThat(rows.get(2).path()).isEqualTo("/var/log");
        assertThat(rows.get(2).unit()).isEqualTo("MiB");
        assertThat(rows.get(2).unitAssumed()).isFalse();
        assertThat(rows).extracting(DiskConsumer::path).contains("/var/cache/dnf", "/opt/zscaler/var",
                "/var/log/journal/8f3c2a1e5b6d4e7f9a0b1c2d3e4f5a6b/system@0006167a2b3c4d5e-1a2b3c4d5e6f7a8b.journal~");
    }

    @Test
    void readsTheRunbooksKibibyteListing() {
        List<DiskConsumer> rows = parsed(parser, du("du-a-runbook-kib.txt"), DiskConsumer.class);
        assertThat(rows.get(0).sizeMb()).isEqualTo(8099); // 8293268 KiB
        assertThat(rows.get(0).unit()).isEqualTo("KiB");
        assertThat(rows.get(0).unitAssumed()).isFalse();
        assertThat(rows).filteredOn(r -> r.path().equals("/var/cache/yum")).extracting(DiskConsumer::sizeMb)
                .containsExactly(3273L);
    }

    @Test
    void infersTheUnitWithoutACommandLineAndSaysSo() {
        List<DiskConsumer> kib = parsed(parser, du("du-no-prompt-kib-blocks.txt"), DiskConsumer.class);
        assertThat(kib.get(0).unit()).isEqualTo("KiB");
        assertThat(kib.get(0).unitAssumed()).isTrue();
        assertThat(kib.get(0).sizeMb()).isEqualTo(6009);
        List<DiskConsumer> mib = parsed(parser, du("du-no-prompt-mib.txt"), DiskConsumer.class);
        assertThat(mib.get(0).unit()).isEqualTo("MiB");
        assertThat(mib.get(0).unitAssumed()).isTrue();
        assertThat(mib.get(0).sizeMb()).isEqualTo(5973);
    }

    @Test
    void readsHumanSizes() {
        List<DiskConsumer> rows = parsed(parser, du("du-xah-human.txt"), DiskConsumer.class);
        assertThat(rows.get(0).sizeMb()).isEqualTo(14336);
        assertThat(rows.get(1).sizeMb()).isEqualTo(7270); // 7.1G
        assertThat(rows.get(1).unit()).isEqualTo("human");
    }

    @Test
    void skipsDuErrorLines() {
        List<DiskConsumer> rows = parsed(parser, text("du.txt",
                "du: cannot access '/proc/17405/task/17405/fd/4': No such file or directory\n5904\t/\n"), DiskConsumer.class);
        assertThat(rows).singleElement().satisfies(r -> assertThat(r.line()).isEqualTo(2));
    }

    @Test
    void emptyOrAnotherCommandIsNotApplicable() {
        notApplicable(parser, text("du.txt", ""));
        assertThat(notApplicable(parser, file("du.txt", "df", "df-k-ubuntu.txt")).detail()).contains("`df`");
    }

    @Test
    void aRowWithoutItsPathIsMalformedAtThatLine() {
        ProbeProblem p = malformed(parser, du("du-row-without-path.txt"));
        assertThat(p.line()).isEqualTo(3);
        assertThat(malformed(parser, text("du.txt", "2A\t/var/lib/NetworkManager\n")).line()).isEqualTo(1);
    }
}
