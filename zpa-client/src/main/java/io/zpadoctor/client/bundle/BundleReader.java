package io.zpadoctor.client.bundle;

import io.zpadoctor.client.host.HostFolder;
import io.zpadoctor.client.internal.wire.ApiJson;
import io.zpadoctor.client.bundle.internal.ArchiveFiles;
import io.zpadoctor.client.bundle.internal.BundleFiles;
import io.zpadoctor.client.bundle.internal.CaseFile;
import io.zpadoctor.client.bundle.internal.DirectoryFiles;
import io.zpadoctor.client.bundle.internal.Limits;
import io.zpadoctor.client.internal.wire.TenantReader;
import io.zpadoctor.client.internal.wire.WireException;
import io.zpadoctor.client.lss.LssReader;
import io.zpadoctor.model.ReportedCase;
import io.zpadoctor.model.telemetry.TelemetryFeed;

import java.io.IOException;
import java.io.InputStream;
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
        return read(path, Limits.forThisJvm());
    }

    /** As {@link #read(Path)}, within other limits than this JVM's (for tests of hostile bundles). */
    static Bundle read(Path path, Limits limits) throws BundleException {
        String origin = path.toString();
        if (!Files.exists(path)) {
            if (Files.isSymbolicLink(path)) {
                try {
                    path.toRealPath();
                } catch (IOException e) {
                    throw new BundleException(origin, "is a symbolic link that cannot be followed ("
                            + io.zpadoctor.client.bundle.internal.DirectoryFiles.reason(e) + ")");
                }
            }
            throw new BundleException(origin, "no such file or folder");
        }
        if (!Files.isReadable(path)) {
            throw new BundleException(origin, "cannot be read: permission denied (the user running zpa-doctor may"
                    + " not read it)");
        }
        BundleFiles files;
        if (Files.isDirectory(path)) {
            files = new DirectoryFiles(path, limits);
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
            files = ArchiveFiles.open(path, kind, limits);
        }
        return read(files, origin, limits);
    }

    static Bundle read(BundleFiles files, String origin) throws BundleException {
        return read(files, origin, Limits.forThisJvm());
    }

    static Bundle read(BundleFiles files, String origin, Limits limits) throws BundleException {
        List<String> paths = files.list();
        if (paths.stream().noneMatch(p -> p.equals(CaseFile.PATH) || p.startsWith("api/") || p.startsWith("hosts/")
                || p.startsWith(LSS))) {
            throw new BundleException(origin, "holds no case.json, api/, hosts/ or lss/: not a ZPA Doctor bundle"
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
                try {
                    tenant.accept(p, files.read(p));
                } catch (WireException e) {
                    throw BundleFiles.error(e);
                }
            }
        }
        if (collectedAt == null && paths.stream().anyMatch(p -> p.startsWith("api/"))) {
            // a snapshot judged as of now: every "down for N days" grows by the snapshot's age, unless it is fresh
            warnings.add("the bundle records no collection time (case.json \"collectedAt\"), so it is judged as of"
                    + " this run's clock: if it was collected earlier, how long things have been down counts from then"
                    + " to now");
        }
        return new Bundle(origin, tenant.tenant(), rc, collectedAt, hosts(files, paths, warnings, limits), warnings,
                telemetry(files, paths));
    }

    /** Where a bundle keeps Log Streaming Service records: any file under it, one JSON record per line. */
    static final String LSS = "lss/";

    private static TelemetryFeed telemetry(BundleFiles files, List<String> paths) throws BundleException {
        TelemetryFeed feed = TelemetryFeed.empty();
        for (String p : paths) {
            if (!p.startsWith(LSS) || p.endsWith("/")) {
                continue;
            }
            try (InputStream in = files.open(p)) {
                if (in != null) {
                    feed.intake(LssReader.read(in, p, feed));
                }
            } catch (IOException e) {
                throw new BundleException(p, "cannot be read: " + e.getMessage());
            }
        }
        return feed;
    }

    private static List<HostFolder> hosts(BundleFiles files, List<String> paths, List<String> warnings, Limits limits)
            throws BundleException {
        Map<String, Map<String, String>> byHost = new LinkedHashMap<>();
        Map<String, Map<String, String>> notes = new LinkedHashMap<>();
        int lineChars = limits.lineChars();
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
            BundleFiles.HostBytes b = files.readHost(p);
            if (b == null) {
                continue;
            }
            Text t = text(b.bytes(), lineChars);
            String note = t.note();
            if (b.tail() && b.bytes().length == 0) {
                note = "it is " + Limits.size(b.size()) + " without a line break in its last "
                        + Limits.size(limits.probeBytes()) + ": no command prints that";
                t = new Text("", null);
            } else if (b.tail()) {
                note = "only its last " + Limits.size(b.bytes().length) + " of " + Limits.size(b.size())
                        + " were read (the most one run keeps of a host file)" + (note == null ? "" : "; " + note);
            } else if (b.bytes().length == 0 && b.size() > 0) {
                note = "it is " + Limits.size(b.size()) + ", more than any output of its command (this run"
                        + " keeps at most " + Limits.size(limits.probeBytes()) + " of a host file)";
            }
            byHost.computeIfAbsent(parts[1], k -> new LinkedHashMap<>()).put(parts[2], t.text());
            if (note != null) {
                notes.computeIfAbsent(parts[1], k -> new LinkedHashMap<>()).put(parts[2], note);
            }
        }
        List<HostFolder> out = new ArrayList<>();
        byHost.forEach((name, fs) -> out.add(new HostFolder(name, fs, notes.get(name))));
        return out;
    }

    /** A host file's text, and what decoding it changed, or null. */
    record Text(String text, String note) {
    }

    /** UTF-8, leniently: a stray byte becomes U+FFFD rather than failing the bundle; a BOM is dropped. */
    static String text(byte[] bytes) {
        return text(bytes, Integer.MAX_VALUE).text();
    }

    /**
     * A host file's text: UTF-8 leniently (a stray byte becomes U+FFFD), or UTF-16 when it was saved so (a BOM, or
     * every other byte NUL: Windows tools write it); NUL characters dropped (they are no command's output); lines
     * longer than {@code lineChars} cut there.
     */
    static Text text(byte[] bytes, int lineChars) {
        java.nio.charset.Charset cs = utf16(bytes);
        String s;
        try {
            s = cs.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            s = new String(bytes, cs);
        }
        if (s.startsWith("\uFEFF")) {
            s = s.substring(1);
        }
        List<String> notes = new ArrayList<>();
        if (cs != StandardCharsets.UTF_8) {
            notes.add("DECODED:saved as " + cs.name());
        }
        if (s.indexOf('\0') >= 0) {
            s = s.replace("\0", "");
            notes.add("NUL characters removed");
        }
        int longest = 0;
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            run = c == '\n' || c == '\r' ? 0 : run + 1;
            longest = Math.max(longest, run);
        }
        if (longest > lineChars) {
            StringBuilder b = new StringBuilder(s.length());
            int cut = 0;
            run = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                run = c == '\n' || c == '\r' ? 0 : run + 1;
                if (run <= lineChars) {
                    b.append(c);
                } else if (run == lineChars + 1) {
                    cut++;
                }
            }
            s = b.toString();
            notes.add(cut + " line(s) longer than " + lineChars + " characters were cut there");
        }
        List<String> shown = notes.stream().filter(n -> !n.startsWith("DECODED:")).toList();
        return new Text(s, shown.isEmpty() ? null : String.join("; ", shown));
    }

    /** UTF-16 when the bytes say so (a byte-order mark, or NULs in every other byte of the start), else UTF-8. */
    private static java.nio.charset.Charset utf16(byte[] b) {
        if (b.length >= 2 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe) {
            return StandardCharsets.UTF_16LE;
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff) {
            return StandardCharsets.UTF_16BE;
        }
        int n = Math.min(b.length, 4096) & ~1;
        if (n < 8) {
            return StandardCharsets.UTF_8;
        }
        int evenNul = 0;
        int oddNul = 0;
        for (int i = 0; i < n; i += 2) {
            evenNul += b[i] == 0 ? 1 : 0;
            oddNul += b[i + 1] == 0 ? 1 : 0;
        }
        int pairs = n / 2;
        if (oddNul > pairs * 0.4 && evenNul < pairs * 0.05) {
            return StandardCharsets.UTF_16LE;
        }
        if (evenNul > pairs * 0.4 && oddNul < pairs * 0.05) {
            return StandardCharsets.UTF_16BE;
        }
        return StandardCharsets.UTF_8;
    }

    private static String preview(List<String> paths) {
        return paths.size() <= 3 ? String.join(", ", paths) : String.join(", ", paths.subList(0, 3)) + ", ...";
    }

    /** Exposed for tests of the JSON shapes. */
    static ApiJson.Result parse(byte[] bytes, String file) throws BundleException {
        try {
            return ApiJson.read(bytes, file);
        } catch (WireException e) {
            throw BundleFiles.error(e);
        }
    }
}
