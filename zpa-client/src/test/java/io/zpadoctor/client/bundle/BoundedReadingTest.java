package io.zpadoctor.client.bundle;

import io.zpadoctor.client.host.HostFolder;
import io.zpadoctor.client.bundle.internal.Limits;
import io.zpadoctor.model.host.HostFact;
import io.zpadoctor.model.host.ProbeProblem;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Hostile and broken bundles end in a bounded read and a clear message (issue 14): an archive of a few kilobytes
 * that unpacks to hundreds of megabytes, a probe file of one endless line, too many host folders, a UTF-16 file,
 * a symbolic link loop, an unreadable file. The limits are those of a 64 MiB heap, so the tests stay small.
 */
class BoundedReadingTest {
    private static final Limits SMALL = Limits.forHeap(64L << 20);   // 2 MiB a host file, 8 MiB an api file
    @TempDir
    Path tmp;

    /** A .tar.gz with the given entries, each of {@code size} copies of one byte (a few KB once gzipped). */
    private Path bomb(long size, String... entries) throws IOException {
        Path p = tmp.resolve("bomb.tar.gz");
        try (OutputStream f = Files.newOutputStream(p); GZIPOutputStream gz = new GZIPOutputStream(f);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            byte[] chunk = new byte[1 << 16];
            java.util.Arrays.fill(chunk, (byte) 'a');
            for (String e : entries) {
                TarArchiveEntry te = new TarArchiveEntry(e);
                te.setSize(size);
                tar.putArchiveEntry(te);
                for (long w = 0; w < size; w += chunk.length) {
                    tar.write(chunk, 0, (int) Math.min(chunk.length, size - w));
                }
                tar.closeArchiveEntry();
            }
        }
        return p;
    }

    private static List<ProbeProblem> problems(Bundle b) {
        return b.toFacts().hostFacts().stream().filter(ProbeProblem.class::isInstance).map(ProbeProblem.class::cast)
                .toList();
    }

    @Test
    void probeFilesLargerThanAnyCommandPrintsAreProblemsNotAFailedBundle() throws Exception {
        Path bomb = bomb(40L << 20, "hosts/vm/df.txt", "hosts/vm/ps-cpu.txt", "hosts/vm/journal.txt");
        assertThat(Files.size(bomb)).isLessThan(1 << 20);
        Bundle b = BundleReader.read(bomb, SMALL);
        assertThat(b.hosts()).hasSize(1);
        assertThat(b.hosts().get(0).files().get("df.txt")).isEmpty();
        List<ProbeProblem> p = problems(b);
        assertThat(p).extracting(ProbeProblem::file).contains("df.txt", "ps-cpu.txt", "journal.txt");
        assertThat(p).filteredOn(x -> x.file().equals("df.txt")).allSatisfy(x -> {
            assertThat(x.kind()).isEqualTo(ProbeProblem.Kind.MALFORMED);
            assertThat(x.detail()).contains("40 MiB", "more than any output of its command");
        });
    }

