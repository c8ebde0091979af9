package io.zpadoctor.client.host;

import io.zpadoctor.client.host.internal.ProbeText;
import io.zpadoctor.client.host.internal.Sizes;
import io.zpadoctor.model.host.HostFact;
import io.zpadoctor.model.host.UpgradeReach;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code upgrade-reach.txt}: the collector's loop
 * {@code curl -sS -o /dev/null -w "$h %{http_code}\n" --max-time 10 https://$h/ || echo "$h unreachable"} over
 * the upgrade servers. Reads {@code <host> <code>} ({@code 000} is no response, not a status),
 * {@code <host> unreachable}, and curl's own errors ({@code curl: (6) Could not resolve host: ...},
 * {@code curl: (28) Connection timed out after 10001 milliseconds}), attached to the server they name, else to
 * the next server line, else to the previous one. Consecutive lines about one server make one fact.
 */
public final class UpgradeReachParser extends ProbeParser {
    private static final Pattern CODE = Pattern.compile("^([A-Za-z0-9][A-Za-z0-9.-]*\\.[A-Za-z]{2,}) (\\d{3})$");
    private static final Pattern UNREACHABLE = Pattern.compile("^([A-Za-z0-9][A-Za-z0-9.-]*\\.[A-Za-z]{2,}) unreachable$");
    private static final Pattern CURL = Pattern.compile("^curl: \\((\\d+)\\) (.+)$");
    private static final Pattern HOST_IN = Pattern.compile("([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+\\.[A-Za-z]{2,})");

    @Override
    protected String key() {
        return "upgrade";
    }

    @Override
    protected Set<String> commandWords() {
        return Set.of("for", "curl", "wget", "echo");
    }

    @Override
    protected String expected() {
        return "the upgrade-server `curl` loop output (`<host> <http code>`)";
    }

    /** Mutable while a server's lines are read. */
    private static final class Entry {
        String server;
        int line;
        Integer status;
        boolean unreachable;
        String error;
        Integer exitCode;

        UpgradeReach toFact(HostFile f) {
            boolean reachable = status != null && status >= 100 && status <= 599 && !unreachable;
            return new UpgradeReach(f.host(), f.path(), line, server, status, reachable, error, exitCode);
        }
    }

    @Override
    protected ParseResult read(HostFile file, ProbeText text) {
        List<Entry> entries = new ArrayList<>();
        List<String[]> pending = new ArrayList<>(); // curl errors naming no server yet: {code, message}
        for (ProbeText.Line l : text.nonBlank()) {
            String t = l.trimmed();
            Matcher m;
            if ((m = CODE.matcher(t)).matches()) {
                Entry e = entryFor(entries, m.group(1), l);
                int code = Integer.parseInt(m.group(2));
                e.status = code == 0 ? null : code; // curl prints 000 when no HTTP response came back
                attachPending(e, pending);
            } else if ((m = UNREACHABLE.matcher(t)).matches()) {
                Entry e = entryFor(entries, m.group(1), l);
                e.unreachable = true;
                attachPending(e, pending);
            } else if ((m = CURL.matcher(t)).matches()) {
                Matcher h = HOST_IN.matcher(m.group(2));
                Entry named = null;
                while (h.find() && named == null) {
                    for (Entry e : entries) {
                        if (e.server.equalsIgnoreCase(h.group(1)) && e.error == null) {
                            named = e;
                        }
                    }
                }
                if (named != null) {
                    named.error = m.group(2);
                    named.exitCode = Sizes.wholeInt(m.group(1));
                } else {
                    pending.add(new String[] {m.group(1), m.group(2)});
                }
            } else if (entries.isEmpty() && pending.isEmpty()) {
                return notOurs(file, text, l, "`<host> <http code>` or `<host> unreachable` lines");
            }
        }
        if (!pending.isEmpty() && !entries.isEmpty()) {
            Entry last = entries.get(entries.size() - 1);
            if (last.error == null) {
                attachPending(last, pending);
            }
        }
        if (entries.isEmpty()) {
            return notOurs(file, text, text.first(), "`<host> <http code>` or `<host> unreachable` lines");
        }
        List<HostFact> facts = new ArrayList<>();
        entries.forEach(e -> facts.add(e.toFact(file)));
        return ParseResult.parsed(facts);
    }

    /** The entry for the server: the last one when it is about the same server, else a new one. */
    private static Entry entryFor(List<Entry> entries, String server, ProbeText.Line l) {
        if (!entries.isEmpty()) {
            Entry last = entries.get(entries.size() - 1);
            if (last.server.equalsIgnoreCase(server)) {
                return last;
            }
        }
        Entry e = new Entry();
        e.server = server;
        e.line = l.number();
        entries.add(e);
        return e;
    }

    private static void attachPending(Entry e, List<String[]> pending) {
        if (!pending.isEmpty() && e.error == null) {
            String[] p = pending.remove(0);
            e.exitCode = Sizes.wholeInt(p[0]);
            e.error = p[1];
        }
    }
}
