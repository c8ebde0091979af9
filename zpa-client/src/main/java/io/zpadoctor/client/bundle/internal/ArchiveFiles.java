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
    private final Map<String, HostBytes> hostFiles = new TreeMap<>();
    private final java.util.Set<String> hostFolders = new java.util.HashSet<>();
    private final List<String> warnings = new ArrayList<>();
    private final Limits limits;
    private long total;
    private long scanned;
    private int entries;

    private ArchiveFiles(Limits limits) {
        this.limits = limits;
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
        return open(archive, kind, Limits.forThisJvm());
    }

    public static ArchiveFiles open(Path archive, Kind kind, Limits limits) throws BundleException {
        ArchiveFiles a = new ArchiveFiles(limits);
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
                count(archive);
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
                count(name);
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

    private void count(String archive) throws BundleException {
        if (++entries > limits.entries()) {
            throw new BundleException(archive, "holds more than " + limits.entries() + " entries, more than any"
                    + " support bundle (a tenant's api/ files and a host folder per connector VM): refused");
        }
    }

    private void put(String rel, InputStream in, String archive) throws IOException, BundleException {
        String path = PathRules.withoutRoot(rel);
        Bounded.Read r;
        if (path.startsWith("hosts/")) {
            String[] parts = path.split("/");
            if (parts.length > 1 && hostFolders.add(parts[1]) && hostFolders.size() > limits.hosts()) {
                throw new BundleException(archive, "holds more than " + limits.hosts() + " host folders: refused");
            }
            r = BundleFiles.keepsTail(path) ? Bounded.tail(in, limits.probeBytes(), scanLeft())
                    : Bounded.head(in, limits.probeBytes(), scanLeft());
            add(r.bytes().length, r.size(), archive);
            HostBytes kept = r.size() > limits.probeBytes() && !BundleFiles.keepsTail(path)
                    ? new HostBytes(new byte[0], r.size(), false) : new HostBytes(r.bytes(), r.size(), r.size() > r.bytes().length);
            if (hostFiles.put(rel, kept) != null) {
                warnings.add(rel + ": appears twice in the archive; the last copy is used");
            }
            return;
        }
        r = Bounded.head(in, limits.apiBytes(), scanLeft());
        add(r.bytes().length, r.size(), archive);
        if (r.size() > limits.apiBytes()) {
            throw new BundleException(archive, "entry '" + rel + "' unpacks to " + Limits.size(r.size()) + ", more than"
                    + " this run reads (" + Limits.size(limits.apiBytes()) + " with a maximum heap of "
                    + Limits.size(Runtime.getRuntime().maxMemory()) + "); give it more memory with"
                    + " ZPA_DOCTOR_JAVA_OPTS=-Xmx4g");
        }
        if (files.put(rel, r.bytes()) != null) {
            warnings.add(rel + ": appears twice in the archive; the last copy is used");
        }
    }

    /** How much more may be unpacked before the read is refused: one entry of zeros must not unpack for minutes. */
    private long scanLeft() {
        return Math.max(0, limits.scanBytes() - scanned);
    }

    /** Bytes kept count against what memory holds; bytes unpacked, kept or not, against the time a read may take. */
    private void add(long kept, long unpacked, String archive) throws BundleException {
        total += kept;
        scanned += unpacked;
        if (total > limits.totalBytes() || scanned > limits.scanBytes()) {
            throw new BundleException(archive, "unpacks to more than " + Limits.size(total > limits.totalBytes()
                    ? limits.totalBytes() : limits.scanBytes()) + ", more than this run reads: refused");
        }
    }

    private void stripCommonRoot() {
        List<String> all = new ArrayList<>(files.keySet());
        all.addAll(hostFiles.keySet());
        String prefix = PathRules.commonRoot(all);
        if (prefix.isEmpty()) {
            return;
        }
        Map<String, byte[]> moved = new LinkedHashMap<>();
        files.forEach((k, v) -> moved.put(k.substring(prefix.length()), v));
        files.clear();
        files.putAll(moved);
        Map<String, HostBytes> movedHosts = new LinkedHashMap<>();
        hostFiles.forEach((k, v) -> movedHosts.put(k.substring(prefix.length()), v));
        hostFiles.clear();
        hostFiles.putAll(movedHosts);
    }

    @Override
    public List<String> list() {
        List<String> all = new ArrayList<>(files.keySet());
        all.addAll(hostFiles.keySet());
        java.util.Collections.sort(all);
        return all;
    }

    @Override
    public byte[] read(String path) {
        return files.get(path);
    }

    @Override
    public HostBytes readHost(String path) {
        return hostFiles.get(path);
    }

    @Override
    public List<String> warnings() {
        return warnings;
    }
}
