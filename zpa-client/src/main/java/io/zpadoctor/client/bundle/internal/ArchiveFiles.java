package io.zpadoctor.client.bundle.internal;

import io.zpadoctor.client.bundle.BundleException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A bundle packed as {@code .tar.gz}, {@code .tar} or {@code .zip}, read into memory and never written to
 * disk. An archive with an absolute or {@code ..} entry is refused whole: nothing it holds is trusted.
 */
public final class ArchiveFiles implements BundleFiles {
    private final Map<String, byte[]> files = new TreeMap<>();
    private final List<String> warnings = new ArrayList<>();
    private long total;

    private ArchiveFiles() {
    }

    /** The kinds of archive told apart by their first bytes. */
    public enum Kind { GZIP, ZIP, TAR }

    public static Kind sniff(Path file) throws IOException {
        byte[] head = new byte[265];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (n >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return Kind.GZIP;
        }
        if (n >= 4 && head[0] == 'P' && head[1] == 'K' && (head[2] == 3 || head[2] == 5) ) {
            return Kind.ZIP;
        }
        if (n >= 262 && new String(head, 257, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("ustar")) {
            return Kind.TAR;
        }
        return null;
    }

    public static ArchiveFiles open(Path archive, Kind kind) throws BundleException {
        ArchiveFiles a = new ArchiveFiles();
        String name = archive.toString();
        try {
            if (kind == Kind.ZIP) {
                a.readZip(archive, name);
            } else {
                try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive))) {
                    InputStream in = kind == Kind.GZIP ? new GZIPInputStream(raw, 65536) : raw;
                    a.readTar(in, name);
                }
            }
        } catch (ZipException e) {
            throw new BundleException(name, "not a readable zip archive: " + e.getMessage());
        } catch (IOException e) {
            throw new BundleException(name, "cannot be unpacked: " + e.getMessage()
                    + " (is the archive complete?)");
        }
        a.stripCommonRoot();
        return a;
    }

    private void readTar(InputStream in, String archive) throws IOException, BundleException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                String n = e.getName();
                String why = PathRules.unsafe(n);
                if (why != null) {
                    throw new BundleException(archive, "refusing the archive: entry '" + n + "' has " + why);
                }
                String rel = PathRules.clean(n);
                if (e.isDirectory() || PathRules.junk(rel)) {
                    continue;
                }
                if (e.isSymbolicLink() || e.isLink()) {
                    warnings.add(rel + ": skipped, a link inside the archive is never followed");
                    continue;
                }
                if (!e.isFile()) {
                    warnings.add(rel + ": skipped, not a regular file");
                    continue;
                }
                put(rel, tar, archive);
            }
        }
    }

    private void readZip(Path archive, String name) throws IOException, BundleException {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                String why = PathRules.unsafe(e.getName());
                if (why != null) {
                    throw new BundleException(name, "refusing the archive: entry '" + e.getName() + "' has " + why);
                }
                String rel = PathRules.clean(e.getName());
                if (e.isDirectory() || PathRules.junk(rel)) {
                    continue;
                }
                try (InputStream in = zip.getInputStream(e)) {
                    put(rel, in, name);
                }
            }
        }
    }

    private void put(String rel, InputStream in, String archive) throws IOException, BundleException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[65536];
        long size = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            size += n;
            total += n;
            if (size > MAX_FILE_BYTES) {
                throw new BundleException(archive, "entry '" + rel + "' unpacks to more than "
                        + (MAX_FILE_BYTES >> 20) + " MiB");
            }
            if (total > MAX_TOTAL_BYTES) {
                throw new BundleException(archive, "the archive unpacks to more than " + (MAX_TOTAL_BYTES >> 30)
                        + " GiB");
            }
            out.write(buf, 0, n);
        }
        if (files.put(rel, out.toByteArray()) != null) {
            warnings.add(rel + ": appears twice in the archive; the last copy is used");
        }
    }

    private void stripCommonRoot() {
        String prefix = PathRules.commonRoot(new ArrayList<>(files.keySet()));
        if (prefix.isEmpty()) {
            return;
        }
        Map<String, byte[]> moved = new LinkedHashMap<>();
        files.forEach((k, v) -> moved.put(k.substring(prefix.length()), v));
        files.clear();
        files.putAll(moved);
    }

    @Override
    public List<String> list() {
        return new ArrayList<>(files.keySet());
    }

    @Override
    public byte[] read(String path) {
        return files.get(path);
    }

    @Override
    public List<String> warnings() {
        return warnings;
    }
}
