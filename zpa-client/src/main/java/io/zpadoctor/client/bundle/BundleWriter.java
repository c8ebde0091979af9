package io.zpadoctor.client.bundle;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zpadoctor.client.bundle.internal.CaseFile;
import io.zpadoctor.client.api.ApiObject;
import io.zpadoctor.client.internal.JsonApiObject;
import io.zpadoctor.client.internal.Redaction;
import io.zpadoctor.model.ReportedCase;
import io.zpadoctor.model.tenant.TenantCollection;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a support bundle that {@link BundleReader} reads back: {@code case.json} and {@code api/*.json} (a JSON
 * array per collection, one object per line), as a folder or, when the name ends so, a {@code .tar.gz} or
 * {@code .zip}.
 *
 * <pre>{@code
 * BundleWriter.to(Path.of("case-1234.tar.gz")).collectedAt(read.readAt()).reportedCase(c)
 *         .collections(read.objects()).write();
 * }</pre>
 *
 * Every object is redacted on the way out, whoever built it: provisioning key strings keep only their public
 * {@code <n>|<host>|} prefix, fields named like secrets or tokens are replaced, and the write fails rather than
 * put any of the {@link #secrets known secrets} into a file. An existing target is never overwritten.
 */
public final class BundleWriter {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path target;
    private final Map<TenantCollection, List<JsonNode>> collections = new EnumMap<>(TenantCollection.class);
    private final List<String> secrets = new ArrayList<>();
    private ReportedCase reportedCase = ReportedCase.NONE;
    private Instant collectedAt;

    private BundleWriter(Path target) {
        this.target = target;
    }

    public static BundleWriter to(Path target) {
        return new BundleWriter(target);
    }

    /** Written to {@code case.json}: the symptom, connector, group, application, cloud and customer id. */
    public BundleWriter reportedCase(ReportedCase c) {
        this.reportedCase = c == null ? ReportedCase.NONE : c;
        return this;
    }

    /** When the objects were read; a diagnosis of the bundle is evaluated as of this moment. */
    public BundleWriter collectedAt(Instant t) {
        this.collectedAt = t;
        return this;
    }

    /** The API's objects of one collection, as the API returned them. */
    public BundleWriter collection(TenantCollection c, List<? extends ApiObject> objects) {
        List<JsonNode> nodes = new ArrayList<>(objects.size());
        objects.forEach(o -> nodes.add(JsonApiObject.node(o)));
        collections.put(c, nodes);
        return this;
    }

    public BundleWriter collections(Map<TenantCollection, ? extends List<? extends ApiObject>> all) {
        all.forEach(this::collection);
        return this;
    }

    /** Values that must appear in no file (the client secret, tokens): the write fails if one would. */
    public BundleWriter secrets(Collection<String> values) {
        values.stream().filter(v -> v != null && v.length() >= 4).forEach(secrets::add);
        return this;
    }

    /** Writes the bundle and returns its path. */
    public Path write() throws BundleException {
        String name = target.getFileName() == null ? "" : target.getFileName().toString().toLowerCase(Locale.ROOT);
        if (Files.exists(target) && !(Files.isDirectory(target) && isEmpty(target))) {
            throw new BundleException(target.toString(), "already exists; choose another name or remove it first"
                    + " (a bundle is never overwritten)");
        }
        Map<String, byte[]> files = files();
        try {
            Path dir = target.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            if (name.endsWith(".tar.gz") || name.endsWith(".tgz")) {
                writeAtomically(target, out -> tarGz(files, out));
            } else if (name.endsWith(".zip")) {
                writeAtomically(target, out -> zip(files, out));
            } else {
                folder(files);
            }
        } catch (IOException e) {
            throw new BundleException(target.toString(), "cannot be written: " + e.getMessage());
        }
        return target;
    }

    private Map<String, byte[]> files() throws BundleException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(CaseFile.PATH, caseJson());
        for (Map.Entry<TenantCollection, List<JsonNode>> e : collections.entrySet()) {
            files.put(e.getKey().bundlePath(), array(e.getValue()));
        }
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            String text = new String(f.getValue(), StandardCharsets.UTF_8);
            for (String s : secrets) {
                if (text.contains(s)) {
                    throw new BundleException(f.getKey(), "would hold a secret the client used; nothing was written");
                }
            }
        }
        return files;
    }

    private byte[] caseJson() {
        ObjectNode c = MAPPER.createObjectNode();
        if (collectedAt != null) {
            c.put("collectedAt", collectedAt.toString());
        }
        ReportedCase rc = reportedCase;
        if (rc.symptom() != null) {
            c.put("symptom", rc.symptom().label());
        }
        putIf(c, "connector", rc.connectorName());
        putIf(c, "connectorGroup", rc.groupName());
        if (rc.application() != null) {
            c.put("application", rc.application().toString());
        }
        putIf(c, "cloud", rc.location().cloud());
        putIf(c, "customerId", rc.location().customerId());
        putIf(c, "managementApi", rc.location().managementApi());
        try {
            return MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(c);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void putIf(ObjectNode n, String field, String value) {
        if (value != null) {
            n.put(field, value);
        }
    }

    /** A JSON array with one object per line: small, and still readable with grep and diff. */
    private static byte[] array(List<JsonNode> objects) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(objects.size() * 1024 + 16);
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            g.writeRaw("[");
            for (int i = 0; i < objects.size(); i++) {
                g.writeRaw(i == 0 ? "\n" : ",\n");
                JsonNode copy = Redaction.redact(objects.get(i).deepCopy());
                MAPPER.writeTree(g, copy);
                g.flush();
            }
            g.writeRaw(objects.isEmpty() ? "]\n" : "\n]\n");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private void folder(Map<String, byte[]> files) throws IOException {
        Path abs = target.toAbsolutePath();
        // written beside the target and moved into place, so a failed write leaves no half bundle
        Path tmp = Files.createTempDirectory(abs.getParent(), "." + abs.getFileName() + ".");
        try {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Path p = tmp.resolve(f.getKey());
                Files.createDirectories(p.getParent());
                Files.write(p, f.getValue());
                if (POSIX) {
                    // tenant data: the owner's alone, like the archive (a temp file) and the folder (a temp folder)
                    Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
                    Files.setPosixFilePermissions(p.getParent(), java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
                }
            }
            if (Files.isDirectory(abs)) {
                Files.delete(abs);   // only ever an empty folder, checked above
            }
            move(tmp, abs);
        } finally {
            if (Files.exists(tmp)) {
                deleteTree(tmp);
            }
        }
    }

    private static final boolean POSIX = java.nio.file.FileSystems.getDefault().supportedFileAttributeViews()
            .contains("posix");

    private interface Body {
        void write(OutputStream out) throws IOException;
    }

    private static void writeAtomically(Path target, Body body) throws IOException {
        Path abs = target.toAbsolutePath();
        Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                body.write(out);
            }
            move(tmp, abs);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void tarGz(Map<String, byte[]> files, OutputStream raw) throws IOException {
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(raw))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                TarArchiveEntry e = new TarArchiveEntry(f.getKey());
                e.setSize(f.getValue().length);
                e.setMode(0644);
                e.setModTime(FileTime.from(Instant.now()));
                tar.putArchiveEntry(e);
                tar.write(f.getValue());
                tar.closeArchiveEntry();
            }
            tar.finish();
        }
    }

    private static void zip(Map<String, byte[]> files, OutputStream raw) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(raw)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue());
                zip.closeEntry();
            }
        }
    }

    private static boolean isEmpty(Path dir) {
        try (var s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteTree(Path p) throws IOException {
        try (var walk = Files.walk(p)) {
            List<Path> all = walk.sorted(java.util.Comparator.reverseOrder()).toList();
            for (Path x : all) {
                Files.deleteIfExists(x);
            }
        }
    }
}
