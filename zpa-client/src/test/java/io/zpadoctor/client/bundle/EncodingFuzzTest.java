package io.zpadoctor.client.bundle;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.zpadoctor.client.bundle.internal.Limits;
import io.zpadoctor.client.host.HostFile;
import io.zpadoctor.client.host.HostParser;
import io.zpadoctor.client.host.HostParsers;
import io.zpadoctor.model.host.ClockSync;
import io.zpadoctor.model.host.CpuInfo;
import io.zpadoctor.model.host.DiskUsage;
import io.zpadoctor.model.host.DnsLookup;
import io.zpadoctor.model.host.HostFact;
import io.zpadoctor.model.host.KeyFileShape;
import io.zpadoctor.model.host.LogEvent;
import io.zpadoctor.model.host.MemoryTotals;
import io.zpadoctor.model.host.ProcessUsage;
import io.zpadoctor.model.host.ResolverConfig;
import io.zpadoctor.model.host.ServiceState;
import io.zpadoctor.model.host.ServiceStatus;
import io.zpadoctor.model.host.StatusBlock;
import io.zpadoctor.model.host.TcpProbe;
import io.zpadoctor.model.host.TlsProbe;
import io.zpadoctor.model.host.UpgradeReach;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Jazzer target: a real host-parser fixture, saved in another encoding (UTF-16 with or without a byte-order mark,
 * latin-1, cp1252, UTF-8 shown as cp1252, {@code ?} for every non-ASCII character, lines ellipsized) and possibly
 * cut, read as the bundle reader reads it, must never say more is wrong than the clean fixture says: unknown is
 * never failure. The fuzz input picks the fixture, the encoding and the cut. Without {@code JAZZER_FUZZ} it replays
 * {@code EncodingFuzzTestInputs/reEncodedFixture/}.
 */
class EncodingFuzzTest {
    private static final Instant COLLECTED = Instant.parse("2025-07-18T11:00:00Z");
    private static final Charset CP1252 = Charset.forName("windows-1252");
    private static final Map<String, String> PROBE = Map.ofEntries(Map.entry("df", "df.txt"),
            Map.entry("dig", "dig-broker.txt"), Map.entry("du", "du.txt"), Map.entry("free", "free.txt"),
            Map.entry("ip-addr", "ip-addr.txt"), Map.entry("journal", "journal.txt"), Map.entry("lscpu", "lscpu.txt"),
            Map.entry("memory-status", "memory-status.txt"), Map.entry("openssl-s-client", "tls-broker.txt"),
            Map.entry("opt-zscaler-var", "opt-zscaler-var.txt"), Map.entry("ping", "ping-broker.txt"),
            Map.entry("provision-key", "provision-key.txt"), Map.entry("ps", "ps-cpu.txt"),
            Map.entry("resolv-conf", "resolv-conf.txt"), Map.entry("systemctl-status", "systemctl-status.txt"),
            Map.entry("tcp-probe", "tcp-broker.txt"), Map.entry("time-sync", "time-sync.txt"),
            Map.entry("upgrade-reach", "upgrade-reach.txt"));
    private static final List<Path[]> FIXTURES = fixtures();

