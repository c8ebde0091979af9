package io.zpadoctor.client.host;

import io.zpadoctor.client.host.internal.ProbeText;
import io.zpadoctor.client.host.internal.Sizes;
import io.zpadoctor.model.host.HostFact;
import io.zpadoctor.model.host.TcpOutcome;
import io.zpadoctor.model.host.TcpProbe;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code tcp-broker.txt}: the collector's bash loop ({@code <ip>:443 open} / {@code <ip>:443 failed}, with bash's
 * own {@code connect: Connection refused} lines giving the reason), {@code nc -vz} in both variants (OpenBSD:
 * {@code Connection to <ip> 443 port [tcp/https] succeeded!}, {@code nc: connect to <ip> port 443 (tcp) failed:
 * <reason>}; nmap's ncat: {@code Ncat: Connected to <ip>:443.}, {@code Ncat: Connection refused.},
 * {@code Ncat: TIMEOUT.}) and {@code telnet} ({@code Trying <ip>...}, {@code Connected to <ip>.},
 * {@code telnet: connect to address <ip>: <reason>}). Where a tool does not print the target (ncat failures),
 * the target and port come from the pasted command line, or stay null.
 */
public final class TcpProbeParser extends ProbeParser {
    private static final Pattern BASH = Pattern.compile("^(\\S+?):(\\d+) (open|failed)$");
    private static final Pattern BASH_ERROR = Pattern.compile("^(?:-?bash|sh|timeout): (?:line \\d+: )?(?:(?:/dev/tcp/([^/\\s]+)/(\\d+))|connect|\\S+): (.+)$");
    private static final Pattern NC_OK = Pattern.compile("^Connection to (\\S+) (\\d+) port \\[[^\\]]*\\] succeeded!$");
    private static final Pattern NC_FAIL = Pattern.compile("^nc: connect to (\\S+) port (\\d+) \\((?:tcp|udp)\\) (failed|timed out): (.+)$");
    private static final Pattern NC_RESOLVE = Pattern.compile("^nc: getaddrinfo(?: for host \"([^\"]+)\" port (\\d+))?: (.+)$");
    private static final Pattern NCAT_OK = Pattern.compile("^Ncat: Connected to (\\S+?):(\\d+)\\.$");
    private static final Pattern NCAT_FAIL = Pattern.compile("^Ncat: (.+?)\\.?(?: QUITTING\\.)?$");
    private static final Pattern TELNET_TRYING = Pattern.compile("^Trying (\\S+?)\\.\\.\\.$");
    private static final Pattern TELNET_OK = Pattern.compile("^Connected to (\\S+?)\\.$");
    private static final Pattern TELNET_FAIL = Pattern.compile("^telnet: connect to address (\\S+): (.+)$");
    private static final Pattern TELNET_GIVE_UP = Pattern.compile("^telnet: (?:Unable to connect to remote host: (.+)|(\\S+): (.+))$");
    private static final Pattern TARGET = Pattern.compile("\\b(?:nc|ncat|netcat|telnet)\\s");

    @Override
    protected String key() {
        return "tcp";
    }

    @Override
    protected Set<String> commandWords() {
        return Set.of("for", "bash", "timeout", "nc", "ncat", "netcat", "telnet", "echo");
    }

    @Override
    protected String expected() {
        return "the `/dev/tcp` loop, `nc -vz` or `telnet` output";
    }

