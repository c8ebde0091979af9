package io.zpadoctor.client.host;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.zpadoctor.client.host.internal.ProbeText;
import io.zpadoctor.model.host.ClockSync;
import io.zpadoctor.model.host.ConnectorMemory;
import io.zpadoctor.model.host.DiskConsumer;
import io.zpadoctor.model.host.DiskUsage;
import io.zpadoctor.model.host.DnsLookup;
import io.zpadoctor.model.host.HostAddresses;
import io.zpadoctor.model.host.HostFact;
import io.zpadoctor.model.host.HostObservation;
import io.zpadoctor.model.host.KeyFileShape;
import io.zpadoctor.model.host.LogEvent;
import io.zpadoctor.model.host.PingResult;
import io.zpadoctor.model.host.ProbeProblem;
import io.zpadoctor.model.host.ProcessSort;
import io.zpadoctor.model.host.ProcessUsage;
import io.zpadoctor.model.host.ResolverConfig;
import io.zpadoctor.model.host.ServiceStatus;
import io.zpadoctor.model.host.StatusBlock;
import io.zpadoctor.model.host.TcpProbe;
import io.zpadoctor.model.host.TlsProbe;
import io.zpadoctor.model.host.UpgradeReach;
import io.zpadoctor.model.host.VarDirectory;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.BiConsumer;

/**
 * Jazzer fuzz targets, one per host parser. Without {@code JAZZER_FUZZ} each replays its inputs in
 * {@code HostParserFuzzTestInputs/<target>/} (the real fixtures and every crash found); with the {@code fuzz}
 * profile one target is fuzzed (README, "Fuzzing").
 *
 * <p>The contract checked on every input: one of the three outcomes and no exception; the boundary's catch-all
 * ("could not be read as") never fires, since it hides a parser bug; every fact and problem names the file and a
 * line the file has; and values that are copied from the text (names, addresses, pids, ports) are in the text. A finding is written to the inputs directory and so
 * fails the normal build until fixed.
 */
class HostParserFuzzTest {
    static final Instant COLLECTED = Instant.parse("2025-07-18T11:00:00Z");

    @FuzzTest
    void systemctlStatus(byte[] data) {
        check(new SystemctlStatusParser(), "systemctl-status.txt", data, (f, in) -> {
            if (f instanceof ServiceStatus s) {
                in.number(s.mainPid());
            }
        });
    }

    @FuzzTest
    void journal(byte[] data) {
        check(new JournalParser(COLLECTED), "journal.txt", data, (f, in) -> {
            if (f instanceof LogEvent e) {
                in.number(e.pid());
                in.number(e.httpStatus());
            } else if (f instanceof StatusBlock b) {
                in.number(b.pid());
                in.text(b.connectorId());
                in.text(b.connectorName());
            }
        });
    }

    @FuzzTest
    void ps(byte[] data) {
        // both probe files share the parser; the sort order only changes what the rank means
        ProcessSort sort = data.length > 0 && (data[0] & 1) == 1 ? ProcessSort.MEMORY : ProcessSort.CPU;
        check(new PsParser(sort), sort == ProcessSort.CPU ? "ps-cpu.txt" : "ps-mem.txt", data, (f, in) -> {
            if (f instanceof ProcessUsage p) {
                in.number(p.pid());
                in.text(p.user());
            }
        });
    }

    @FuzzTest
    void lscpu(byte[] data) {
        check(new LscpuParser(), "lscpu.txt", data, (f, in) -> {
        });
    }

    @FuzzTest
    void free(byte[] data) {
        check(new FreeParser(), "free.txt", data, (f, in) -> {
        });
    }

    @FuzzTest
    void df(byte[] data) {
        check(new DfParser(), "df.txt", data, (f, in) -> {
            if (f instanceof DiskUsage d) {
                in.text(d.filesystem());
                in.text(d.mountedOn());
                in.number(d.usePercent());
            }
        });
    }