    /** Every fixture file with the probe name it stands for. */
    private static List<Path[]> fixtures() {
        try {
            Path root = Path.of(EncodingFuzzTest.class.getResource("/io/zpadoctor/client/host").toURI());
            List<Path[]> out = new ArrayList<>();
            for (Map.Entry<String, String> e : new java.util.TreeMap<>(PROBE).entrySet()) {
                try (Stream<Path> s = Files.list(root.resolve(e.getKey()))) {
                    s.sorted().forEach(p -> out.add(new Path[] {p, Path.of(e.getValue())}));
                }
            }
            return out;
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @FuzzTest
    void reEncodedFixture(byte[] data) throws IOException {
        if (data.length < 5) {
            return;
        }
        Path[] f = FIXTURES.get(((data[0] & 0xff) << 8 | (data[1] & 0xff)) % FIXTURES.size());
        String clean = Files.readString(f[0], StandardCharsets.UTF_8);
        int how = Math.floorMod(data[2], 8);
        int at = ((data[3] & 0xff) << 8 | (data[4] & 0xff));
        // a journal cut short is a shorter history, not a broken file: only its encoding changes here
        String cut = at >= 0xff00 || at >= clean.length() || f[1].toString().equals("journal.txt") ? clean
                : clean.substring(0, at);
        byte[] saved = encode(cut, how);
        String read = BundleReader.text(saved, Limits.forThisJvm().lineChars()).text();
        String probe = f[1].toString();
        HostParser parser = HostParsers.all(COLLECTED).get(probe);
        Set<String> before = claims(parser.parse(new HostFile("vm", probe, clean)).facts());
        Set<String> after = claims(parser.parse(new HostFile("vm", probe, read)).facts());
        after.removeAll(before);
        if (!after.isEmpty()) {
            throw new AssertionError(f[0].getFileName() + " (encoding " + how + ", cut at "
                    + (cut.length() == clean.length() ? "none" : at) + ") says " + after + " that the clean file does not");
        }
    }

    static byte[] encode(String text, int how) {
        return switch (how) {
            case 1 -> withBom(text.getBytes(StandardCharsets.UTF_16LE), (byte) 0xff, (byte) 0xfe);
            case 2 -> text.getBytes(StandardCharsets.UTF_16BE);
            case 3 -> text.getBytes(StandardCharsets.ISO_8859_1);
            case 4 -> text.getBytes(CP1252);
            case 5 -> new String(text.getBytes(StandardCharsets.UTF_8), CP1252).getBytes(StandardCharsets.UTF_8);
            case 6 -> text.replaceAll("[^\\x00-\\x7F]", "?").getBytes(StandardCharsets.UTF_8);
            case 7 -> text.replaceAll("(?m)^(.{79}).+$", "$1\u2026").getBytes(StandardCharsets.UTF_8);
            default -> text.getBytes(StandardCharsets.UTF_8);
        };
    }

    private static byte[] withBom(byte[] b, byte x, byte y) {
        byte[] out = new byte[b.length + 2];
        out[0] = x;
        out[1] = y;
        System.arraycopy(b, 0, out, 2, b.length);
        return out;
    }

    /** What the facts claim is wrong (or measure), without free text: what a rule could read as a failure. */
    static Set<String> claims(List<HostFact> facts) {
        Set<String> out = new TreeSet<>();
        for (HostFact fact : facts) {
            if (fact instanceof DnsLookup d && d.failed()) {
                out.add("dns failed");
            } else if (fact instanceof ServiceStatus s) {
                if (s.state() == ServiceState.INACTIVE || s.state() == ServiceState.FAILED
                        || s.state() == ServiceState.NOT_FOUND) {
                    out.add("service " + s.state());
                }
                if (Boolean.FALSE.equals(s.childRunning())) {
                    out.add("child not running");
                }
            } else if (fact instanceof TcpProbe t && t.outcome().failed()) {
                out.add("tcp failed " + t.target());
            } else if (fact instanceof TlsProbe t && t.intercepted()) {
                out.add("tls intercepted");
            } else if (fact instanceof ResolverConfig r) {
                if (!r.exists() || Boolean.FALSE.equals(r.worldReadable())
                        || r.contentShown() && r.nameservers().isEmpty()) {
                    out.add("resolver unusable");
                }
            } else if (fact instanceof CpuInfo c) {
                if (c.cpus() != null) {
                    out.add("cpus " + c.cpus());
                }
                if (Boolean.FALSE.equals(c.aesNi())) {
                    out.add("no aes");
                }
            } else if (fact instanceof MemoryTotals m) {
                out.add("memory " + m.totalMb());
            } else if (fact instanceof DiskUsage d) {
                if (d.availableMb() != null && d.availableMb() < 100) {
                    out.add("disk nearly full " + d.mountedOn());
                }
                if (d.usePercent() != null && d.usePercent() > 90) {
                    out.add("disk above 90 % " + d.mountedOn());
                }
            } else if (fact instanceof KeyFileShape k && (!k.exists() || Boolean.FALSE.equals(k.readableByZscaler())
                    || k.malformed())) {
                out.add("key file unusable");
            } else if (fact instanceof UpgradeReach u && !u.reachable()) {
                out.add("unreachable " + u.server());
            } else if (fact instanceof ClockSync c && c.offsetSeconds() != null) {
                out.add("offset " + c.offsetSeconds());
            } else if (fact instanceof ProcessUsage p && (p.cpuPercent() >= 80 || p.memPercent() >= 70)
                    && (p.connectorChild() || p.rank() == 1)) {
                out.add((p.connectorChild() ? "the connector" : "another process, on top,") + " is busy");
            } else if (fact instanceof LogEvent e && !e.kind().benign()) {
                out.add("event " + e.kind());
            } else if (fact instanceof StatusBlock b) {
                if (b.backedOffConnections() != null && b.backedOffConnections() > 0) {
                    out.add("data connections backed off");
                }
                if (b.aliveApps() != null && b.registeredApps() != null && b.aliveApps() < b.registeredApps()) {
                    out.add("apps not alive");
                }
                if (b.certificateExpiryDays() != null && b.certificateExpiryDays() < 30) {
                    out.add("certificate expiring");
                }
                if (b.controlState() != io.zpadoctor.model.host.FohhState.CONNECTED
                        && b.controlState() != io.zpadoctor.model.host.FohhState.UNKNOWN) {
                    out.add("control " + b.controlState());
                }
            }
        }
        return out;
    }

    /** Every fixture in every encoding, whole and cut at every tenth of its length: the regression run in CI. */
    @org.junit.jupiter.api.Test
    void everyFixtureInEveryEncodingAndCut() throws IOException {
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < FIXTURES.size(); i++) {
            int len = Files.readString(FIXTURES.get(i)[0]).length();
            for (int how = 0; how < 8; how++) {
                for (int tenth = 0; tenth <= 10; tenth++) {
                    int at = tenth == 10 ? 0xffff : len * tenth / 10;
                    try {
                        reEncodedFixture(new byte[] {(byte) (i >> 8), (byte) i, (byte) how, (byte) (at >> 8), (byte) at});
                    } catch (AssertionError e) {
                        failures.add(e.getMessage());
                    }
                }
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " counterexamples:\n" + String.join("\n", failures));
        }
    }
}
