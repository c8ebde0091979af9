package io.zpadoctor.client.bundle;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.zpadoctor.client.bundle.internal.BundleFiles;
import io.zpadoctor.client.bundle.internal.CaseFile;
import io.zpadoctor.model.tenant.TenantCollection;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Jazzer fuzz targets for the bundle reader. Without {@code JAZZER_FUZZ} each replays its inputs in
 * {@code BundleFuzzTestInputs/<target>/}; with the {@code fuzz} profile one target is fuzzed (README, "Fuzzing").
 *
 * <p>The contract: any input is read, or refused with a {@link BundleException}; nothing else escapes (no
 * runtime exception, no error), and a bundle that was read also turns into facts. An archive holding an entry
 * with {@code ..} or an absolute path is never read.
 */
class BundleFuzzTest {
    private static Path scratch;

    /** One api/ file: the same bytes as each of the six collections, each through the whole reader. */
    @FuzzTest
    void apiFiles(byte[] data) {
        for (TenantCollection c : TenantCollection.values()) {
            readInMemory(Map.of(c.bundlePath(), data));
        }
    }

    /** case.json alone, and beside a host folder so its collection time reaches the journal parser. */
    @FuzzTest
    void caseJson(byte[] data) {
        try {
            CaseFile.read(data);
        } catch (BundleException e) {
            // refused with a message: the contract
        }
        readInMemory(Map.of(CaseFile.PATH, data, "hosts/ac-1/journal.txt",
                "Jul 18 10:58:01 ac-1 zpa-connector-child[1201]: Connector: ok\n".getBytes()));
    }

    /** A .tar.gz: the fuzzer writes the tar and the harness compresses it, so mutations reach the tar layer. */
    @FuzzTest
    void tarGz(byte[] tar) throws IOException {
        Path p = scratch("bundle.tar.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
            out.write(tar);
        }
        boolean read = readArchive(p);
        if (read) {
            String unsafe = unsafeTarEntry(tar);
            if (unsafe != null) {
                throw new AssertionError("a tar holding '" + unsafe + "' was read");
            }
        }
    }

    /** Any archive file as is (zip mostly; the first bytes decide the kind, so gzip and tar come too). */
    @FuzzTest
    void zip(byte[] data) throws IOException {
        Path p = scratch("bundle.zip");
        Files.write(p, data);
        boolean read = readArchive(p);
        if (read && data.length >= 4 && data[0] == 'P' && data[1] == 'K') {
            String unsafe = unsafeZipEntry(p);
            if (unsafe != null) {
                throw new AssertionError("a zip holding '" + unsafe + "' was read");
            }
        }
    }

    /** Reads the files as a bundle; true when read (and turned into facts), false when refused. */
    static boolean readInMemory(Map<String, byte[]> files) {
        BundleFiles bf = new BundleFiles() {
            @Override
            public List<String> list() {
                return files.keySet().stream().sorted().toList();
            }

            @Override
            public byte[] read(String path) {
                return files.get(path);
            }

            @Override
            public HostBytes readHost(String path) {
                byte[] b = files.get(path);
                return b == null ? null : new HostBytes(b, b.length, false);
            }

            @Override
            public List<String> warnings() {
                return new ArrayList<>();
            }
        };
        Bundle b;
        try {
            b = BundleReader.read(bf, "fuzz");
        } catch (BundleException e) {
            checkMessage(e);
            return false;
        }
        b.toFacts();
        return true;
    }

    static boolean readArchive(Path p) {
        Bundle b;
        try {
            b = BundleReader.read(p);
        } catch (BundleException e) {
            checkMessage(e);
            return false;
        }
        b.toFacts();
        return true;
    }

    static void checkMessage(BundleException e) {
        if (e.getMessage() == null || e.getMessage().isBlank()) {
            throw new AssertionError("a refusal without a message", e);
        }
    }

    static String unsafeTarEntry(byte[] tar) {
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
            TarArchiveEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (unsafe(e.getName())) {
                    return e.getName();
                }
            }
        } catch (IOException | RuntimeException e) {
            // past here the reader could not have read further either
        }
        return null;
    }

    static String unsafeZipEntry(Path p) {
        try (ZipFile z = new ZipFile(p.toFile())) {
            Enumeration<? extends ZipEntry> en = z.entries();
            while (en.hasMoreElements()) {
                String n = en.nextElement().getName();
                if (unsafe(n)) {
                    return n;
                }
            }
        } catch (IOException | RuntimeException e) {
            // unreadable central directory: the reader refuses it too
        }
        return null;
    }

    /** Written apart from PathRules on purpose: an absolute path or a '..' segment, by either separator. */
    static boolean unsafe(String name) {
        String n = name.replace('\\', '/');
        if (n.startsWith("/") || n.matches("(?s)[A-Za-z]:.*")) {
            return true;
        }
        for (String part : n.split("/")) {
            if (part.equals("..")) {
                return true;
            }
        }
        return false;
    }

    static synchronized Path scratch(String name) {
        try {
            if (scratch == null) {
                scratch = Files.createTempDirectory("zpa-fuzz");
                scratch.toFile().deleteOnExit();
            }
            Path p = scratch.resolve(name);
            p.toFile().deleteOnExit();
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
