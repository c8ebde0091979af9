package io.zpadoctor.client.lss;

import io.zpadoctor.model.telemetry.TelemetryIntake;
import io.zpadoctor.model.telemetry.TelemetryRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Follows a file a log receiver appends LSS records to, as {@code tail -F} does: reads it from the start, then each
 * line as it is appended; when the file is truncated or replaced (log rotation), starts again on the new file.
 * Records reach the sink from the tail's own thread; counts are readable at any time. Closing stops it.
 */
public final class LssTail implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LssTail.class);
    private static final long PAUSE_MILLIS = 100;

    private final Path file;
    private final LssReader.Counter counter;
    private final Consumer<? super TelemetryRecord> sink;
    private final Thread thread;
    private volatile boolean closed;

    private LssTail(Path file, Consumer<? super TelemetryRecord> sink) {
        this.file = file;
        this.sink = sink;
        this.counter = new LssReader.Counter(file.toString());
        this.thread = new Thread(this::follow, "lss-tail");
        thread.setDaemon(true);
    }

    /** Starts following {@code file}, which need not exist yet. */
    public static LssTail start(Path file, Consumer<? super TelemetryRecord> sink) {
        LssTail t = new LssTail(file, sink);
        t.thread.start();
        return t;
    }

    /** What the file has held so far, across rotations. */
    public TelemetryIntake intake() {
        return counter.intake();
    }

    private void follow() {
        while (!closed) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                Object key = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
                LssReader.read(new Following(ch, key), counter, sink);
            } catch (NoSuchFileException e) {
                pause();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("LSS file {}: {}", file, e.getMessage());
                    pause();
                }
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The open file as a stream that waits at its end for more, and ends when the file is rotated or on close. */
    private final class Following extends InputStream {
        private final FileChannel ch;
        private final Object key;
        /**
         * The last bytes read, which end at the channel's position: a file truncated and written again past that
         * position between two looks (copytruncate, then a burst) no longer holds them there.
         */
        private final byte[] last = new byte[64];
        private int lastLength;

        Following(FileChannel ch, Object key) {
            this.ch = ch;
            this.key = key;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n <= 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (!closed) {
                if (!stillHolds()) {
                    return -1;      // rewritten under us: the new content is read from its start
                }
                int n = ch.read(ByteBuffer.wrap(b, off, len));
                if (n > 0) {
                    remember(b, off, n);
                    return n;
                }
                if (rotated()) {
                    return -1;
                }
                pause();
            }
            return -1;
        }

        private void remember(byte[] b, int off, int n) {
            int keep = Math.min(n, last.length);
            int stay = Math.min(lastLength, last.length - keep);
            System.arraycopy(last, lastLength - stay, last, 0, stay);
            System.arraycopy(b, off + n - keep, last, stay, keep);
            lastLength = stay + keep;
        }

        /** Whether the file still holds, just before the position, the bytes last read there. */
        private boolean stillHolds() throws IOException {
            if (lastLength == 0) {
                return true;
            }
            ByteBuffer there = ByteBuffer.allocate(lastLength);
            long at = ch.position() - lastLength;
            while (there.hasRemaining()) {
                int n = ch.read(there, at + there.position());
                if (n < 0) {
                    return false;   // shorter than before: truncated
                }
            }
            return java.util.Arrays.equals(there.array(), 0, lastLength, last, 0, lastLength);
        }

        private boolean rotated() throws IOException {
            try {
                var now = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
                return !Objects.equals(now.fileKey(), key) || now.size() < ch.position();
            } catch (NoSuchFileException e) {
                return false;     // moved away and not yet recreated: keep the old one until the new one appears
            }
        }
    }
}
