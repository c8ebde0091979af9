package io.zpadoctor.report;

import io.zpadoctor.model.internal.SecretScrubber;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The last line of defence against leaking secrets: every report, message and file ZPA Doctor writes passes through
 * here on its way out. A provisioning key ({@code <n>|<host>|<secret>}, with or without spaces around the bars), a
 * bearer token, a JWT, a password in a URL, or a value named like a secret ({@code client_secret=...},
 * {@code password Hunter2}, {@code x-api-key: ...}) is replaced wherever it appears, in whatever escaping the
 * format added. The public key prefix ({@code 3|api.host|}) stays.
 */
public final class Redactor {
    public static final String REDACTED = "<redacted>";

    private Redactor() {
    }

    public static String scrub(String text) {
        return SecretScrubber.scrub(text, REDACTED);
    }

    /** The same for an HTML page, where the marker must read as text, not as a tag. */
    static String scrubHtml(String html) {
        return SecretScrubber.scrub(html, "&lt;redacted&gt;");
    }

    /**
     * A stream that scrubs what is written to it line by line (a secret never spans lines) before passing it on:
     * wrap standard output, standard error and report files in it. A partial line is scrubbed and passed on at
     * {@link OutputStream#flush()} (a prompt waiting for an answer); closing it closes {@code out}.
     */
    public static OutputStream outputStream(OutputStream out) {
        return new Scrubbing(out);
    }

    private static final class Scrubbing extends FilterOutputStream {
        private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

        Scrubbing(OutputStream out) {
            super(out);
        }

        @Override
        public synchronized void write(int b) throws IOException {
            line.write(b);
            if (b == '\n') {
                emit();
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            int start = off;
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    line.write(b, start, i + 1 - start);
                    emit();
                    start = i + 1;
                }
            }
            line.write(b, start, off + len - start);
            if (line.size() > (1 << 20)) {
                emit(); // a megabyte without a line break: pass it on rather than grow without bound
            }
        }

        @Override
        public synchronized void flush() throws IOException {
            emit();
            out.flush();
        }

        @Override
        public synchronized void close() throws IOException {
            emit();
            out.close();
        }

        private void emit() throws IOException {
            if (line.size() == 0) {
                return;
            }
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            out.write(scrub(text).getBytes(StandardCharsets.UTF_8));
        }
    }
}
