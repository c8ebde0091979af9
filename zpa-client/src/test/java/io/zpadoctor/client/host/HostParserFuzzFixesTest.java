package io.zpadoctor.client.host;

import io.zpadoctor.model.host.DiskUsage;
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
}