    @FuzzTest
    void du(byte[] data) {
        check(new DuParser(), "du.txt", data, (f, in) -> {
            if (f instanceof DiskConsumer d) {
                in.text(d.path());
            }
        });
    }

    @FuzzTest
    void memoryStatus(byte[] data) {
        check(new MemoryStatusParser(), "memory-status.txt", data, (f, in) -> {
            if (f instanceof ConnectorMemory m) {
                in.text(m.pool());
            }
        });
    }

    @FuzzTest
    void dig(byte[] data) {
        check(new DigParser(), "dig-broker.txt", data, (f, in) -> {
            if (f instanceof DnsLookup d) {
                d.addresses().forEach(in::text);
                d.cnameChain().forEach(in::text);
                in.number(d.queryTimeMsec());
            }
        });
    }

    @FuzzTest
    void resolvConf(byte[] data) {
        check(new ResolvConfParser(), "resolv-conf.txt", data, (f, in) -> {
            if (f instanceof ResolverConfig r) {
                r.nameservers().forEach(in::text);
                r.searchDomains().forEach(in::text);
                in.text(r.owner());
            }
        });
    }

    @FuzzTest
    void tcpProbe(byte[] data) {
        check(new TcpProbeParser(), "tcp-broker.txt", data, (f, in) -> {
            if (f instanceof TcpProbe t) {
                in.number(t.port());
                in.text(t.target());
            }
        });
    }

    @FuzzTest
    void opensslSClient(byte[] data) {
        check(new OpensslSClientParser(), "tls-broker.txt", data, (f, in) -> {
            if (f instanceof TlsProbe t) {
                in.number(t.verifyCode());
            }
        });
    }

    @FuzzTest
    void ping(byte[] data) {
        check(new PingParser(), "ping-broker.txt", data, (f, in) -> {
            if (f instanceof PingResult p) {
                in.number(p.transmitted());
                in.number(p.received());
                in.text(p.resolvedAddress());
            }
        });
    }

    @FuzzTest
    void timeSync(byte[] data) {
        check(new TimeSyncParser(), "time-sync.txt", data, (f, in) -> {
            if (f instanceof ClockSync c) {
                in.number(c.stratum());
                in.text(c.referenceId());
            }
        });
    }

    @FuzzTest
    void upgradeReach(byte[] data) {
        check(new UpgradeReachParser(), "upgrade-reach.txt", data, (f, in) -> {
            if (f instanceof UpgradeReach u) {
                in.number(u.httpStatus());
                in.number(u.curlExitCode());
            }
        });
    }

    @FuzzTest
    void provisionKey(byte[] data) {
        check(new ProvisionKeyParser(), "provision-key.txt", data, (f, in) -> {
            if (f instanceof KeyFileShape k) {
                in.text(k.owner());
            }
        });
    }

    @FuzzTest
    void optZscalerVar(byte[] data) {
        check(new OptZscalerVarParser(), "opt-zscaler-var.txt", data, (f, in) -> {
            if (f instanceof VarDirectory v) {
                v.entries().forEach(in::text);
                in.text(v.directoryOwner());
            }
        });
    }

    @FuzzTest
    void ipAddr(byte[] data) {
        check(new IpAddrParser(), "ip-addr.txt", data, (f, in) -> {
            if (f instanceof HostAddresses h) {
                h.addresses().forEach(in::text);
                in.text(h.hostname());
            }
        });
    }

    /** Values a fact says it copied from the file: each must be in the (cleaned) text. */
    static final class Text {
        private final String haystack;
        private final HostFact fact;

        Text(String haystack, HostFact fact) {
            this.haystack = haystack;
            this.fact = fact;
        }

        void text(String value) {
            if (value != null && !value.isBlank() && !haystack.contains(squash(value))) {
                throw new AssertionError("invented value \"" + value + "\" not in the text: " + fact);
            }
        }

        void number(Number value) {
            if (value != null && !haystack.contains(String.valueOf(value))) {
                throw new AssertionError("invented number " + value + " not in the text: " + fact);
            }
        }
    }

