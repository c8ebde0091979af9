package io.zpadoctor.examples.cli;

import io.zpadoctor.client.bundle.Bundle;
import io.zpadoctor.client.bundle.BundleReader;
import io.zpadoctor.client.host.HostFile;
import io.zpadoctor.client.host.MemoryStatusParser;
import io.zpadoctor.client.host.ParseResult;
import io.zpadoctor.client.host.ProvisionKeyParser;
import io.zpadoctor.client.host.TimeSyncParser;
import io.zpadoctor.model.Facts;
import io.zpadoctor.model.Symptom;
import io.zpadoctor.model.host.HostFact;
import io.zpadoctor.model.host.HostInventory;
import io.zpadoctor.model.host.HostMatch;
import io.zpadoctor.model.host.HostObservation;
import io.zpadoctor.model.host.KeyFileShape;
import io.zpadoctor.model.host.ProbeProblem;
import io.zpadoctor.model.host.QuoteStyle;
import io.zpadoctor.rules.Diagnoser;
import io.zpadoctor.rules.Diagnosis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Runs the real collect-host.sh with bash against fake commands first (and alone) on PATH: canned outputs taken
 * from the parser fixtures, a fake /opt/zscaler/var and /etc/resolv.conf under ZPA_COLLECT_ROOT. The archive it
 * packs is read with the real BundleReader and diagnosed with the real Diagnoser.
 */
class CollectHostScriptTest {
    static final Path SCRIPT = Path.of("src/main/resources/io/zpadoctor/examples/collect-host.sh").toAbsolutePath();
    static final Path RESOURCES = Path.of("src/test/resources/io/zpadoctor/examples/collect").toAbsolutePath();
    static final Path DATA = RESOURCES.resolve("data");

    static final String SECRET = "Zk9TEST0nly0NOTaREALkey0collectorSECRET0x7Lw2Pq9Rt5Yu1Io3Mn6Bv8Cx==";
    static final String KEY = "3|api.private.zscaler.com|" + SECRET;
    static final String HOST = "ac-fra-3";

    static final List<String> PROBES = List.of("systemctl-status.txt", "journal.txt", "ps-cpu.txt", "ps-mem.txt",
            "lscpu.txt", "free.txt", "df.txt", "du.txt", "memory-status.txt", "dig-broker.txt", "resolv-conf.txt",
            "tcp-broker.txt", "tls-broker.txt", "ping-broker.txt", "time-sync.txt", "upgrade-reach.txt",
            "provision-key.txt", "opt-zscaler-var.txt", "ip-addr.txt");

    /** What the script needs from the OS besides the probe commands: linked in from the real PATH. */
    static final List<String> BASE_TOOLS = List.of("bash", "timeout", "date", "mkdir", "mktemp", "cat", "tr", "wc", "head",
            "tail", "sort", "grep", "sed", "rm", "tar", "gzip", "sleep", "ls", "stat", "chown");

    /** The script's runs, made at once and in parallel (each takes seconds), read by the tests below. */
    static Run full;
    static Run degraded;
    static Run hanging;

    /** Not a JUnit @TempDir: that one warns about every link to the real tools while it deletes. */
    static Path shared;

    Path tmp;

    @BeforeAll
    static void collectInParallel() throws Exception {
        assumeThat(onPath("bash")).as("bash is needed to run collect-host.sh").isNotNull();
        shared = Files.createTempDirectory("collect-host-test");
        // every fake command, as root
        CompletableFuture<Run> f = run(() -> collect(shared.resolve("full"), true, Set.of(), Map.of(), "--symptom",
                "not-enrolling", "--connector", "dc1-acg-key-2", "--group", "dc1-acg", "--application",
                "intranet.corp.example.com:443"));
        // an admin without root, on a host without dig, openssl, chrony, curl or lscpu, where a process
        // shows the key's secret on its command line
        CompletableFuture<Run> d = run(() -> collect(shared.resolve("degraded"), true,
                Set.of("dig", "openssl", "chronyc", "curl", "lscpu"),
                Map.of("FAKE_UID", "1000", "FAKE_USER", "admin", "FAKE_GROUPS", "admin", "SHIM_LEAK", SECRET)));
        // a ping that never returns, on a host not provisioned yet (no key file, the connector and chronyd not running)
        CompletableFuture<Run> h = run(() -> collect(shared.resolve("hanging"), false, Set.of(),
                Map.of("SHIM_HANG", "ping", "SHIM_CONNECTOR_DOWN", "1", "SHIM_CHRONYD_DOWN", "1"), "--timeout", "2"));
        full = f.get();
        degraded = d.get();
        hanging = h.get();
    }

