package io.zpadoctor.client.bundle;

import io.zpadoctor.client.bundle.internal.ApiJson;
import io.zpadoctor.client.bundle.internal.ArchiveFiles;
import io.zpadoctor.client.bundle.internal.BundleFiles;
import io.zpadoctor.client.bundle.internal.CaseFile;
import io.zpadoctor.client.bundle.internal.DirectoryFiles;
import io.zpadoctor.client.bundle.internal.TenantReader;
import io.zpadoctor.model.ReportedCase;

import java.io.IOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a support bundle from a folder, a {@code .tar.gz} or a {@code .zip}:
 * <pre>
 * case.json                       optional: symptom, connector, connectorGroup, application, cloud, collectedAt
 * api/connectors.json             optional, each: a JSON array, one API page, or an array of pages
 * api/connector-groups.json
 * api/provisioning-keys.json
 * api/enrollment-certificates.json
 * api/server-groups.json
 * api/application-segments.json
 * hosts/&lt;hostname&gt;/&lt;probe&gt;.txt   optional raw command outputs
 * </pre>
 * A missing {@code api/} file means there are no such objects to reason about; a broken one is an error that
 * names the file, line and column.
 */
public final class BundleReader {
    private BundleReader() {
    }

    public static Bundle read(Path path) throws BundleException {
        String origin = path.toString();
        if (!Files.exists(path)) {
            throw new BundleException(origin, "no such file or folder");
        }
        BundleFiles files;
        if (Files.isDirectory(path)) {
            files = new DirectoryFiles(path);
        } else {
            ArchiveFiles.Kind kind;
            try {
                kind = ArchiveFiles.sniff(path);
            } catch (IOException e) {
                throw new BundleException(origin, "cannot be read: " + e.getMessage());
            }
            if (kind == null) {
                String lower = origin.toLowerCase(Locale.ROOT);
                throw new BundleException(origin, lower.endsWith(".json")
                        ? "is a single JSON file; pass the bundle folder that holds api/" + path.getFileName()
                        : "is not a folder, a .tar.gz or a .zip");
            }
            files = ArchiveFiles.open(path, kind);
        }
        return read(files, origin);
    }

    static Bundle read(BundleFiles files, String origin) throws BundleException {
        List<String> paths = files.list();
        if (paths.stream().noneMatch(p -> p.equals(CaseFile.PATH) || p.startsWith("api/") || p.startsWith("hosts/"))) {
            throw new BundleException(origin, "holds no case.json, api/ or hosts/: not a ZPA Doctor bundle"
                    + (paths.isEmpty() ? " (it is empty)" : " (it holds " + preview(paths) + ")"));
        }
        List<String> warnings = new ArrayList<>(files.warnings());
        ReportedCase rc = ReportedCase.NONE;
        Instant collectedAt = null;
        byte[] caseBytes = files.read(CaseFile.PATH);
        if (caseBytes != null) {
            CaseFile.Result cf = CaseFile.read(caseBytes);
            rc = cf.reportedCase();
            collectedAt = cf.collectedAt();
        }
        TenantReader tenant = new TenantReader(warnings);
        for (String p : paths) {
            if (p.startsWith("api/")) {
                tenant.accept(p, files.read(p));
            }
        }
        return new Bundle(origin, tenant.tenant(), rc, collectedAt, hosts(files, paths, warnings), warnings);
    }

    private static List<HostFolder> hosts(BundleFiles files, List<String> paths, List<String> warnings)
            throws BundleException {
        Map<String, Map<String, String>> byHost = new LinkedHashMap<>();
        for (String p : paths) {
            if (!p.startsWith("hosts/")) {
                continue;
            }
            String[] parts = p.split("/");
            if (parts.length != 3) {
                warnings.add(p + ": ignored; host files go in hosts/<hostname>/<probe>.txt");
                continue;
            }
            if (parts[1].isBlank() || parts[2].isBlank()) {
                // a blank folder or file name names no host and no probe: nothing could cite it as evidence
                warnings.add(p + ": ignored; a host folder and a probe file need a name");
                continue;
            }
            byHost.computeIfAbsent(parts[1], k -> new LinkedHashMap<>()).put(parts[2], text(files.read(p)));
        }
        List<HostFolder> out = new ArrayList<>();
        byHost.forEach((name, fs) -> out.add(new HostFolder(name, fs)));
        return out;
    }

    /** UTF-8, leniently: a stray byte becomes U+FFFD rather than failing the bundle; a BOM is dropped. */
    static String text(byte[] bytes) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (java.nio.charset.CharacterCodingException e) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static String preview(List<String> paths) {
        return paths.size() <= 3 ? String.join(", ", paths) : String.join(", ", paths.subList(0, 3)) + ", ...";
    }

    /** Exposed for tests of the JSON shapes. */
    static ApiJson.Result parse(byte[] bytes, String file) throws BundleException {
        return ApiJson.read(bytes, file);
    }
}
