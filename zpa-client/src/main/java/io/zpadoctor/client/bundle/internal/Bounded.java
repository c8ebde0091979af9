package io.zpadoctor.client.bundle.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** Reads a stream keeping at most a given number of bytes: the head, or the end (a journal's latest lines). */
final class Bounded {
    private Bounded() {
    }

    /** What was kept, and how many bytes the stream held. */
    record Read(byte[] bytes, long size) {
    }

    /** The first {@code cap} bytes, counting the rest without keeping it. */
    static Read head(InputStream in, long cap) throws IOException {
        return head(in, cap, Long.MAX_VALUE);
    }

    /**
     * The first {@code cap} bytes, counting the rest without keeping it, but reading no further than {@code stopAfter}
     * bytes (a size above it then says "more than that"): an entry of zeros can unpack for minutes.
     */
    static Read head(InputStream in, long cap, long stopAfter) throws IOException {
        byte[] buf = new byte[(int) Math.min(cap, 1 << 16)];
        byte[] kept = new byte[0];
        int len = 0;
        long size = 0;
        byte[] chunk = new byte[1 << 16];
        int n;
        while (size <= stopAfter && (n = in.read(chunk)) > 0) {
            size += n;
            int room = (int) Math.max(0, Math.min(n, cap - len));
            if (room > 0) {
                if (len + room > buf.length) {
                    buf = Arrays.copyOf(buf, (int) Math.min(cap, Math.max((long) buf.length * 2, len + room)));
                }
                System.arraycopy(chunk, 0, buf, len, room);
                len += room;
            }
        }
        kept = Arrays.copyOf(buf, len);
        return new Read(kept, size);
    }

    /** The last {@code cap} bytes, starting after a line break when the stream was longer. */
    static Read tail(InputStream in, long cap) throws IOException {
        return tail(in, cap, Long.MAX_VALUE);
    }

    /** The last {@code cap} bytes of at most the first {@code stopAfter} (see {@link #head(InputStream, long, long)}). */
    static Read tail(InputStream in, long cap, long stopAfter) throws IOException {
        int c = (int) Math.min(cap, Integer.MAX_VALUE - 16);
        byte[] ring = new byte[Math.min(c, 1 << 16)];
        int pos = 0;
        boolean wrapped = false;
        long size = 0;
        byte[] chunk = new byte[1 << 16];
        int n;
        while (size <= stopAfter && (n = in.read(chunk)) > 0) {
            size += n;
            if (!wrapped && pos + n > ring.length && ring.length < c) {
                ring = Arrays.copyOf(ring, (int) Math.min(c, Math.max((long) ring.length * 2, pos + n)));
            }
            for (int off = 0; off < n; ) {
                int k = Math.min(n - off, ring.length - pos);
                System.arraycopy(chunk, off, ring, pos, k);
                pos += k;
                off += k;
                if (pos == ring.length && ring.length == c) {
                    pos = 0;
                    wrapped = true;
                } else if (pos == ring.length) {
                    ring = Arrays.copyOf(ring, (int) Math.min(c, (long) ring.length * 2));
                }
            }
        }
        if (!wrapped) {
            return new Read(Arrays.copyOf(ring, pos), size);
        }
        byte[] out = new byte[ring.length];
        System.arraycopy(ring, pos, out, 0, ring.length - pos);
        System.arraycopy(ring, 0, out, ring.length - pos, pos);
        int start = 0;
        while (start < out.length && out[start] != '\n') {
            start++;
        }
        return new Read(Arrays.copyOfRange(out, Math.min(out.length, start + 1), out.length), size);
    }
}
