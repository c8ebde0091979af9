package io.zpadoctor.client.bundle;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bundles that broke the reader's contract under fuzzing (or while writing the fuzz contract): each was read and
 * then threw something other than a {@link BundleException}. Their inputs stay in {@code BundleFuzzTestInputs/}.
 */
class BundleReaderFuzzFixesTest {
    @TempDir
    Path tmp;

    @Test
    void blankHostFolderNameIsIgnoredWithAWarningNotACrash() throws Exception {
        Path tgz = tarGz("hosts/ /df.txt", "Filesystem Size Used Avail Use% Mounted on\n/dev/sda1 10G 1G 9G 10% /\n",
                "hosts/ac-1/ ", "x");
        Bundle b = BundleReader.read(tgz);
        assertThat(b.hosts()).isEmpty();
        assertThat(b.warnings()).anyMatch(w -> w.startsWith("hosts/ /df.txt: ignored;"))
                .anyMatch(w -> w.startsWith("hosts/ac-1/ : ignored;"));
        assertThat(b.toFacts().hostFacts()).isEmpty();
    }

    Path tarGz(String... namesAndTexts) throws IOException {
        Path p = Files.createTempFile(tmp, "b", ".tar.gz");
        try (OutputStream out = Files.newOutputStream(p);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(out))) {
            for (int i = 0; i < namesAndTexts.length; i += 2) {
                byte[] b = namesAndTexts[i + 1].getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry e = new TarArchiveEntry(namesAndTexts[i], true);
                e.setSize(b.length);
                tar.putArchiveEntry(e);
                tar.write(b);
                tar.closeArchiveEntry();
            }
        }
        return p;
    }
}