    static void check(HostParser parser, String name, byte[] data, BiConsumer<HostFact, Text> copied) {
        String raw = new String(data, StandardCharsets.UTF_8);
        HostFile file = new HostFile("fuzz-host", name, raw);
        ParseResult r = parser.parse(file);
        if (r == null || r.outcome() == null) {
            throw new AssertionError("no outcome");
        }
        int maxLine = lineBound(raw);
        ProbeText cleaned = ProbeText.of(raw);
        if (r.outcome() == ParseResult.Outcome.PARSED) {
            StringBuilder sb = new StringBuilder();
            cleaned.lines().forEach(l -> sb.append(l.text()).append('\n'));
            cleaned.prompts().forEach(l -> sb.append(l.text()).append('\n'));
            String haystack = squash(sb.toString());
            for (HostFact f : r.facts()) {
                if (!(f instanceof HostObservation o) || !"fuzz-host".equals(o.host()) || !file.path().equals(o.source())) {
                    throw new AssertionError("a fact that does not name its file: " + f);
                }
                if (o.line() != null && (o.line() < 1 || o.line() > maxLine)) {
                    throw new AssertionError("line " + o.line() + " outside the file's " + maxLine + " lines: " + f);
                }
                sameLine(raw, cleaned, o.line(), f);
                copied.accept(f, new Text(haystack, f));
            }
        } else {
            ProbeProblem p = r.problem();
            if (!name.equals(p.file()) || !"fuzz-host".equals(p.host())) {
                throw new AssertionError("a problem that does not name its file: " + p);
            }
            if (p.line() != null && (p.line() < 1 || p.line() > maxLine)) {
                throw new AssertionError("line " + p.line() + " outside the file's " + maxLine + " lines: " + p);
            }
            sameLine(raw, cleaned, p.line(), p);
            if (p.detail().startsWith("could not be read as ")) {
                // the boundary caught an unexpected exception: a parser bug. Rethrow it with its own stack trace
                // (read() is package-visible here) so Jazzer tells distinct bugs apart.
                if (parser instanceof ProbeParser pp) {
                    pp.read(file, ProbeText.of(raw));
                }
                throw new AssertionError("parser failed inside: " + p.detail());
            }
        }
    }

    /**
     * A cited line is the file's line of that number: cleaning the whole text gives that line what cleaning the
     * raw line alone gives (colour codes are removed, a line break never is), so evidence points where a person looks.
     */
    static void sameLine(String raw, ProbeText cleaned, Integer line, Object what) {
        if (line == null) {
            return;
        }
        String text = textAt(cleaned, line);
        if (text == null) {
            throw new AssertionError("line " + line + " is not a line of the cleaned text: " + what);
        }
        String[] rawLines = raw.split("\r\n|\r|\n", -1);
        // a byte-order mark is dropped only at the start of the file, so cleaning one later line alone keeps it
        String alone = line > rawLines.length ? null : textAt(ProbeText.of((line > 1 ? "\n" : "") + rawLines[line - 1]),
                line > 1 ? 2 : 1);
        if (!text.strip().equals(alone == null ? "" : alone.strip())) {
            throw new AssertionError("line " + line + " of the cleaned text (\"" + text + "\") is not the file's line "
                    + line + " (\"" + alone + "\"): " + what);
        }
    }

    private static String textAt(ProbeText t, int line) {
        for (ProbeText.Line l : t.lines()) {
            if (l.number() == line) {
                return l.text();
            }
        }
        for (ProbeText.Line l : t.prompts()) {
            if (l.number() == line) {
                return l.text();
            }
        }
        return null;
    }

    /** How many lines the file can have: CR, LF and CRLF each end one (cleaning only ever removes lines). */
    static int lineBound(String raw) {
        int n = 1;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == raw.length() || raw.charAt(i + 1) != '\n'))) {
                n++;
            }
        }
        return n;
    }

    static String squash(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }
}
