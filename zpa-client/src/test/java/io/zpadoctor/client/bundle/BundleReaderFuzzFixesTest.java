package io.zpadoctor.client.bundle;

import io.zpadoctor.client.host.HostFolder;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    void epochNumberBeyondSixtyFourBitsIsRefusedNotWrapped() throws Exception {
        // 1e20 used to become its low 64 bits: a collection time in the year 246105574
        Path b = folder("case.json", "{\"collectedAt\": 1e20}");
        assertThatThrownBy(() -> BundleReader.read(b)).isInstanceOf(BundleException.class)
                .hasMessageStartingWith("case.json:1:2:").hasMessageContaining("out-of-range number 1E+20");
        Path c = folder("api/enrollment-certificates.json", "[{\"id\": \"1\", \"validToInEpochSec\": 18446744073709551617}]");
        assertThatThrownBy(() -> BundleReader.read(c)).isInstanceOf(BundleException.class)
                .hasMessageContaining("validToInEpochSec").hasMessageContaining("out-of-range number");
    }

    @Test
    void pageCountsBeyondSixtyFourBitsAreUnknownNotWrapped() throws Exception {
        // totalPages 4294967298 used to be cast to int 2 ("page 1 of 2"); 1e20 wrapped to a made-up total
        Bundle b = BundleReader.read(folder("api/connectors.json",
                "{\"totalPages\": 4294967298, \"totalCount\": 1e20, \"list\": [{\"id\": \"1\", \"name\": \"c\"}]}"));
        assertThat(b.tenant().connectors()).hasSize(1);
        assertThat(b.warnings()).anyMatch(w -> w.contains("page 1 of 4294967298"))
                .noneMatch(w -> w.contains("declares totalCount"));
    }

    @Test
    void pageAfterPlainObjectsIsRefusedWithItsPositionNotNpe() throws Exception {
        // fuzzer, apiFiles: the error for a page following plain objects read the position of the (absent) object
        Path b = folder("api/connectors.json", "[{\"id\": \"1\", \"name\": \"a\"},\n {\"totalPages\": \"2\", \"list\": [{\"id\": \"2\"}]}]");
        assertThatThrownBy(() -> BundleReader.read(b)).isInstanceOf(BundleException.class)
                .hasMessage("api/connectors.json:2:2: an API page inside an array of objects; expected either an"
                        + " array of objects or an array of pages, not both");
    }

    @Test
    void numberBeyondBigDecimalIsInvalidJsonNotNumberFormatException() throws Exception {
        // fuzzer, apiFiles: Jackson's BigDecimal refuses exponents past an int, with a NumberFormatException
        Path page = folder("api/connector-groups.json", "{\"totalPages\": 421e744073709551617}");
        assertThatThrownBy(() -> BundleReader.read(page)).isInstanceOf(BundleException.class)
                .hasMessage("api/connector-groups.json:1:16: not valid JSON: the number 421e744073709551617 is out of range");
        Path item = folder("api/connectors.json", "[{\"id\": \"1\",\n  \"upgradeAttempt\": -1e99999999999}]");
        assertThatThrownBy(() -> BundleReader.read(item)).isInstanceOf(BundleException.class)
                .hasMessageStartingWith("api/connectors.json:2:").hasMessageContaining("out of range");
    }

    Path folder(String name, String text) throws IOException {
        Path dir = Files.createTempDirectory(tmp, "b");
        Files.createDirectories(dir.resolve(name).getParent());
        Files.writeString(dir.resolve(name), text);
        return dir;
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
