package io.zpadoctor.client.host;

import io.zpadoctor.client.host.internal.Malformed;
import io.zpadoctor.client.host.internal.ProbeText;
import io.zpadoctor.client.host.internal.Sizes;
import io.zpadoctor.model.host.ConnectorMemory;
import io.zpadoctor.model.host.HostFact;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code memory-status.txt}: {@code curl -s 127.0.0.1:9000/memory/status}, one {@link ConnectorMemory} per
 * allocator line and one for the {@code Total:} line (zpa-domain.md 5.6). The {@code /memory/argo} listing
 * (no {@code Drain}, no {@code Overhead}) is another endpoint: NOT_APPLICABLE. A curl error (the endpoint did
 * not answer) is NOT_APPLICABLE with curl's message.
 */
public final class MemoryStatusParser extends ProbeParser {
    private static final Pattern POOL = Pattern.compile(
            "^([\\w()-]+): Alloc: (\\d+) (\\d+), Free: (\\d+) (\\d+), Drain: (\\d+) (\\d+), Out: (\\d+) (\\d+) ([\\d.]+)mb(?: Overhead: ([\\d.]+)mb(?: \\((\\d+)\\))?)?$");
    private static final Pattern CURL_ERROR = Pattern.compile("^curl: \\(\\d+\\) .*");

    @Override
    protected String key() {
        return "memory-status";
    }

    @Override
    protected Set<String> commandWords() {
        return Set.of("curl", "wget");
    }

    @Override
    protected String expected() {
        return "`curl -s 127.0.0.1:9000/memory/status` output";
    }

    @Override
    protected ParseResult read(HostFile file, ProbeText text) {
        String command = text.promptWith("curl");
        if (command != null && command.contains("/memory/argo")) {
            return ParseResult.notApplicable(file, text.prompts().get(0).number(),
                    "the pasted command line asks /memory/argo, not /memory/status");
        }
        List<HostFact> facts = new ArrayList<>();
        for (ProbeText.Line l : text.nonBlank()) {
            String t = l.trimmed();
            if (CURL_ERROR.matcher(t).matches()) {
                return ParseResult.notApplicable(file, l.number(),
                        "the connector's local endpoint did not answer: " + ProbeText.quote(t));
            }
            Matcher m = POOL.matcher(t);
            if (!m.matches()) {
                if (facts.isEmpty()) {
                    return notOurs(file, text, l, "`<pool>: Alloc: <n> <bytes>, Free: ..., Drain: ..., Out: <n> <bytes> <x>mb Overhead: <y>mb` lines");
                }
                throw new Malformed(l, "expected an allocator line `<pool>: Alloc: ... Out: ... mb Overhead: ... mb`, found \""
                        + ProbeText.quote(t) + "\"");
            }
            String pool = m.group(1);
            facts.add(new ConnectorMemory(file.host(), file.path(), l.number(), pool, pool.equals("Total"),
                    n(m, 2, l), n(m, 3, l), n(m, 4, l), n(m, 5, l), n(m, 8, l), n(m, 9, l),
                    megabytes(m, 10, l), m.group(11) == null ? null : megabytes(m, 11, l)));
        }
        return ParseResult.parsed(facts);
    }

    /** [\d.]+ also admits "1.2.3" and ".": not a number, so the line is malformed rather than the parser crashing. */
    private static double megabytes(Matcher m, int group, ProbeText.Line l) {
        Double v = Sizes.decimal(m.group(group));
        if (v == null) {
            throw new Malformed(l, "expected megabytes such as 0.076mb, found \"" + ProbeText.quote(m.group(group)) + "mb\"");
        }
        return v;
    }

    private static long n(Matcher m, int group, ProbeText.Line l) {
        String v = m.group(group);
        if (v.length() > 18) {
            throw new Malformed(l, "a counter is too large to be real: " + v);
        }
        return Long.parseLong(v);
    }
}
