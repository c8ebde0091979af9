package io.zpadoctor.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zpadoctor.examples.cli.HostileInputs.Entry;
import io.zpadoctor.fakeapi.Fault;
import io.zpadoctor.fakeapi.FakeTenant;
import io.zpadoctor.fakeapi.FakeZpa;
import io.zpadoctor.rules.Catalog;
import io.zpadoctor.rules.CatalogEntry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The hostile-input suite (issue 14): bombs, garbled encodings, planted secrets, pages that overlap and hostile rule
 * packs, each run through the real command line in a JVM of its own with the heap a modest machine gives, judged,
 * and summed up in a table: what was tried, how much of it was handled (the right exit code, one line and no stack
 * trace on a refusal, no finding the clean input does not give, no secret in any output), the time and the peak
 * resident memory of the JVMs. {@link Scale#REGRESSION} runs every kind at sizes a CI run affords;
 * {@link Scale#FULL} ({@code -Phostile}) at the sizes of the report.
 */
final class HostileInputSuite {
    enum Scale { REGRESSION, FULL }

    static final String HEAP = "-Xmx1g";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STACK_TRACE = Pattern.compile("(?m)^\\s+at [\\w.$]+\\(|Exception in thread|^Caused by:");

    /** One line of the table; {@code failures} names every input that was not handled and why. */
    record Row(String what, int tried, int handled, long millis, long peakRssKib, List<String> failures) {
    }

    /** What one run of the command line did. */
    record Run(int exit, String out, String err, boolean timedOut) {
    }

    private final Scale scale;
    private final Path work;
    private final List<Row> rows = new ArrayList<>();
    private final List<Map.Entry<String, Long>> slowest = new ArrayList<>();

    HostileInputSuite(Scale scale, Path work) {
        this.scale = scale;
        this.work = work;
    }

    List<Row> rows() {
        return rows;
    }

    private long size(long regression, long full) {
        return scale == Scale.FULL ? full : regression;
    }

    // ---------------------------------------------------------------- running the command line in a JVM of its own

    private static List<String> java(String main) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // the wrapper's options for a short run, with the heap of a modest machine
        cmd.addAll(List.of(HEAP, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:NewRatio=1", "-Xss2m",
                "-cp", System.getProperty("java.class.path"), main));
        return cmd;
    }

    /** Peak resident memory of a live process, read from /proc until it ends; -1 where there is no /proc. */
    private static final class PeakRss extends Thread {
        private final Process process;
        private volatile long peakKib = -1;

        PeakRss(Process process) {
            this.process = process;
            setDaemon(true);
            start();
        }

        @Override
        public void run() {
            Path status = Path.of("/proc", Long.toString(process.pid()), "status");
            while (process.isAlive()) {
                try {
                    for (String line : Files.readAllLines(status)) {
                        if (line.startsWith("VmHWM:")) {
                            peakKib = Math.max(peakKib, Long.parseLong(line.replaceAll("\\D", "")));
                        }
                    }
                    Thread.sleep(20);
                } catch (IOException | RuntimeException e) {
                    return; // the process ended between the check and the read
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        long peak() throws InterruptedException {
            join(1_000);
            return peakKib;
        }
    }

    private record Child(int exit, boolean timedOut, long millis, long peakKib) {
    }

    private Child child(List<String> cmd, Map<String, String> env, Path out, Path err, Duration limit)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().remove("ZPA_DOCTOR_DEBUG");
        pb.environment().putAll(env);
        long t0 = System.nanoTime();
        Process p = pb.start();
        PeakRss rss = new PeakRss(p);
        boolean done = p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        if (!done) {
            p.destroyForcibly().waitFor();
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        return new Child(done ? p.exitValue() : -1, !done, millis, rss.peak());
    }

    /** One command line in a JVM of its own (the real {@code main}: its exit code is the process's). */
    private Run single(String name, Map<String, String> env, Duration limit, Stats stats, String... args)
            throws IOException, InterruptedException {
        Path dir = Files.createDirectories(work.resolve("runs").resolve(name));
        List<String> cmd = java("io.zpadoctor.examples.cli.ZpaDoctor");
        cmd.addAll(List.of(args));
        Child c = child(cmd, env, dir.resolve("out"), dir.resolve("err"), limit);
        stats.add(c);
        slowest.add(Map.entry(name, c.millis()));
        return new Run(c.exit(), read(dir.resolve("out")), read(dir.resolve("err")), c.timedOut());
    }

    /** Many command lines in one JVM ({@link HostileBatch}); a run the JVM did not finish has exit -1. */
    private List<Run> batch(String name, Map<String, String> env, Duration limit, Stats stats, List<List<String>> runs)
            throws IOException, InterruptedException {
        Path dir = Files.createDirectories(work.resolve("runs").resolve(name));
        Files.write(dir.resolve("runs.txt"), runs.stream().map(a -> String.join(HostileBatch.SEPARATOR, a)).toList(),
                StandardCharsets.UTF_8);
        List<String> cmd = java("io.zpadoctor.examples.cli.HostileBatch");
        cmd.add(dir.toString());
        Child c = child(cmd, env, dir.resolve("batch.out"), dir.resolve("batch.err"), limit);
        stats.add(c);
        List<Run> out = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            Path code = dir.resolve(i + ".code");
            out.add(Files.exists(code)
                    ? new Run(Integer.parseInt(read(code).trim()), read(dir.resolve(i + ".out")), read(dir.resolve(i + ".err")), false)
                    : new Run(-1, "", read(dir.resolve("batch.err")), c.timedOut()));
        }
        return out;
    }

    private static String read(Path p) throws IOException {
        return Files.exists(p) ? Files.readString(p, StandardCharsets.ISO_8859_1) : "";
    }

    /** Time and memory summed over a row's JVMs. */
    private static final class Stats {
        long millis;
        long peakKib = -1;

        void add(Child c) {
            millis += c.millis();
            peakKib = Math.max(peakKib, c.peakKib());
        }
    }

    // ------------------------------------------------------------------------------------------------- judging a run

    /** Null when the run handled its input as a finished diagnosis should: exit 0-3, a JSON report, no trace. */
    private static String diagnosis(Run r) {
        String common = common(r);
        if (common != null) {
            return common;
        }
        if (r.exit() < 0 || r.exit() > 3) {
            return "exit " + r.exit() + " where a diagnosis was due: " + firstLine(r.err());
        }
        try {
            JsonNode n = JSON.readTree(r.out());
            return n != null && n.path("findings").isArray() ? null : "no JSON report on standard output";
        } catch (IOException e) {
            return "standard output is not a JSON report: " + e.getMessage();
        }
    }

    /** Null when the run refused its input with {@code exit}, in a few lines that say why ({@code words}). */
    private static String refused(Run r, int exit, String... words) {
        String common = common(r);
        if (common != null) {
            return common;
        }
        if (r.exit() != exit) {
            return "exit " + r.exit() + " where " + exit + " was due: " + firstLine(r.err() + r.out());
        }
        String err = r.err().toLowerCase(Locale.ROOT);
        for (String w : words) {
            if (!err.contains(w.toLowerCase(Locale.ROOT))) {
                return "the refusal does not say '" + w + "': " + firstLine(r.err());
            }
        }
        return r.err().lines().count() > 6 ? "the refusal takes " + r.err().lines().count() + " lines" : null;
    }

    private static String common(Run r) {
        if (r.timedOut()) {
            return "did not finish in time";
        }
        if (STACK_TRACE.matcher(r.err()).find() || STACK_TRACE.matcher(r.out()).find()) {
            return "printed a stack trace: " + firstLine(r.err());
        }
        return null;
    }

    private static String firstLine(String s) {
        return s.lines().filter(l -> !l.isBlank()).findFirst().map(l -> l.length() > 160 ? l.substring(0, 160) + "…" : l)
                .orElse("(nothing)");
    }

    /** WARNING and CRITICAL codes of a JSON report, umbrellas left out (they restate the symptom when evidence is missing). */
    static Set<String> problems(String json) throws IOException {
        Set<String> out = new TreeSet<>();
        for (JsonNode f : JSON.readTree(json).path("findings")) {
            String code = f.path("code").asText();
            String sev = f.path("severity").asText();
            boolean umbrella = Catalog.builtIn().entry(code).map(e -> e.role() == CatalogEntry.Role.UMBRELLA).orElse(false);
            if ((sev.equals("CRITICAL") || sev.equals("WARNING")) && !umbrella) {
                out.add(code);
            }
        }
        return out;
    }

    private Row row(String what, Stats stats, List<String> failures, int tried) {
        Row r = new Row(what, tried, tried - failures.size(), stats.millis, stats.peakKib, List.copyOf(failures));
        rows.add(r);
        return r;
    }

    // --------------------------------------------------------------------------------------------------------- bombs

    /** One bomb: how to make it, and what handling it means. */
    private record Bomb(String name, Maker make, Judge judge) {
    }

    @FunctionalInterface
    private interface Maker {
        Path make(Path dir) throws IOException;
    }

    @FunctionalInterface
    private interface Judge {
        String judge(Run r);
    }

    private static String mb(long bytes) {
        return bytes >= 1L << 30 ? (bytes >> 30) + " GiB" : (bytes >> 20) + " MiB";
    }

    private static final byte[] FREE = ("              total        used        free      shared  buff/cache   available\n"
            + "Mem:        7990000     2100000     3000000       20000     2890000     5600000\n"
            + "Swap:             0           0           0\n").getBytes(StandardCharsets.US_ASCII);

    private List<Bomb> bombs() throws IOException {
        String host = HostileInputs.baseHost();
        long big = size(100L << 20, 500L << 20);
        long journal = size(200L << 20, 600L << 20);
        long zeros = size(5L << 30, 10L << 30);   // above the 4 GiB a run unpacks before it refuses
        int folders = (int) size(20_000, 1_000_000);
        int entries = (int) size(150_000, 1_000_000);
        int hostFolders = (int) size(5_000, 200_000);
        List<Bomb> b = new ArrayList<>();
        b.add(new Bomb("three " + mb(big) + " probe files of one character (.tar.gz)", d -> HostileInputs.tarGz(
                d.resolve("b.tar.gz"), withBase(
                        Entry.filled(host + "ps-cpu.txt", big, 'A'), Entry.filled(host + "df.txt", big, 'A'),
                        Entry.filled(host + "systemctl-status.txt", big, 'A'))),
                r -> contains(diagnosis(r), r, "ZPA-PRB-001")));
        b.add(new Bomb("a " + mb(big) + " journal on one line (.tar.gz)", d -> HostileInputs.tarGz(d.resolve("b.tar.gz"),
                withBase(Entry.filled(host + "journal.txt", big, 'x'))),
                HostileInputSuite::diagnosis));
        b.add(new Bomb("a " + mb(journal) + " journal of real lines (folder)", d -> {
            Path bundle = HostileInputs.copy(HostileInputs.BASE, d.resolve("bundle"), UnaryOperator.identity());
            Path j;
            try (Stream<Path> s = Files.list(bundle.resolve("hosts"))) {
                j = s.findFirst().orElseThrow().resolve("journal.txt");
            }
            byte[] lines = Files.readAllBytes(j);
            try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(j), 1 << 20)) {
                for (long n = 0; n < journal; n += lines.length) {
                    out.write(lines);
                }
            }
            return bundle;
        }, r -> contains(diagnosis(r), r, "ZPA-PRB-001")));
        b.add(new Bomb(String.format(Locale.ROOT, "%,d empty host folders (.tar.gz)", folders), d -> HostileInputs.tarGz(
                d.resolve("b.tar.gz"), concat(HostileInputs.baseEntries(), generated(folders,
                        i -> Entry.folder("bundle/hosts/vm-" + i)))),
                // an empty folder holds no evidence and costs nothing; past the entry limit the archive is refused
                r -> folders > 100_000 ? refused(r, 65, "entries") : diagnosis(r)));
        b.add(new Bomb(String.format(Locale.ROOT, "%,d host folders of one probe file each (.tar.gz)", hostFolders), d ->
                HostileInputs.tarGz(d.resolve("b.tar.gz"), concat(HostileInputs.baseEntries(), generated(hostFolders,
                        i -> Entry.file("bundle/hosts/vm-" + i + "/free.txt", FREE)))),
                r -> refused(r, 65, "host folders")));
        b.add(new Bomb(String.format(Locale.ROOT, "%,d small files in one host folder (.tar.gz)", entries), d ->
                HostileInputs.tarGz(d.resolve("b.tar.gz"), concat(HostileInputs.baseEntries(), generated(entries,
                        i -> Entry.file(host + "extra-" + i + ".txt", new byte[] {'x', '\n'})))),
                r -> refused(r, 65, "entries")));
        b.add(new Bomb("one " + mb(zeros) + " entry of zeros (.tar.gz)", d -> HostileInputs.tarGz(d.resolve("b.tar.gz"),
                withBase(Entry.filled(host + "journal.txt", zeros, '\0'))),
                r -> refused(r, 65, "unpacks to")));
        b.add(new Bomb("one " + mb(zeros) + " entry of zeros (.zip)", d -> HostileInputs.zip(d.resolve("b.zip"),
                withBase(Entry.filled(host + "journal.txt", zeros, '\0'))),
                r -> refused(r, 65, "unpacks to")));
        b.add(new Bomb("an api file nested 100,000 deep", d -> HostileInputs.tarGz(d.resolve("b.tar.gz"), concat(
                HostileInputs.baseEntries("api/connectors.json"), List.of(Entry.file("bundle/api/connectors.json",
                        ("[".repeat(100_000) + "]".repeat(100_000)).getBytes(StandardCharsets.US_ASCII))))),
                r -> refused(r, 65, "connectors.json")));
        b.add(new Bomb("a 100 MiB string in an api file", d -> {
            byte[] s = new byte[100 << 20];
            java.util.Arrays.fill(s, (byte) 'n');
            byte[] head = "{\"list\": [{\"id\": \"1\", \"name\": \"".getBytes(StandardCharsets.US_ASCII);
            byte[] tail = "\"}], \"totalPages\": \"1\"}".getBytes(StandardCharsets.US_ASCII);
            byte[] all = new byte[head.length + s.length + tail.length];
            System.arraycopy(head, 0, all, 0, head.length);
            System.arraycopy(s, 0, all, head.length, s.length);
            System.arraycopy(tail, 0, all, head.length + s.length, tail.length);
            return HostileInputs.tarGz(d.resolve("b.tar.gz"), concat(HostileInputs.baseEntries("api/connectors.json"),
                    List.of(Entry.file("bundle/api/connectors.json", all))));
        }, r -> refused(r, 65, "connectors.json")));
        b.add(new Bomb("an entry climbing out with ../", d -> HostileInputs.tarGz(d.resolve("b.tar.gz"), concat(
                HostileInputs.baseEntries(), List.of(Entry.file("bundle/../../etc/cron.d/x", "* * * * * root id\n"
                        .getBytes(StandardCharsets.US_ASCII))))), r -> refused(r, 65, "refusing the archive")));
        b.add(new Bomb("an absolute entry", d -> HostileInputs.zip(d.resolve("b.zip"), concat(HostileInputs.baseEntries(),
                List.of(Entry.file("/etc/cron.d/x", "* * * * * root id\n".getBytes(StandardCharsets.US_ASCII))))),
                r -> refused(r, 65, "refusing the archive")));
        b.add(new Bomb("a link entry to /etc/passwd as a probe file", d -> HostileInputs.tarGz(d.resolve("b.tar.gz"),
                concat(HostileInputs.baseEntries(host.substring("bundle/".length()) + "resolv-conf.txt"),
                        List.of(Entry.link(host + "resolv-conf.txt", "/etc/passwd")))),
                r -> r.out().contains("root:x:0") || r.err().contains("root:x:0") ? "the link was followed"
                        : r.exit() == 65 ? refused(r, 65, "link") : diagnosis(r)));
        b.add(new Bomb("an archive cut in the middle", d -> {
            Path whole = HostileInputs.tarGz(d.resolve("whole.tar.gz"), HostileInputs.baseEntries());
            byte[] all = Files.readAllBytes(whole);
            return Files.write(d.resolve("b.tar.gz"), java.util.Arrays.copyOf(all, all.length / 2));
        }, r -> refused(r, 65, "b.tar.gz")));
        b.add(new Bomb("a folder bundle whose journal is a link to itself", d -> {
            Path bundle = HostileInputs.copy(HostileInputs.BASE, d.resolve("bundle"), UnaryOperator.identity());
            try (Stream<Path> s = Files.list(bundle.resolve("hosts"))) {
                Path j = s.findFirst().orElseThrow().resolve("journal.txt");
                Files.delete(j);
                Files.createSymbolicLink(j, j.getFileName());
            }
            return bundle;
        }, r -> r.exit() == 65 ? refused(r, 65, "link") : diagnosis(r)));
        return b;
    }

    /** The base scenario's entries with these added, each replacing the base file of its name. */
    private static List<Entry> withBase(Entry... extra) throws IOException {
        List<Entry> out = new ArrayList<>();
        for (Entry e : HostileInputs.baseEntries()) {
            if (Stream.of(extra).noneMatch(x -> x.name().equals(e.name()))) {
                out.add(e);
            }
        }
        out.addAll(List.of(extra));
        return out;
    }

    private static String contains(String verdict, Run r, String what) {
        return verdict != null ? verdict : r.out().contains(what) ? null : "the report does not name " + what;
    }

    @SafeVarargs
    private static <T> Iterable<T> concat(Iterable<? extends T>... parts) {
        return () -> {
            List<Iterator<? extends T>> its = new ArrayList<>();
            for (Iterable<? extends T> p : parts) {
                its.add(p.iterator());
            }
            return new Iterator<T>() {
                int i;

                @Override
                public boolean hasNext() {
                    while (i < its.size() && !its.get(i).hasNext()) {
                        i++;
                    }
                    return i < its.size();
                }

                @Override
                public T next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    return its.get(i).next();
                }
            };
        };
    }

    private static <T> Iterable<T> generated(int n, java.util.function.IntFunction<T> f) {
        return () -> java.util.stream.IntStream.range(0, n).mapToObj(f).iterator();
    }

    Row runBombs() throws Exception {
        Stats stats = new Stats();
        List<String> failures = new ArrayList<>();
        List<Bomb> bombs = bombs();
        for (int i = 0; i < bombs.size(); i++) {
            Bomb b = bombs.get(i);
            Path dir = Files.createDirectories(work.resolve("bombs").resolve(Integer.toString(i)));
            Path input = b.make().make(dir);
            Run r = single("bomb-" + i, Map.of(), Duration.ofMinutes(scale == Scale.FULL ? 10 : 3), stats,
                    "diagnose", "--bundle", input.toString(), "--format", "json");
            String verdict = b.judge().judge(r);
            if (verdict != null) {
                failures.add(b.name() + ": " + verdict);
            }
            deleteTree(dir);
        }
        return row("bombs (" + bombs.size() + " kinds)", stats, failures, bombs.size());
    }

    // --------------------------------------------------------------------------------------------- garbled encodings

    Row runEncodings() throws Exception {
        List<Path> scenarios = HostileInputs.scenariosWithHosts();
        if (scale == Scale.REGRESSION) {
            List<Path> some = new ArrayList<>();
            for (int i = 0; i < scenarios.size(); i += 8) {
                some.add(scenarios.get(i));
            }
            scenarios = some;
        }
        Map<String, UnaryOperator<byte[]>> encodings = HostileInputs.encodings();
        List<List<String>> runs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Path s : scenarios) {
            String name = HostileInputs.SCENARIOS.relativize(s).toString();
            Path clean = HostileInputs.copy(s, work.resolve("encodings").resolve(name).resolve("clean"),
                    UnaryOperator.identity());
            runs.add(List.of("diagnose", "--bundle", clean.toString(), "--format", "json"));
            names.add(name + " clean");
            for (Map.Entry<String, UnaryOperator<byte[]>> e : encodings.entrySet()) {
                Path garbled = HostileInputs.copy(s, work.resolve("encodings").resolve(name).resolve(e.getKey()), e.getValue());
                runs.add(List.of("diagnose", "--bundle", garbled.toString(), "--format", "json"));
                names.add(name + " " + e.getKey());
            }
            Path junk = HostileInputs.copy(s, work.resolve("encodings").resolve(name).resolve("junk"),
                    HostileInputs.junk(name.hashCode()));
            runs.add(List.of("diagnose", "--bundle", junk.toString(), "--format", "json"));
            names.add(name + " binary junk in every probe file");
        }
        Stats stats = new Stats();
        List<Run> results = batch("encodings", Map.of(), Duration.ofMinutes(scale == Scale.FULL ? 30 : 6), stats, runs);
        List<String> failures = new ArrayList<>();
        int tried = 0;
        int per = encodings.size() + 2;
        for (int s = 0; s < scenarios.size(); s++) {
            Run clean = results.get(s * per);
            String cleanVerdict = diagnosis(clean);
            Set<String> whole = cleanVerdict == null ? problems(clean.out()) : Set.of();
            for (int k = 1; k < per; k++) {
                tried++;
                Run r = results.get(s * per + k);
                String verdict = cleanVerdict != null ? "the clean copy failed: " + cleanVerdict : diagnosis(r);
                if (verdict == null) {
                    Set<String> added = new TreeSet<>(problems(r.out()));
                    added.removeAll(whole);
                    verdict = added.isEmpty() ? null : "adds " + added + " that the clean copy does not give";
                }
                if (verdict != null) {
                    failures.add(names.get(s * per + k) + ": " + verdict);
                }
            }
        }
        deleteTree(work.resolve("encodings"));
        return row("garbled encodings and junk (" + scenarios.size() + " scenarios x " + (per - 1) + ")", stats,
                failures, tried);
    }

    // ------------------------------------------------------------------------------------------------ secret plants

    Row runSecrets() throws Exception {
        SecretPlants plants = SecretPlants.in(Files.createDirectories(work.resolve("secrets")));
        Path bad = Files.createDirectories(work.resolve("secrets/bad-url"));
        Files.writeString(bad.resolve("case.json"), "{\"managementApi\": \"ftp://admin:" + plants.secret()
                + "@config.private.zscaler.com/x\"}");
        List<List<String>> runs = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (String command : new String[] {"diagnose", "fleet"}) {
            for (String format : new String[] {"json", "markdown", "text"}) {
                runs.add(List.of(command, "--bundle", plants.bundle.toString(), "--format", format, "--config",
                        plants.config.toString()));
                Path file = work.resolve("secrets").resolve(command + "." + format);
                files.add(file);
                runs.add(List.of(command, "--bundle", plants.bundle.toString(), "--format", format, "-o", file.toString(),
                        "--config", plants.config.toString()));
            }
        }
        runs.add(List.of("rules", "explain", "ZPA-CON-006", "--bundle", plants.bundle.toString()));
        runs.add(List.of("diagnose", "--bundle", bad.toString()));
        Stats stats = new Stats();
        List<Run> results = batch("secrets", Map.of(), Duration.ofMinutes(5), stats, runs);
        // the tenant behind the bundle, served by the fake API: a snapshot of it is an output as well
        Path snapshot = work.resolve("secrets/snapshot");
        try (FakeZpa fake = LiveEnv.server().tenant(FakeTenant.fromBundle(plants.bundle)).start()) {
            results = new ArrayList<>(results);
            results.add(single("secrets-snapshot", LiveEnv.of(fake), Duration.ofMinutes(2), stats,
                    "snapshot", "--api", "--out", snapshot.toString()));
        }
        List<String> outputs = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            Run r = results.get(i);
            String what = i < runs.size() ? String.join(" ", runs.get(i).subList(0, Math.min(4, runs.get(i).size())))
                    : "snapshot --api";
            outputs.add(what + " stdout");
            texts.add(r.out());
            outputs.add(what + " stderr");
            texts.add(r.err());
        }
        for (Path f : files) {
            outputs.add(f.getFileName() + " written with -o");
            texts.add(Files.exists(f) ? Files.readString(f) : "");
        }
        StringBuilder written = new StringBuilder();
        if (Files.isDirectory(snapshot)) {
            try (Stream<Path> s = Files.walk(snapshot)) {
                for (Path p : s.filter(Files::isRegularFile).toList()) {
                    written.append(Files.readString(p));
                }
            }
        }
        outputs.add("the snapshot's files");
        texts.add(written.toString());
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            String c = common(results.get(i));
            if (c != null) {
                failures.add(outputs.get(2 * i) + ": " + c);
            }
        }
        if (written.isEmpty()) {
            failures.add("the snapshot wrote nothing: " + firstLine(results.get(results.size() - 1).err()));
        }
        int tried = 0;
        for (int o = 0; o < outputs.size(); o++) {
            for (String s : plants.secrets) {
                tried++;
                if (texts.get(o).contains(s)) {
                    failures.add(outputs.get(o) + " carries planted secret " + s);
                }
            }
        }
        return row(plants.secrets.size() + " planted secrets x " + outputs.size() + " outputs", stats, failures, tried);
    }

    // ---------------------------------------------------------------------------------------------- API pages, faults

    private record ApiCase(String name, Predicate<FakeZpa.Request> when, int times, Fault fault, int exit, String says) {
    }

    private static Predicate<FakeZpa.Request> connectorPage(int page) {
        return r -> r.isApi() && r.path().endsWith("/connector") && Integer.toString(page).equals(r.param("page"));
    }

    Row runPages() throws Exception {
        int connectors = 2_400;
        List<ApiCase> all = List.of(
                new ApiCase("page 3 repeats page 2 once", connectorPage(3), 1, Fault.pageInstead(2), 0, null),
                new ApiCase("page 3 keeps repeating page 2", connectorPage(3), 10, Fault.pageInstead(2), 69, "page 3"),
                new ApiCase("page 2 repeats page 1 once", connectorPage(2), 1, Fault.pageInstead(1), 0, null),
                new ApiCase("page 4 keeps repeating page 1", connectorPage(4), 10, Fault.pageInstead(1), 69, "page 4"),
                new ApiCase("page 2 cut mid-JSON every time", connectorPage(2), 50, Fault.truncatedJson(300), 65, null),
                new ApiCase("page 2 answers 500 every time", connectorPage(2), 50, Fault.status(500, "{}"), 69, null),
                new ApiCase("page 2 connection dropped every time", connectorPage(2), 50, Fault.drop(), 69, null));
        // the faults after the overlaps wait out the client's retries (about 13 s each): at full scale only
        List<ApiCase> cases = scale == Scale.FULL ? all : all.subList(0, 4);
        Stats stats = new Stats();
        List<String> failures = new ArrayList<>();
        int tried = 0;
        for (int i = 0; i < cases.size(); i++) {
            ApiCase c = cases.get(i);
            for (String command : new String[] {"snapshot", "fleet"}) {
                tried++;
                Path out = work.resolve("pages").resolve(i + "-" + command);
                try (FakeZpa fake = LiveEnv.server().tenant(FakeTenant.generate(connectors, 11)).start()) {
                    fake.fault(c.when(), c.times(), c.fault());
                    Run r = command.equals("snapshot")
                            ? single("pages-" + i + "-" + command, LiveEnv.of(fake), Duration.ofMinutes(3), stats,
                                    "snapshot", "--api", "--out", out.toString())
                            : single("pages-" + i + "-" + command, LiveEnv.of(fake), Duration.ofMinutes(3), stats,
                                    "fleet", "--api", "--format", "json");
                    String verdict = common(r);
                    if (verdict == null && c.exit() == 0) {
                        verdict = command.equals("snapshot") ? snapshotHolds(r, out, connectors) : fleetHolds(r, connectors);
                    } else if (verdict == null) {
                        verdict = refused(r, c.exit(), c.says() == null ? new String[0] : new String[] {c.says()});
                        if (verdict == null && command.equals("snapshot") && Files.exists(out)) {
                            verdict = "a snapshot was written although the read failed";
                        }
                    }
                    if (verdict != null) {
                        failures.add(c.name() + ", " + command + ": " + verdict);
                    }
                }
            }
        }
        return row("API pages that overlap, break or drop (" + cases.size() + " x snapshot, fleet)", stats, failures, tried);
    }

    private static String snapshotHolds(Run r, Path out, int connectors) throws IOException {
        if (r.exit() != 0) {
            return "exit " + r.exit() + ": " + firstLine(r.err());
        }
        JsonNode list = JSON.readTree(out.resolve("api/connectors.json").toFile());
        JsonNode items = list.isArray() ? list : list.path("list");
        Set<String> ids = new TreeSet<>();
        items.forEach(n -> ids.add(n.path("id").asText()));
        return items.size() == connectors && ids.size() == connectors ? null
                : "the snapshot holds " + items.size() + " connectors, " + ids.size() + " distinct, of " + connectors;
    }

    private static String fleetHolds(Run r, int connectors) throws IOException {
        String d = diagnosis(r);
        if (d != null) {
            return d;
        }
        int total = JSON.readTree(r.out()).path("fleet").path("connectors").path("total").asInt(-1);
        return total == connectors ? null : "the fleet report counts " + total + " connectors of " + connectors;
    }

    // ---------------------------------------------------------------------------------------------- hostile packs

    Row runPacks() throws Exception {
        Path packs = Path.of("../zpa-rules/src/test/resources/packs");
        String bundle = packs.resolve("spins/scenarios/one-group").toString();
        List<List<String>> runs = List.of(
                List.of("diagnose", "--bundle", bundle, "--rules", packs.resolve("exits").toString()),
                List.of("rules", "lint", packs.resolve("exits").toString()),
                List.of("diagnose", "--bundle", bundle, "--rules", packs.resolve("spins").toString(), "--budget", "0.5"),
                List.of("rules", "explain", "EVIL-SPN-001", "--bundle", bundle, "--rules", packs.resolve("spins").toString(),
                        "--budget", "0.5"),
                List.of("rules", "test", packs.resolve("spins").toString(), "--budget", "0.5"),
                List.of("diagnose", "--bundle", bundle, "--rules", packs.resolve("churns").toString()));
        Stats stats = new Stats();
        List<Run> results = batch("packs", Map.of(), Duration.ofMinutes(3), stats, runs);
        List<String> failures = new ArrayList<>();
        String[][] expect = {{"65", "--trust-pack"}, {"65", ""}, {"70", "budget"}, {"70", "budget"}, {"70", "budget"},
                {"70", "re-activating"}};
        for (int i = 0; i < runs.size(); i++) {
            Run r = results.get(i);
            String verdict = refused(new Run(r.exit(), r.out(), r.err() + r.out(), r.timedOut()),
                    Integer.parseInt(expect[i][0]), expect[i][1]);
            if (verdict != null) {
                failures.add(String.join(" ", runs.get(i).subList(0, 2)) + " " + runs.get(i).get(runs.get(i).size() - 1)
                        + ": " + verdict);
            }
        }
        return row("rule packs that exit, spin or churn", stats, failures, runs.size());
    }

    // ------------------------------------------------------------------------------------------------------ the table

    String table() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "hostile-input suite, %s scale, each JVM %s%n", scale.name().toLowerCase(Locale.ROOT),
                HEAP));
        sb.append(String.format(Locale.ROOT, "%-62s %7s %8s %9s %10s%n", "input", "tried", "handled", "time", "peak RSS"));
        int tried = 0;
        int handled = 0;
        long millis = 0;
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "%-62s %7d %8d %8.1fs %10s%n", r.what(), r.tried(), r.handled(),
                    r.millis() / 1000.0, r.peakRssKib() < 0 ? "n/a" : (r.peakRssKib() >> 10) + " MiB"));
            tried += r.tried();
            handled += r.handled();
            millis += r.millis();
        }
        sb.append(String.format(Locale.ROOT, "%-62s %7d %8d %8.1fs%n", "all", tried, handled, millis / 1000.0));
        slowest.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        sb.append("slowest single runs:");
        slowest.stream().limit(5).forEach(e -> sb.append(String.format(Locale.ROOT, " %s %.1fs", e.getKey(), e.getValue() / 1000.0)));
        sb.append(System.lineSeparator());
        for (Row r : rows) {
            for (String f : r.failures()) {
                sb.append("  not handled: ").append(f).append(System.lineSeparator());
            }
        }
        return sb.toString();
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
