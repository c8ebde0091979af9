package io.zpadoctor.client.host;

import io.zpadoctor.client.host.internal.Sizes;
import io.zpadoctor.client.host.internal.Malformed;
import io.zpadoctor.client.host.internal.ProbeText;
import io.zpadoctor.model.host.DnsLookup;
import io.zpadoctor.model.host.DnsStatus;
import io.zpadoctor.model.host.HostFact;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code dig-broker.txt}: full {@code dig co2br.<cloud>} output (one {@link DnsLookup} per {@code ; <<>> DiG}
 * section: status, CNAME chain, A/AAAA records, server, query time), the timeout forms of BIND 9.11-9.16
 * ({@code ;; connection timed out; no servers could be reached}) and 9.18+ ({@code ;; communications error to
 * ...: timed out} then {@code ;; no servers could be reached}), and {@code dig +short} (addresses and CNAME
 * targets, no status). An empty {@code +short} answer with its command line pasted is an empty lookup, since
 * {@code +short} prints nothing for NXDOMAIN or no records.
 *
 * <p>An empty answer is a failure only when the whole answer is there: dig's closing lines came after it, or its
 * header counted no answer. Output that stops before its status or its closing lines, or whose last line is cut, is
 * PARTIAL: what it shows is kept, and an answer it does not show is unknown, never "no address".
 */