    @BeforeEach
    void ownFolder() throws IOException {
        tmp = Files.createTempDirectory(shared, "test");
    }

    @AfterAll
    static void deleteAll() throws IOException {
        if (shared != null) {
            try (Stream<Path> s = Files.walk(shared)) { // never follows the links to the real tools
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    interface Collection {
        Run get() throws Exception;
    }

    static CompletableFuture<Run> run(Collection c) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return c.get();
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
    }

    // ------------------------------------------------------------------ (a) every probe file, raw

    @Test
    void everyProbeFileHoldsItsCommandsRawOutput() throws IOException {
        assertThat(full.code).as(full.stderr).isZero();
        assertThat(full.stdout.strip()).isEqualTo(full.archive.toString());
        Path h = full.hostDir();
        assertThat(h.resolve("collector.log")).exists();
        for (String p : PROBES) {
            assertThat(h.resolve(p)).as(p).isNotEmptyFile();
        }
        Map<String, String> same = new LinkedHashMap<>();
        same.put("systemctl-status.txt", "systemctl-status.txt");
        same.put("ps-cpu.txt", "ps-cpu.txt");
        same.put("ps-mem.txt", "ps-mem.txt");
        same.put("lscpu.txt", "lscpu.txt");
        same.put("free.txt", "free.txt");
        same.put("df.txt", "df.txt");
        same.put("memory-status.txt", "memory-status.txt");
        same.put("dig-broker.txt", "dig.txt");
        same.put("tls-broker.txt", "openssl.txt");
        same.put("ping-broker.txt", "ping.txt");
        same.put("time-sync.txt", "chronyc.txt");
        same.forEach((file, data) -> assertThat(read(h.resolve(file))).as(file).isEqualTo(read(DATA.resolve(data))));
        // du's lines through the documented sort: largest first (ties in any order)
        List<String> du = read(h.resolve("du.txt")).lines().toList();
        assertThat(du).containsExactlyInAnyOrderElementsOf(read(DATA.resolve("du.txt")).lines().toList())
                .isSortedAccordingTo(Comparator.comparing((String l) -> Long.parseLong(l.split("\t")[0])).reversed());
        assertThat(read(h.resolve("ip-addr.txt"))).isEqualTo(HOST + "\n" + read(DATA.resolve("ip.txt")));
        assertThat(read(h.resolve("upgrade-reach.txt"))).isEqualTo("dist.private.zscaler.com 200\nyum.private.zscaler.com 403\n");
        assertThat(read(h.resolve("tcp-broker.txt")).lines().filter(l -> l.matches("\\S+:443 (open|failed)")))
                .as("the /dev/tcp loop over the broker addresses only, not the CNAMEs")
                .extracting(l -> l.substring(0, l.indexOf(':'))).containsExactly("127.0.0.2", "127.0.0.3");
        assertThat(read(h.resolve("resolv-conf.txt"))).matches("(?s)-rw-------\\.? 1 \\S+ \\S+ \\d+ .*/etc/resolv\\.conf\n"
                + "# Generated by NetworkManager\nsearch corp\\.example\\.com\nnameserver 10\\.20\\.0\\.53\n");
        assertThat(read(h.resolve("opt-zscaler-var.txt"))).contains(" image.bin\n", " provision_key\n");
        // the journal exactly, but for the refused login's nonce: cut to the key's public prefix
        assertThat(read(h.resolve("journal.txt"))).isEqualTo(read(DATA.resolve("journal.txt"))
                .replace("nonce(<3|api.private.zscaler.com|" + SECRET + ">)", "nonce(<3|api.private.zscaler.com|...>)"));
    }

    @Test
    void theCommandsRunAreTheCatalogs() throws IOException {
        assertThat(full.calls()).contains(
                "systemctl status zpa-connector --no-pager",
                "journalctl -u zpa-connector --no-pager -n 5000",
                "ps aux --sort=-pcpu",
                "ps aux --sort=-pmem",
                "free -m",
                "df -hP",
                "du -xam /",
                "curl -sS 127.0.0.1:9000/memory/status",
                "dig co2br.prod.zpath.net",
                "dig +short co2br.prod.zpath.net",
                "openssl s_client -connect 127.0.0.2:443 -servername example.com.server1.net",
                "ping -c 4 co2br.prod.zpath.net",
                "chronyc tracking",
                "curl -sS -o /dev/null -w dist.private.zscaler.com %{http_code}\\n --max-time 10 https://dist.private.zscaler.com/",
                "curl -sS -o /dev/null -w yum.private.zscaler.com %{http_code}\\n --max-time 10 https://yum.private.zscaler.com/",
                "ip -4 -o addr show");
        assertThat(full.calls()).as("chronyc answered, so timedatectl is not needed").noneMatch(c -> c.startsWith("timedatectl"));
        String log = full.log();
        for (String p : PROBES) {
            assertThat(log).as(p).containsPattern("ran {5}" + p.replace(".", "\\.") + ": `.+` \\(exit \\d+, \\d+\\.\\d s\\)");
        }
        assertThat(log).contains("done: 19 commands run, 0 skipped, 0 cut by the timeout",
                "servername example.com.server1.net (from the DNS domain 'corp.example.com')");
        assertThat(read(full.folder.resolve("case.json"))).matches("(?s)\\{\n  \"cloud\": \"prod.zpath.net\",\n"
                + "  \"collectedAt\": \"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\",\n  \"symptom\": \"not-enrolling\",\n"
                + "  \"connector\": \"dc1-acg-key-2\",\n  \"connectorGroup\": \"dc1-acg\",\n"
                + "  \"application\": \"intranet.corp.example.com:443\"\n}\n");
        assertThat(full.folder.getFileName().toString()).matches("zpa-host-ac-fra-3-\\d{8}T\\d{6}Z");
        assertThat(full.archive.getFileName().toString()).isEqualTo(full.folder.getFileName() + ".tar.gz");
    }

    @Test
    void theEvidenceGoesIntoAPrivateFolderNobodyCouldPredict() throws IOException {
        // issue 14: a fixed /tmp/zpa-host-<host>-<second>.tar.gz could be created first by another user
        Path base = full.archive.getParent();
        assertThat(base.getParent()).isEqualTo(full.out);
        assertThat(base.getFileName().toString()).matches("zpa-host-ac-fra-3\\.[A-Za-z0-9]{10}");
        assertThat(Files.getPosixFilePermissions(base)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(full.archive)).doesNotContain(
                java.nio.file.attribute.PosixFilePermission.GROUP_READ, java.nio.file.attribute.PosixFilePermission.OTHERS_READ);
        assertThat(full.folder.getParent()).isEqualTo(base);
    }

    // ------------------------------------------------------------------ (b) the key never leaves the host

    @Test
    void theProvisioningKeyAppearsNowhereButItsShapeDoes() throws IOException {
        String fragment = SECRET.substring(10, 30);
        for (Path f : files(full.out)) {
            String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            assertThat(text).as(f.toString()).doesNotContain(SECRET).doesNotContain(fragment);
        }
        String tar;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(full.archive))) {
            tar = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        assertThat(tar).contains("hosts/ac-fra-3/journal.txt").doesNotContain(SECRET).doesNotContain(fragment);

        String pk = read(full.hostDir().resolve("provision-key.txt"));
        assertThat(pk).isEqualTo("644 " + owner() + " " + (KEY.length() + 1) + "\nshape: length=" + KEY.length()
                + " prefix=3|api.private.zscaler.com| quotes=none whitespace=none lines=1\n");
        KeyFileShape s = keyShape(pk);
        assertThat(s.exists()).isTrue();
        assertThat(s.mode()).isEqualTo("644");
        assertThat(s.readableByZscaler()).isTrue();
        assertThat(s.length()).isEqualTo(KEY.length());
        assertThat(s.keyPrefix()).isEqualTo("3|api.private.zscaler.com|");
        assertThat(s.quotes()).isEqualTo(QuoteStyle.NONE);
        assertThat(s.leadingWhitespace()).isFalse();
        assertThat(s.trailingWhitespace()).isFalse();
        assertThat(s.lines()).isEqualTo(1);
        assertThat(s.shapeSource()).isEqualTo("collector");
    }

    /** The script's own shape function on the key files that break enrollment; read back by the parser. */
    @Test
    void theShapeLineDescribesBadKeysWithoutTheirContent() throws Exception {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        keys.put("shape: length=" + (KEY.length() + 3) + " prefix=3|api.private.zscaler.com| quotes=smart whitespace=trailing lines=1",
                ("\u201C" + KEY + "\u201D \n").getBytes(StandardCharsets.UTF_8));
        keys.put("shape: length=" + (KEY.length() + 3) + " prefix=3|api.private.zscaler.com| quotes=ascii whitespace=leading lines=1",
                (" \"" + KEY + "\"\n").getBytes(StandardCharsets.UTF_8));
        keys.put("shape: length=" + (KEY.length() + 1) + " prefix=3|api.private.zscaler.com| quotes=none whitespace=trailing lines=1",
                (KEY + "\r\n").getBytes(StandardCharsets.UTF_8));
        keys.put("shape: length=" + KEY.length() + " prefix=3|api.private.zscaler.com| quotes=none whitespace=none lines=1",
                KEY.getBytes(StandardCharsets.UTF_8));
        keys.put("shape: length=" + SECRET.length() + " prefix=none quotes=none whitespace=none lines=2",
                ("\n" + SECRET + "\n").getBytes(StandardCharsets.UTF_8));
        keys.put("shape: length=0 prefix=none quotes=none whitespace=none lines=0", new byte[0]);
        String function = Files.readAllLines(SCRIPT).stream()
                .dropWhile(l -> !l.startsWith("key_shape() {")).takeWhile(l -> !l.equals("}")).reduce("", (a, b) -> a + b + "\n") + "}\n";
        List<String> paths = new ArrayList<>(List.of(onPath("bash").toString(), "-c",
                function + "for f in \"$@\"; do key_shape \"$f\"; done", "bash"));
        int i = 0;
        for (byte[] content : keys.values()) {
            Path key = Files.write(tmp.resolve("key" + i++), content);
            paths.add(key.toString());
        }
        ProcessBuilder pb = new ProcessBuilder(paths);
        pb.environment().put("LC_ALL", "C");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        assertThat(out).doesNotContain(SECRET.substring(0, 12));
        assertThat(out.lines()).containsExactlyElementsOf(keys.keySet());
        i = 0;
        for (Map.Entry<String, byte[]> e : keys.entrySet()) {
            KeyFileShape s = keyShape("644 root root " + e.getValue().length + "\n" + out.lines().toList().get(i++) + "\n");
            assertThat(s.length()).isEqualTo(Integer.valueOf(e.getKey().replaceAll(".*length=(\\d+).*", "$1")));
        }
    }

    // ------------------------------------------------------------------ (c) the archive diagnoses cleanly

    @Test
    void theArchiveIsABundleWhoseEveryFileParses() throws Exception {
        Bundle b = BundleReader.read(full.archive);
        assertThat(b.warnings()).isEmpty();
        assertThat(b.hosts()).singleElement().satisfies(h -> {
            assertThat(h.name()).isEqualTo(HOST);
            assertThat(h.files().keySet()).containsAll(PROBES).contains("collector.log");
        });
        assertThat(b.reportedCase().symptom()).isEqualTo(Symptom.NOT_ENROLLING);
        assertThat(b.reportedCase().connectorName()).isEqualTo("dc1-acg-key-2");
        assertThat(b.collectedAt()).isNotNull();

        Facts facts = b.toFacts();
        List<HostFact> hostFacts = facts.hostFacts();
        assertThat(hostFacts).filteredOn(f -> f instanceof ProbeProblem).as("every probe file parsed").isEmpty();
        HostInventory inv = hostFacts.stream().filter(f -> f instanceof HostInventory).map(f -> (HostInventory) f)
                .findFirst().orElseThrow();
        assertThat(inv.host()).isEqualTo(HOST);
        assertThat(inv.match()).isEqualTo(HostMatch.STATUS_BLOCK);
        assertThat(inv.connectorId()).isEqualTo("72058304855090012");
        assertThat(inv.connectorName()).isEqualTo("dc1-acg-key-2");
        Set<String> parsedFiles = new java.util.TreeSet<>();
        for (HostFact f : hostFacts) {
            if (f instanceof HostObservation o) {
                parsedFiles.add(o.source().substring(o.source().lastIndexOf('/') + 1));
            }
        }
        assertThat(parsedFiles).as("each probe file yields at least one fact").containsAll(PROBES);

        Diagnosis d = Diagnoser.builder().build().diagnose(facts);
        assertThat(d.reportedCase().symptom()).isEqualTo(Symptom.NOT_ENROLLING);
        // the shims replay unhealthy fixtures (a refused login, a full disk, an agent eating memory, a
        // resolv.conf without nameserver) and the fake brokers refuse TCP: the host rules must see each one (the
        // "not enrolling, no cause found" umbrella is withheld: these causes explain it)
        assertThat(d.findings()).extracting(f -> f.code())
                .containsExactlyInAnyOrder("ZPA-ENR-004", "ZPA-NET-002", "ZPA-NET-003",
                        "ZPA-RES-004", "ZPA-RES-005", "ZPA-RES-006", "ZPA-RES-007");
        assertThat(d.findings()).allSatisfy(f -> assertThat(f.subject().label()).contains("dc1-acg-key-2"));

        Cli cli = Cli.run("diagnose", "--bundle", full.archive.toString(), "--format", "json");
        assertThat(cli.code()).as(cli.err()).isBetween(0, 3);
        assertThat(cli.out()).contains("\"schemaVersion\"");
    }

    // ------------------------------------------------------------------ (d) no root, tools missing

    @Test
    void withoutRootAndWithToolsMissingItFinishesAndSaysWhatItSkipped() throws Exception {
        Run r = degraded;
        assertThat(r.code).as(r.stderr).isZero();
        assertThat(r.archive).exists();
        Path h = r.hostDir();
        for (String gone : List.of("journal.txt", "dig-broker.txt", "tcp-broker.txt", "tls-broker.txt",
                "memory-status.txt", "upgrade-reach.txt", "lscpu.txt", "ps-cpu.txt")) {
            assertThat(h.resolve(gone)).as(gone).doesNotExist();
        }
        assertThat(read(h.resolve("time-sync.txt"))).isEqualTo(read(DATA.resolve("timedatectl.txt")));
        assertThat(h.resolve("df.txt")).isNotEmptyFile();
        String log = r.log();
        assertThat(log).contains(
                "as admin (uid 1000)",
                "not root: some evidence needs root",
                "SKIPPED journal.txt: reading the connector's journal needs root (or group adm, systemd-journal or wheel): re-run with sudo for journal.txt",
                "SKIPPED dig-broker.txt: 'dig' is not installed (dnf install bind-utils), so `dig co2br.prod.zpath.net` did not run",
                "SKIPPED lscpu.txt: 'lscpu' is not installed (dnf install util-linux)",
                "SKIPPED memory-status.txt: 'curl' is not installed (dnf install curl)",
                "SKIPPED upgrade-reach.txt: 'curl' is not installed",
                "no address lookup for co2br.prod.zpath.net: neither dig nor getent is installed",
                "SKIPPED tcp-broker.txt: nothing here can resolve co2br.prod.zpath.net (dnf install bind-utils)",
                "time-sync.txt: chronyc is not installed (dnf install chrony); using timedatectl",
                "du.txt: folders admin cannot read are missing from it: re-run with sudo for a complete du.txt",
                "SKIPPED ps-cpu.txt: removed: it held the provisioning key",
                "done: 12 commands run, 8 skipped, 0 cut by the timeout");
        assertThat(h.resolve("ps-mem.txt")).isNotEmptyFile();
        for (Path f : files(r.out)) {
            assertThat(Files.readString(f, StandardCharsets.ISO_8859_1)).as(f.toString()).doesNotContain(SECRET);
        }
        assertThat(r.stderr).contains("skipped journal.txt:", "skipped dig-broker.txt:");
        assertThat(r.calls()).noneMatch(c -> c.startsWith("journalctl"));

        Bundle b = BundleReader.read(r.archive);
        assertThat(b.toFacts().hostFacts()).filteredOn(f -> f instanceof ProbeProblem).isEmpty();
    }

    // ------------------------------------------------------------------ (e) a hanging command

    @Test
    void aHangingCommandIsCutByTheTimeoutAndTheRunGoesOn() throws Exception {
        Run r = hanging;
        assertThat(r.code).as(r.stderr).isZero();
        assertThat(r.seconds).as("the fake ping sleeps 300 s").isLessThan(60);
        assertThat(r.log()).contains("TIMEOUT ping-broker.txt: `ping -c 4 co2br.prod.zpath.net` cut after 2 s");
        assertThat(r.stderr).contains("cut by the 2 s timeout: ping-broker.txt");
        assertThat(r.hostDir().resolve("time-sync.txt")).as("the probes after it ran").isNotEmptyFile();
        assertThat(r.hostDir().resolve("du.txt")).isNotEmptyFile();
        assertThat(r.archive).exists();
        // no key file yet: stat's own message, which the parser reads as "missing"
        String pk = read(r.hostDir().resolve("provision-key.txt"));
        assertThat(pk).matches("stat: cannot stat(x)? '.*/opt/zscaler/var/provision_key': No such file or directory\n");
        assertThat(keyShape(pk).exists()).isFalse();
        // the connector's endpoint did not answer: curl's reason, which the parser reports as such
        String memory = read(r.hostDir().resolve("memory-status.txt"));
        assertThat(memory).startsWith("curl: (7) Failed to connect to 127.0.0.1 port 9000");
        assertThat(r.log()).contains("memory-status.txt: curl exit 7: nothing answered on 127.0.0.1:9000");
        ParseResult m = new MemoryStatusParser().parse(new HostFile(HOST, "memory-status.txt", memory));
        assertThat(m.problem().detail()).contains("did not answer");
        // chronyc could not talk to chronyd: timedatectl's view follows in the same file
        String time = read(r.hostDir().resolve("time-sync.txt"));
        assertThat(time).isEqualTo("506 Cannot talk to daemon\n" + read(DATA.resolve("timedatectl.txt")));
        assertThat(new TimeSyncParser().parse(new HostFile(HOST, "time-sync.txt", time)).facts()).hasSize(2);
    }

    // ------------------------------------------------------------------ usage

    @Test
    void usageErrorsExit64AndAnUnwritableOutputExits74() throws Exception {
        Run help = collect(tmp.resolve("help"), true, Set.of(), Map.of(), "--help");
        assertThat(help.code).isZero();
        assertThat(help.stdout).startsWith("Usage: collect-host.sh").contains("--cloud CLOUD", "Examples:");
        for (String[] bad : List.of(new String[] {"--symptom", "slow"}, new String[] {"--timeout", "0"},
                new String[] {"--cloud", "bad cloud"}, new String[] {"--bogus"}, new String[] {"--timeout"},
                new String[] {"--application", "intranet:http"})) {
            Run r = collect(tmp.resolve("bad" + bad[0].substring(2) + bad.length), true, Set.of(), Map.of(), bad);
            assertThat(r.code).as(String.join(" ", bad)).isEqualTo(64);
            assertThat(r.stderr).startsWith("collect-host.sh: ").contains("--help");
        }
        Path dir = tmp.resolve("file");
        Files.createDirectories(dir);
        Path notAFolder = Files.writeString(dir.resolve("plain-file"), "x");
        Run r = collectInto(dir, notAFolder, true, Set.of(), Map.of());
        assertThat(r.code).isEqualTo(74);
        assertThat(r.stderr).contains("is not a folder");
    }

    @Test
    void theCliPrintsTheScriptAsShipped() throws IOException {
        Cli r = Cli.run("collect-script");
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo(read(SCRIPT)).startsWith("#!/usr/bin/env bash\n");
        assertThat(r.err()).isEmpty();
        Cli help = Cli.run("collect-script", "--help");
        assertThat(help.out()).contains("zpa-doctor collect-script > collect-host.sh", "sudo bash collect-host.sh",
                "diagnose --bundle");
        assertThat(Cli.run("--help").out()).contains("collect-script");
    }

    @Test
    void theScriptIsShellcheckClean() throws Exception {
        Path shellcheck = onPath("shellcheck");
        assumeThat(shellcheck).as("shellcheck is optional on a build machine").isNotNull();
        Process p = new ProcessBuilder(shellcheck.toString(), "-s", "bash", SCRIPT.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
    }

    // ------------------------------------------------------------------ harness

    /** One run: its exit code, what it printed, the folder and archive it wrote. */
    record Run(int code, String stdout, String stderr, Path out, Path folder, Path archive, Path shimLog, long seconds) {
        Path hostDir() {
            return folder.resolve("hosts").resolve(HOST);
        }

        String log() throws IOException {
            return read(hostDir().resolve("collector.log"));
        }

        List<String> calls() throws IOException {
            return Files.exists(shimLog) ? Files.readAllLines(shimLog).stream().map(String::strip).toList() : List.of();
        }
    }

    static Run collect(Path dir, boolean keyFile, Set<String> withoutShims, Map<String, String> env, String... args)
            throws Exception {
        Files.createDirectories(dir);
        Path out = Files.createDirectories(dir.resolve("out"));
        return collectInto(dir, out, keyFile, withoutShims, env, args);
    }

    /** Builds the fake host in {@code dir} and runs the script with PATH holding only the fakes and the base tools. */
    static Run collectInto(Path dir, Path out, boolean keyFile, Set<String> withoutShims, Map<String, String> env, String... args)
            throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        try (Stream<Path> shims = Files.list(RESOURCES.resolve("shims"))) {
            for (Path s : shims.toList()) {
                String name = s.getFileName().toString();
                if (!withoutShims.contains(name)) {
                    Path copy = Files.copy(s, bin.resolve(name));
                    copy.toFile().setExecutable(true);
                }
            }
        }
        for (String tool : BASE_TOOLS) {
            Path real = onPath(tool);
            assertThat(real).as(tool + " must be installed to run collect-host.sh").isNotNull();
            Files.createSymbolicLink(bin.resolve(tool), real);
        }
        Path root = dir.resolve("root");
        Path var = Files.createDirectories(root.resolve("opt/zscaler/var"));
        if (keyFile) {
            Files.writeString(var.resolve("provision_key"), KEY + "\n");
            Files.setPosixFilePermissions(var.resolve("provision_key"), PosixFilePermissions.fromString("rw-r--r--"));
        }
        Files.write(var.resolve("image.bin"), new byte[64]);
        Files.writeString(Files.createDirectories(root.resolve("etc")).resolve("resolv.conf"),
                "# Generated by NetworkManager\nsearch corp.example.com\nnameserver 10.20.0.53\n");
        Files.setPosixFilePermissions(root.resolve("etc/resolv.conf"), PosixFilePermissions.fromString("rw-------"));
        Path shimLog = dir.resolve("calls.log");

        List<String> command = new ArrayList<>(List.of(bin.resolve("bash").toString(), SCRIPT.toString(), "--out", out.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("stdout").toFile()).redirectError(dir.resolve("stderr").toFile());
        Map<String, String> e = pb.environment();
        e.clear(); // nothing of the build machine's environment: the fakes are the host
        Map<String, String> vars = new HashMap<>(Map.of("PATH", bin.toString(), "SHIM_DATA", DATA.toString(),
                "SHIM_LOG", shimLog.toString(), "ZPA_COLLECT_ROOT", root.toString(), "HOME", dir.toString()));
        vars.putAll(env);
        e.putAll(vars);
        long start = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("collect-host.sh did not finish in 120 s");
        }
        String stdout = read(dir.resolve("stdout"));
        String stderr = read(dir.resolve("stderr"));
        Path folder = null;
        Path archive = null;
        Path base = null;
        if (Files.isDirectory(out)) {
            try (Stream<Path> s = Files.list(out)) {
                base = s.filter(Files::isDirectory).findFirst().orElse(null);   // the run's private folder
            }
        }
        if (base != null) {
            try (Stream<Path> s = Files.list(base)) {
                for (Path f : s.toList()) {
                    if (Files.isDirectory(f)) {
                        folder = f;
                    } else if (f.toString().endsWith(".tar.gz")) {
                        archive = f;
                    }
                }
            }
        }
        return new Run(p.exitValue(), stdout, stderr, out, folder, archive, shimLog,
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start));
    }

    static KeyFileShape keyShape(String text) {
        ParseResult r = new ProvisionKeyParser().parse(new HostFile(HOST, "provision-key.txt", text));
        assertThat(r.outcome()).as(String.valueOf(r.problem())).isEqualTo(ParseResult.Outcome.PARSED);
        return r.factsOf(KeyFileShape.class).get(0);
    }

    /** The owner and group the test's files get, as stat prints them. */
    static String owner() throws IOException {
        Path probe = Files.createTempFile("owner", ".txt");
        try {
            return Files.getOwner(probe).getName() + " " + Files.readAttributes(probe,
                    java.nio.file.attribute.PosixFileAttributes.class).group().getName();
        } finally {
            Files.delete(probe);
        }
    }

    static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).toList();
        }
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + p + ": " + e.getMessage(), e);
        }
    }

    static Path onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String d : path.split(File.pathSeparator)) {
            Path candidate = Path.of(d, tool);
            if (!d.isEmpty() && Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate.toAbsolutePath();
            }
        }
        return null;
    }
}