    @Test
    void aLongJournalIsReadFromItsEnd() throws Exception {
        Path dir = tmp.resolve("b/hosts/vm");
        Files.createDirectories(dir);
        StringBuilder j = new StringBuilder();
        int n = 0;
        while (j.length() < (3 << 20)) {
            j.append("Nov 20 09:").append(String.format("%02d", n % 60)).append(":00 vm zpa-connector-child[1]: line ")
                    .append(n++).append('\n');
        }
        Files.writeString(dir.resolve("journal.txt"), j);
        Bundle b = BundleReader.read(tmp.resolve("b"), SMALL);
        String kept = b.hosts().get(0).files().get("journal.txt");
        assertThat(kept).endsWith("line " + (n - 1) + "\n").startsWith("Nov 20");
        assertThat(kept.length()).isLessThanOrEqualTo(2 << 20);
        assertThat(problems(b)).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo(ProbeProblem.Kind.PARTIAL);
            assertThat(x.detail()).contains("only its last");
        });
    }

    @Test
    void anEndlessLineIsCutAndSaidToBe() throws Exception {
        Path dir = tmp.resolve("c/hosts/vm");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("resolv-conf.txt"), "nameserver 10.0.0.2\n# " + "x".repeat(200_000) + "\n");
        Bundle b = BundleReader.read(tmp.resolve("c"), SMALL);
        assertThat(b.hosts().get(0).files().get("resolv-conf.txt").length()).isLessThan(70_000);
        assertThat(problems(b)).singleElement().satisfies(x -> assertThat(x.detail()).contains("longer than 65536"));
    }

    @Test
    void anArchiveThatUnpacksBeyondTheLimitIsRefusedWithTheLimitNamed() throws Exception {
        Path bomb = bomb(20L << 20, "api/connectors.json");
        assertThatThrownBy(() -> BundleReader.read(bomb, SMALL)).isInstanceOf(BundleException.class)
                .hasMessageContaining("api/connectors.json").hasMessageContaining("more than this run reads");
    }

    @Test
    void junkProbeFilesBeyondWhatMemoryKeepsAreEachAProblemUntilTheScanLimit() throws Exception {
        // three junk probe files of 40 MiB (120 MiB unpacked, above 4 x the 21 MiB kept in all at a 64 MiB heap):
        // each is PRB-001 for its file; the bundle fails only past the scan limit, which bounds time, not memory
        Limits scan = new Limits(SMALL.probeBytes(), SMALL.apiBytes(), SMALL.totalBytes(), SMALL.hosts(),
                SMALL.entries(), SMALL.lineChars(), 100L << 20);
        Path bomb = bomb(40L << 20, "hosts/vm/df.txt", "hosts/vm/ps-cpu.txt", "hosts/vm/free.txt");
        assertThat(problems(BundleReader.read(bomb, SMALL))).hasSize(3);
        assertThatThrownBy(() -> BundleReader.read(bomb, scan)).hasMessageContaining("unpacks to more than 100 MiB");
    }

    @Test
    void tooManyHostFoldersOrEntriesAreRefused() throws Exception {
        Limits few = new Limits(SMALL.probeBytes(), SMALL.apiBytes(), SMALL.totalBytes(), 50, 200, SMALL.lineChars());
        String[] hosts = new String[60];
        for (int i = 0; i < hosts.length; i++) {
            hosts[i] = "hosts/vm" + i + "/df.txt";
        }
        assertThatThrownBy(() -> BundleReader.read(bomb(10, hosts), few)).hasMessageContaining("more than 50 host folders");
        Path dir = tmp.resolve("many");
        for (int i = 0; i < 250; i++) {
            Files.createDirectories(dir.resolve("hosts/vm" + (i % 40) + "/" + i));
        }
        assertThatThrownBy(() -> BundleReader.read(dir, few)).hasMessageContaining("more than 200 files and folders");
    }

    @Test
    void utf16AndNulsAreDecodedNotPassedOn() throws Exception {
        Path dir = tmp.resolve("d/hosts/vm");
        Files.createDirectories(dir);
        String df = "Filesystem      Size  Used Avail Use% Mounted on\n/dev/sda3        60G   11G   50G  18% /\n";
        byte[] le = df.getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[le.length + 2];
        withBom[0] = (byte) 0xff;
        withBom[1] = (byte) 0xfe;
        System.arraycopy(le, 0, withBom, 2, le.length);
        Files.write(dir.resolve("df.txt"), withBom);
        Files.write(dir.resolve("free.txt"), df.replace("Filesystem", "Filesys\0tem").getBytes(StandardCharsets.UTF_8));
        Bundle b = BundleReader.read(tmp.resolve("d"), SMALL);
        assertThat(b.hosts().get(0).files().get("df.txt")).isEqualTo(df);
        assertThat(b.hosts().get(0).files().get("free.txt")).doesNotContain("\0");
        List<HostFact> facts = b.toFacts().hostFacts();
        assertThat(facts).noneMatch(f -> f instanceof ProbeProblem p && p.file().equals("df.txt"));
    }

    @Test
    void aLinkLoopAndAnUnreadableFileSayWhy() throws Exception {
        Path a = tmp.resolve("loop-a");
        Path c = tmp.resolve("loop-b");
        Files.createSymbolicLink(a, c);
        Files.createSymbolicLink(c, a);
        assertThatThrownBy(() -> BundleReader.read(a)).hasMessageContaining("symbolic link")
                .hasMessageContaining("loop");
        Path dir = tmp.resolve("e/api");
        Files.createDirectories(dir);
        Path f = dir.resolve("connectors.json");
        Files.writeString(f, "[]");
        if (f.toFile().setReadable(false, false) && !Files.isReadable(f)) {   // root reads everything: skip then
            assertThatThrownBy(() -> BundleReader.read(tmp.resolve("e"))).hasMessageContaining("permission denied");
        }
    }
}
