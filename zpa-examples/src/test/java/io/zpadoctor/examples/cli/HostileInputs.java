package io.zpadoctor.examples.cli;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The makings of hostile and broken bundles: archives that unpack to far more than they weigh, garbled copies. */
final class HostileInputs {
    static final Path SCENARIOS = Path.of("../zpa-rules/src/test/resources/scenarios");
    static final Path BASE = SCENARIOS.resolve("con-006-paused-for-upgrade");
    private static final Charset CP1252 = Charset.forName("windows-1252");

    private HostileInputs() {
    }

    /** What an entry of a built archive holds: bytes, or {@code size} bytes of one repeated byte. */
    record Entry(String name, byte[] bytes, long size, byte fill, Kind kind, String target) {
        enum Kind { FILE, FOLDER, LINK }

        static Entry file(String name, byte[] bytes) {
            return new Entry(name, bytes, bytes.length, (byte) 0, Kind.FILE, null);
        }

        static Entry filled(String name, long size, char fill) {
            return new Entry(name, null, size, (byte) fill, Kind.FILE, null);
        }

        static Entry folder(String name) {
            return new Entry(name, null, 0, (byte) 0, Kind.FOLDER, null);
        }

        static Entry link(String name, String target) {
            return new Entry(name, null, 0, (byte) 0, Kind.LINK, target);
        }

        InputStream open() {
            return bytes != null ? new java.io.ByteArrayInputStream(bytes) : new Repeated(size, fill);
        }
    }

    /** {@code size} bytes of one byte, without holding them. */
    private static final class Repeated extends InputStream {
        private long left;
        private final byte fill;

        Repeated(long size, byte fill) {
            this.left = size;
            this.fill = fill;
        }

        @Override
        public int read() {
            if (left <= 0) {
                return -1;
            }
            left--;
            return fill & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(b, off, off + n, fill);
            left -= n;
            return n;
        }
    }

    /** The base scenario's files, as archive entries under {@code bundle/}. */
    static List<Entry> baseEntries(String... without) throws IOException {
        List<Entry> out = new java.util.ArrayList<>();
        try (Stream<Path> s = Files.walk(BASE)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                String rel = BASE.relativize(p).toString().replace('\\', '/');
                if (!rel.equals("expected.yaml") && !List.of(without).contains(rel)) {
                    out.add(Entry.file("bundle/" + rel, Files.readAllBytes(p)));
                }
            }
        }
        return out;
    }

    /** The base scenario's one host folder, as the archive names it. */
    static String baseHost() throws IOException {
        try (Stream<Path> s = Files.list(BASE.resolve("hosts"))) {
            return "bundle/hosts/" + s.findFirst().orElseThrow().getFileName() + "/";
        }
    }

    static Path tarGz(Path file, Iterable<Entry> entries) throws IOException {
        try (OutputStream out = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16),
                1 << 16) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        };
             TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (Entry e : entries) {
                TarArchiveEntry t;
                if (e.kind() == Entry.Kind.LINK) {
                    t = new TarArchiveEntry(e.name(), TarArchiveEntry.LF_SYMLINK);
                    t.setLinkName(e.target());
                } else {
                    t = new TarArchiveEntry(e.kind() == Entry.Kind.FOLDER && !e.name().endsWith("/") ? e.name() + "/"
                            : e.name());
                    t.setSize(e.size());
                }
                tar.putArchiveEntry(t);
                if (e.kind() == Entry.Kind.FILE) {
                    try (InputStream in = e.open()) {
                        in.transferTo(tar);
                    }
                }
                tar.closeArchiveEntry();
            }
        }
        return file;
    }

    static Path zip(Path file, Iterable<Entry> entries) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            for (Entry e : entries) {
                zip.putNextEntry(new ZipEntry(e.kind() == Entry.Kind.FOLDER ? e.name() + "/" : e.name()));
                if (e.kind() == Entry.Kind.FILE) {
                    try (InputStream in = e.open()) {
                        in.transferTo(zip);
                    }
                }
                zip.closeEntry();
            }
        }
        return file;
    }

    /** A copy of a scenario folder (without its expectations) whose host files pass through {@code how}. */
    static Path copy(Path scenario, Path to, UnaryOperator<byte[]> how) throws IOException {
        try (Stream<Path> s = Files.walk(scenario)) {
            for (Path p : s.sorted().toList()) {
                String rel = scenario.relativize(p).toString();
                Path t = to.resolve(rel);
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else if (!rel.equals("expected.yaml")) {
                    byte[] b = Files.readAllBytes(p);
                    Files.write(t, rel.startsWith("hosts") ? how.apply(b) : b);
                }
            }
        }
        return to;
    }

    /**
     * The ways a copy, a paste or a Windows machine garbles a probe file: each takes the UTF-8 bytes and returns what
     * reached the bundle (UTF-16 with and without a mark, latin-1 and cp1252 that cannot hold the tree characters,
     * UTF-8 read as cp1252 and saved again, {@code ?} for every non-ASCII character, lines ellipsized at 80
     * columns, Windows line ends, NULs between the characters).
     */
    static Map<String, UnaryOperator<byte[]>> encodings() {
        Map<String, UnaryOperator<byte[]>> m = new LinkedHashMap<>();
        m.put("utf-16le+bom", b -> withBom(text(b).getBytes(StandardCharsets.UTF_16LE)));
        m.put("utf-16be", b -> text(b).getBytes(StandardCharsets.UTF_16BE));
        m.put("latin-1", b -> text(b).getBytes(StandardCharsets.ISO_8859_1));
        m.put("cp1252", b -> text(b).getBytes(CP1252));
        m.put("mojibake", b -> new String(b, CP1252).getBytes(StandardCharsets.UTF_8));
        m.put("??", b -> text(b).replaceAll("[^\\x00-\\x7F]", "?").getBytes(StandardCharsets.UTF_8));
        m.put("ellipsized", b -> text(b).replaceAll("(?m)^(.{79}).+$", "$1\u2026").getBytes(StandardCharsets.UTF_8));
        m.put("crlf", b -> text(b).replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
        m.put("nul-sprinkled", b -> {
            byte[] out = new byte[b.length * 2];
            for (int i = 0; i < b.length; i++) {
                out[2 * i] = b[i];
            }
            return out;
        });
        return m;
    }

    /** Random bytes the size of each probe file: a disk error, a binary pasted by mistake. */
    static UnaryOperator<byte[]> junk(long seed) {
        Random r = new Random(seed);
        return b -> {
            byte[] out = new byte[Math.max(64, b.length)];
            r.nextBytes(out);
            return out;
        };
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static byte[] withBom(byte[] b) {
        byte[] out = new byte[b.length + 2];
        out[0] = (byte) 0xff;
        out[1] = (byte) 0xfe;
        System.arraycopy(b, 0, out, 2, b.length);
        return out;
    }

    /** Every scenario folder (nested ones too) that has host files. */
    static List<Path> scenariosWithHosts() throws IOException {
        try (Stream<Path> s = Files.walk(SCENARIOS)) {
            return s.filter(p -> Files.isDirectory(p.resolve("hosts")) && Files.isRegularFile(p.resolve("expected.yaml")))
                    .sorted().toList();
        }
    }
}
