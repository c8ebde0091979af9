package io.zpadoctor.client.host;

import io.zpadoctor.model.host.MemoryTotals;
import io.zpadoctor.model.host.ProbeProblem;
import org.junit.jupiter.api.Test;

import static io.zpadoctor.client.host.Fixtures.file;
import static io.zpadoctor.client.host.Fixtures.malformed;
import static io.zpadoctor.client.host.Fixtures.notApplicable;
import static io.zpadoctor.client.host.Fixtures.one;
import static io.zpadoctor.client.host.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

class FreeParserTest {
    final FreeParser parser = new FreeParser();

    static HostFile free(String fixture) {
        return file("free.txt", "free", fixture);
    }

    @Test
    void readsFreeMOnRhel9() {
        MemoryTotals m = one(parser, free("free-m-rhel9.txt"), MemoryTotals.class);
        assertThat(m.totalMb()).isEqualTo(3659);
        assertThat(m.usedMb()).isEqualTo(2480);
        assertThat(m.freeMb()).isEqualTo(198);
        assertThat(m.sharedMb()).isEqualTo(17);
        assertThat(m.buffCacheMb()).isEqualTo(1226);
        assertThat(m.availableMb()).isEqualTo(1178);
        assertThat(m.swapTotalMb()).isZero();
        assertThat(m.unit()).isEqualTo("MiB");
        assertThat(m.unitAssumed()).isFalse();
        assertThat(m.line()).isEqualTo(3);
    }

    @Test
    void readsFreeHWithBinarySuffixes() {
        MemoryTotals m = one(parser, free("free-h-gibi-suffixes.txt"), MemoryTotals.class);
        assertThat(m.totalMb()).isEqualTo(3686); // 3.6Gi
        assertThat(m.freeMb()).isEqualTo(198);
        assertThat(m.availableMb()).isEqualTo(1229); // 1.2Gi
        assertThat(m.swapTotalMb()).isZero(); // 0B
        assertThat(m.unit()).isEqualTo("human");
    }

    @Test
    void readsOldProcpsHumanSizes() {
        MemoryTotals m = one(parser, free("free-h-rhel7-procps.txt"), MemoryTotals.class);
        assertThat(m.totalMb()).isEqualTo(3789);
        assertThat(m.swapUsedMb()).isEqualTo(512);
    }

    @Test
    void readsTheOldBuffersCacheLayout() {
        MemoryTotals m = one(parser, free("free-m-rhel6-buffers-cache.txt"), MemoryTotals.class);
        assertThat(m.totalMb()).isEqualTo(3832);
        assertThat(m.buffCacheMb()).isEqualTo(2036); // buffers + cached
        assertThat(m.availableMb()).isEqualTo(2220); // the -/+ buffers/cache free column
        assertThat(m.swapTotalMb()).isEqualTo(4031);
    }

    @Test
    void plainFreeIsReadAsKibibytesByItsMagnitudeAndMarkedAssumed() {
        MemoryTotals m = one(parser, free("free-kib-no-prompt.txt"), MemoryTotals.class);
        assertThat(m.totalMb()).isEqualTo(3659);
        assertThat(m.unit()).isEqualTo("KiB");
        assertThat(m.unitAssumed()).isTrue();
        MemoryTotals mib = one(parser, text("free.txt", free("free-m-rhel9.txt").text().lines().skip(1)
                .reduce("", (a, b) -> a + b + "\n")), MemoryTotals.class);
        assertThat(mib.unit()).isEqualTo("MiB");
        assertThat(mib.unitAssumed()).isTrue();
    }

    @Test
    void aMissingColumnStaysNull() {
        MemoryTotals m = one(parser, text("free.txt", "              total        used        free\nMem:           3659        2480         198\n"),
                MemoryTotals.class);
        assertThat(m.availableMb()).isNull();
        assertThat(m.buffCacheMb()).isNull();
        assertThat(m.swapTotalMb()).isNull();
    }

    @Test
    void emptyOrAnotherCommandIsNotApplicable() {
        notApplicable(parser, text("free.txt", ""));
        assertThat(notApplicable(parser, file("free.txt", "df", "df-hP-rhel9-root-almost-full.txt")).detail())
                .contains("df");
        assertThat(notApplicable(parser, text("free.txt", "MemTotal:        3746560 kB\nMemFree:          202752 kB\n")).detail())
                .contains("meminfo");
    }

    @Test
    void aValueThatIsNotANumberIsMalformedNotZero() {
        ProbeProblem p = malformed(parser, free("free-m-value-not-a-number.txt"));
        assertThat(p.line()).isEqualTo(2);
        assertThat(p.detail()).contains("used");
        assertThat(malformed(parser, text("free.txt", "               total        used        free      shared  buff/cache   available\n"))
                .detail()).contains("no `Mem:` line");
        assertThat(malformed(parser, text("free.txt", "gibberish text here\nmore of it\n")).line()).isEqualTo(1);
    }
}