    @Override
    protected ParseResult read(HostFile file, ProbeText text) {
        List<HostFact> facts = new ArrayList<>();
        String pendingError = null;
        String trying = null;
        boolean telnetReported = false;
        ParseResult.Incomplete cut = null;
        for (ProbeText.Line l : text.nonBlank()) {
            String t = l.trimmed();
            String[] target = promptTarget(text, l.number());
            Matcher m;
            if (text.mayBeCut(l) && !complete(t)) {
                cut = cutAt(l); // "165.225.72.39:4": what it would have said is unknown
                break;
            }
            if ((m = BASH.matcher(t)).matches()) {
                boolean open = m.group(3).equals("open");
                TcpOutcome o = open ? TcpOutcome.OPEN : pendingError == null ? TcpOutcome.FAILED : outcome(pendingError);
                facts.add(fact(file, l, m.group(1), Sizes.wholeInt(m.group(2)), o, "bash", open ? null : pendingError));
                pendingError = null;
            } else if ((m = BASH_ERROR.matcher(t)).matches()) {
                pendingError = m.group(3);
            } else if ((m = NC_OK.matcher(t)).matches()) {
                facts.add(fact(file, l, m.group(1), Sizes.wholeInt(m.group(2)), TcpOutcome.OPEN, "nc", null));
            } else if ((m = NC_FAIL.matcher(t)).matches()) {
                TcpOutcome o = m.group(3).equals("timed out") ? TcpOutcome.TIMED_OUT : outcome(m.group(4));
                facts.add(fact(file, l, m.group(1), Sizes.wholeInt(m.group(2)), o, "nc", m.group(4)));
            } else if ((m = NC_RESOLVE.matcher(t)).matches()) {
                facts.add(fact(file, l, m.group(1) != null ? m.group(1) : target[0],
                        m.group(2) != null ? Sizes.wholeInt(m.group(2)) : port(target), TcpOutcome.NAME_NOT_RESOLVED, "nc", m.group(3)));
            } else if ((m = NCAT_OK.matcher(t)).matches()) {
                facts.add(fact(file, l, m.group(1), Sizes.wholeInt(m.group(2)), TcpOutcome.OPEN, "ncat", null));
            } else if (t.startsWith("Ncat: ")) {
                if (t.startsWith("Ncat: Version") || t.matches("Ncat: \\d+ bytes sent.*")) {
                    continue;
                }
                m = NCAT_FAIL.matcher(t);
                String reason = m.matches() ? m.group(1) : t.substring(6);
                TcpOutcome o = outcome(reason);
                facts.add(fact(file, l, target[0], port(target), o, "ncat", reason));
            } else if ((m = TELNET_TRYING.matcher(t)).matches()) {
                trying = m.group(1);
                telnetReported = false;
            } else if ((m = TELNET_OK.matcher(t)).matches()) {
                facts.add(fact(file, l, m.group(1), port(target), TcpOutcome.OPEN, "telnet", null));
                telnetReported = true;
            } else if ((m = TELNET_FAIL.matcher(t)).matches()) {
                facts.add(fact(file, l, m.group(1), port(target), outcome(m.group(2)), "telnet", m.group(2)));
                telnetReported = true;
            } else if ((m = TELNET_GIVE_UP.matcher(t)).matches()) {
                if (!telnetReported) {
                    String reason = m.group(1) != null ? m.group(1) : m.group(3);
                    facts.add(fact(file, l, trying != null ? trying : m.group(2) != null ? m.group(2) : target[0],
                            port(target), outcome(reason), "telnet", reason));
                    telnetReported = true;
                }
            } else if (t.startsWith("Escape character is") || t.startsWith("Connection closed")
                    || t.equals("^C") || t.equals("^]") || t.startsWith("telnet>")) {
                continue;
            } else if (facts.isEmpty() && pendingError == null && trying == null) {
                return notOurs(file, text, l, "`<ip>:443 open|failed`, `nc -vz` or `telnet` lines");
            }
            // other lines (a banner, bash noise) carry no verdict
        }
        if (facts.isEmpty()) {
            if (cut != null) {
                return ParseResult.malformed(file, cut.line(), cut.detail());
            }
            return notOurs(file, text, text.first(), "`<ip>:443 open|failed`, `nc -vz` or `telnet` lines");
        }
        return ParseResult.parsedUnless(facts, file, cut);
    }

    /** A line whose verdict is all there: one of the forms read above, matched whole. */
    private static boolean complete(String t) {
        return BASH.matcher(t).matches() || NC_OK.matcher(t).matches() || NC_FAIL.matcher(t).matches()
                || NCAT_OK.matcher(t).matches() || TELNET_OK.matcher(t).matches() || TELNET_FAIL.matcher(t).matches()
                || t.startsWith("Escape character is") || t.startsWith("Connection closed");
    }

    private static TcpProbe fact(HostFile f, ProbeText.Line l, String target, Integer port, TcpOutcome o, String tool,
                                 String detail) {
        return new TcpProbe(f.host(), f.path(), l.number(), target, port, o, tool, detail);
    }

    /** The target and port of the last pasted nc/ncat/telnet command line before {@code line}. */
    private static String[] promptTarget(ProbeText text, int line) {
        String[] result = {null, null};
        for (ProbeText.Line p : text.prompts()) {
            if (p.number() > line) {
                break;
            }
            Matcher m = TARGET.matcher(p.text());
            if (m.find()) {
                // host and port are the last two arguments; options such as -w 5 come before them
                List<String> args = new ArrayList<>();
                for (String token : p.text().substring(m.start()).split("[|;&]")[0].strip().split("\\s+")) {
                    if (!token.startsWith("-") && !token.contains(">") && !token.contains("<")) {
                        args.add(token);
                    }
                }
                int n = args.size();
                if (n >= 3 && args.get(n - 1).matches("\\d{1,5}")) {
                    result = new String[] {args.get(n - 2), args.get(n - 1)};
                }
            }
        }
        return result;
    }

    private static Integer port(String[] target) {
        return target[1] == null ? null : Integer.valueOf(target[1]);
    }

    static TcpOutcome outcome(String reason) {
        String r = reason.toLowerCase(Locale.ROOT);
        if (r.contains("refused") || r.contains("reset by peer")) {
            return TcpOutcome.REFUSED;
        }
        if (r.contains("timed out") || r.contains("timeout")) {
            return TcpOutcome.TIMED_OUT;
        }
        if (r.contains("no route") || r.contains("unreachable")) {
            return TcpOutcome.NO_ROUTE;
        }
        if (r.contains("name or service not known") || r.contains("could not resolve") || r.contains("unknown host")
                || r.contains("temporary failure in name resolution") || r.contains("no address associated")) {
            return TcpOutcome.NAME_NOT_RESOLVED;
        }
        return TcpOutcome.UNKNOWN;
    }
}
