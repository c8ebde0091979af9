package io.zpadoctor.client.bundle.internal;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class BoundedTest {
    /** An endless stream of one byte that counts what was taken from it. */
    static final class Endless extends InputStream {
        long taken;

        @Override
        public int read() {
            taken++;
            return 'z';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            java.util.Arrays.fill(b, off, off + len, (byte) '\n');
            taken += len;
            return len;
        }
    }

    @Test
    void anEntryThatNeverEndsIsReadNoFurtherThanTheScanLeft() throws IOException {
        // issue 14: one entry of zeros unpacked for as long as it lasted before the total was checked
        for (boolean tail : new boolean[] {false, true}) {
            Endless in = new Endless();
            Bounded.Read r = tail ? Bounded.tail(in, 1 << 10, 10L << 20) : Bounded.head(in, 1 << 10, 10L << 20);
            assertThat(r.size()).isGreaterThan(10L << 20);
            assertThat(in.taken).isLessThanOrEqualTo((10L << 20) + (1 << 16));
            assertThat(r.bytes().length).isLessThanOrEqualTo(1 << 10);
        }
    }

    @Test
    void withinTheScanEverythingIsCountedAndTheRightEndKept() throws IOException {
        byte[] text = "one\ntwo\nthree\nfour\n".getBytes(StandardCharsets.US_ASCII);
        Bounded.Read head = Bounded.head(new java.io.ByteArrayInputStream(text), 8, 1 << 20);
        assertThat(head.size()).isEqualTo(text.length);
        assertThat(new String(head.bytes(), StandardCharsets.US_ASCII)).isEqualTo("one\ntwo\n");
        Bounded.Read tail = Bounded.tail(new java.io.ByteArrayInputStream(text), 8, 1 << 20);
        assertThat(tail.size()).isEqualTo(text.length);
        assertThat(new String(tail.bytes(), StandardCharsets.US_ASCII)).isEqualTo("four\n");
    }
}