public final class DigParser extends ProbeParser {
    private static final Pattern BANNER = Pattern.compile("^; <<>> DiG (\\S+) <<>> (.*)$");
    private static final Pattern HEADER = Pattern.compile("^;; ->>HEADER<<- opcode: \\w+, status: (\\w+), id: \\d+");
    private static final Pattern RECORD = Pattern.compile("^(\\S+)\\s+\\d+\\s+IN\\s+(A|AAAA|CNAME)\\s+(\\S+)\\s*$");
    private static final Pattern SERVER = Pattern.compile("^;; SERVER: ([^#\\s]+)#\\d+");
    private static final Pattern QUERY_TIME = Pattern.compile("^;; Query time: (\\d+) msec");
    private static final Pattern FLAGS = Pattern.compile("^;; flags:[^;]*;\\s*QUERY: \\d+, ANSWER: (\\d+),");
    /** dig's closing lines, printed once the whole response was read. */
    private static final Pattern FOOTER = Pattern.compile("^;; (?:Query time: \\d+ msec|SERVER: \\S+|WHEN: .+|MSG SIZE\\s+rcvd: \\d+)");
    private static final Pattern COMM_ERROR = Pattern.compile("^;; communications error to ([^#\\s]+)#\\d+: (.+)$");
    private static final Pattern NO_SERVERS = Pattern.compile("^;; (?:connection timed out; )?no servers could be reached$");
    private static final Pattern IPV4 = Pattern.compile("^\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}$");
    private static final Pattern IPV6 = Pattern.compile("^[0-9a-fA-F:]+:[0-9a-fA-F:.]*$");
    private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9_][A-Za-z0-9_.-]*\\.$");

    @Override
    protected String key() {
        return "dig";
    }

    @Override
    protected Set<String> commandWords() {
        return Set.of("dig");
    }

    @Override
    protected String expected() {
        return "`dig co2br.<cloud>` output";
    }

    /** Mutable while one section is read. */
    private static final class Section {
        final int line;
        String query;
        String statusRaw;
        DnsStatus status = DnsStatus.UNKNOWN;
        final List<String> addresses = new ArrayList<>();
        final List<String> cnames = new ArrayList<>();
        String server;
        Integer queryTime;
        boolean shortForm;
        Integer answerCount;
        boolean footer;

        Section(int line) {
            this.line = line;
        }

        /** For {@code +short}: a shell prompt came after the output, so the command had finished. */
        boolean promptAfter;

        DnsLookup toFact(HostFile f) {
            boolean complete = shortForm ? promptAfter : footer || answerCount != null && answerCount == 0;
            return new DnsLookup(f.host(), f.path(), line, query, status, statusRaw, addresses, cnames, server,
                    queryTime, shortForm, complete);
        }

        /** Why this section's answer is not all there, or null when it is (or cannot be more than it is). */
        String missing() {
            if (shortForm || status == DnsStatus.TIMEOUT) {
                return null;
            }
            if (statusRaw == null) {
                return "the output stops before dig's status line";
            }
            return footer ? null : "the output stops before dig's closing lines (;; Query time, ;; SERVER)";
        }
    }

    @Override
    protected ParseResult read(HostFile file, ProbeText text) {
        List<HostFact> facts = new ArrayList<>();
        List<Section> sections = new ArrayList<>();
        ParseResult.Incomplete cut = null;
        Section s = null;
        boolean inAnswer = false;
        String shortQuery = queryOf(text.promptWith("dig"));
        for (ProbeText.Line l : text.lines()) {
            String t = l.trimmed();
            if (t.isEmpty()) {
                inAnswer = false;
                continue;
            }
            if (text.mayBeCut(l) && !t.startsWith(";")) {
                // the last line has no line break: an address or name on it may be cut, so it is not read
                cut = new ParseResult.Incomplete(l.number(), "the last line is cut: \"" + ProbeText.quote(t) + "\"");
                break;
            }
            Matcher m = BANNER.matcher(t);
            if (m.matches()) {
                Section errorsOnly = s != null && s.shortForm && s.addresses.isEmpty() && s.cnames.isEmpty()
                        && s.status != DnsStatus.TIMEOUT ? s : null;
                if (s != null && errorsOnly == null) {
                    sections.add(s);
                }
                s = new Section(l.number());
                if (errorsOnly != null) {
                    // dig 9.18 prints its retry errors to stderr, which a terminal may show above the banner
                    s.server = errorsOnly.server;
                    s.statusRaw = errorsOnly.statusRaw;
                }
                s.query = queryOf("dig " + m.group(2));
                inAnswer = false;
                continue;
            }
            if ((m = COMM_ERROR.matcher(t)).matches()) {
                s = s != null ? s : shortSection(l, shortQuery);
                s.server = m.group(1);
                s.statusRaw = m.group(2);
                continue;
            }
            if (NO_SERVERS.matcher(t).matches()) {
                s = s != null ? s : shortSection(l, shortQuery);
                s.status = DnsStatus.TIMEOUT;
                s.statusRaw = s.statusRaw == null ? "no servers could be reached" : s.statusRaw + "; no servers could be reached";
                continue;
            }
            if (s != null && !s.shortForm) {
                if ((m = HEADER.matcher(t)).find()) {
                    s.statusRaw = m.group(1);
                    s.status = DnsStatus.fromDig(m.group(1));
                } else if ((m = FLAGS.matcher(t)).find()) {
                    s.answerCount = Sizes.wholeInt(m.group(1));
                } else if (t.startsWith(";; ANSWER SECTION:")) {
                    inAnswer = true;
                } else if (t.startsWith(";;") || t.startsWith(";")) {
                    inAnswer = false;
                    s.footer |= FOOTER.matcher(t).find();
                    if ((m = SERVER.matcher(t)).find()) {
                        s.server = m.group(1);
                    } else if ((m = QUERY_TIME.matcher(t)).find()) {
                        s.queryTime = Sizes.wholeInt(m.group(1));
                    }
                } else if (inAnswer) {
                    Matcher r = RECORD.matcher(t);
                    if (!r.matches()) {
                        if (t.matches("^\\S+\\s+\\d+\\s+IN\\s+\\S+\\s+.*")) {
                            continue; // another record type (e.g. RRSIG): nothing to keep
                        }
                        throw new Malformed(l, "expected an answer record `<name> <ttl> IN A|CNAME <value>`, found \""
                                + ProbeText.quote(t) + "\"");
                    }
                    addRecord(s, r.group(2), r.group(3), l);
                }
                continue;
            }
            // dig +short: one address or CNAME target per line
            if (IPV4.matcher(t).matches() || IPV6.matcher(t).matches() || NAME.matcher(t).matches()) {
                if (s == null) {
                    s = shortSection(l, shortQuery);
                }
                if (NAME.matcher(t).matches()) {
                    s.cnames.add(stripDot(t));
                } else {
                    s.addresses.add(t);
                }
                continue;
            }
            if (s == null) {
                return notOurs(file, text, l, "`dig` output (`; <<>> DiG ...`) or `dig +short` addresses");
            }
            throw new Malformed(l, "expected an address or a name from `dig +short`, found \"" + ProbeText.quote(t) + "\"");
        }
        if (s != null) {
            sections.add(s);
        }
        for (Section x : sections) {
            x.promptAfter = text.prompts().stream().anyMatch(p -> p.number() > x.line);
            facts.add(x.toFact(file));
            if (cut == null && x.missing() != null) {
                cut = new ParseResult.Incomplete(x.line, x.missing());
            }
        }
        if (facts.isEmpty() && cut != null) {
            return ParseResult.malformed(file, cut.line(), cut.detail());
        }
        return ParseResult.parsedUnless(facts, file, cut);
    }

    private static Section shortSection(ProbeText.Line l, String query) {
        Section s = new Section(l.number());
        s.shortForm = true;
        s.query = query;
        return s;
    }

    private static void addRecord(Section s, String type, String value, ProbeText.Line l) {
        switch (type) {
            case "CNAME" -> s.cnames.add(stripDot(value));
            case "A" -> {
                if (!IPV4.matcher(value).matches()) {
                    throw new Malformed(l, "an A record that is not an IPv4 address: \"" + ProbeText.quote(value) + "\"");
                }
                s.addresses.add(value);
            }
            default -> s.addresses.add(value);
        }
    }

    /** The name queried on a dig command line: the first argument that is neither an option nor a server nor a type. */
    static String queryOf(String commandLine) {
        if (commandLine == null) {
            return null;
        }
        String[] tokens = commandLine.strip().split("\\s+");
        for (int i = 1; i < tokens.length; i++) {
            String t = tokens[i];
            if (t.startsWith("+") || t.startsWith("@") || t.startsWith("|") || t.equals("IN")
                    || t.matches("A|AAAA|CNAME|NS|MX|TXT|SOA|ANY")) {
                continue;
            }
            if (t.startsWith("-")) {
                if (t.matches("-[tcpqbkxy]")) {
                    i++; // the option's argument
                }
                continue;
            }
            if (t.equals("dig")) {
                continue;
            }
            return stripDot(t.replaceAll("[;)\"']+$", ""));
        }
        return null;
    }

    private static String stripDot(String name) {
        return name.endsWith(".") && name.length() > 1 ? name.substring(0, name.length() - 1) : name;
    }

    /**
     * {@code dig +short} printing nothing is an answer (no address: NXDOMAIN, or no records) when the shell prompt
     * came back after it; a paste that stops at the command line may have lost the output, so it is PARTIAL.
     */
    @Override
    protected ParseResult promptOnly(HostFile file, ProbeText text) {
        String command = text.promptWith("dig");
        if (command != null && command.contains("+short")) {
            ProbeText.Line p = text.prompts().stream().filter(x -> x.text().equals(command)).findFirst().orElseThrow();
            boolean finished = text.prompts().stream().anyMatch(x -> x.number() > p.number());
            List<DnsLookup> facts = List.of(new DnsLookup(file.host(), file.path(), p.number(), queryOf(command),
                    DnsStatus.UNKNOWN, null, List.of(), List.of(), null, null, true, finished));
            return finished ? ParseResult.parsed(facts) : ParseResult.partial(facts, file, p.number(),
                    "the paste stops after the command line, so whether dig printed addresses is unknown");
        }
        return super.promptOnly(file, text);
    }
}
