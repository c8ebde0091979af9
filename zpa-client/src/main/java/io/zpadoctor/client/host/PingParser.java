package io.zpadoctor.client.host;

import io.zpadoctor.client.host.internal.ProbeText;
import io.zpadoctor.client.host.internal.Sizes;
import io.zpadoctor.model.host.PingOutcome;
import io.zpadoctor.model.host.PingResult;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ping-broker.txt}: {@code ping -c 4 co2br.<cloud>} from iputils (old and new wording) or busybox:
 * the {@code PING name (address)} line, the {@code N packets transmitted, M received, X% packet loss} summary
 * and {@code rtt min/avg/max/mdev}; errors {@code unknown host}, {@code Name or service not known},
 * {@code Temporary failure in name resolution}, {@code Network is unreachable}.
 */
public final class PingParser extends ProbeParser {
    private static final Pattern PING = Pattern.compile("^PING (\\S+) \\(([0-9a-fA-F.:]+)\\)");
    private static final Pattern SUMMARY = Pattern.compile(
            "^(\\d+) packets transmitted, (\\d+) (?:packets )?received(?:, \\+\\d+ (?:errors|duplicates))*, ([\\d.]+)% packet loss");
    private static final Pattern RTT = Pattern.compile("^(?:rtt|round-trip) min/avg/max(?:/(?:mdev|stddev))? = [\\d.]+/([\\d.]+)/");
    private static final Pattern UNKNOWN_HOST = Pattern.compile(
            "^ping: (?:unknown host (\\S+)|(\\S+): (Name or service not known|Temporary failure in name resolution|No address associated with hostname|nodename nor servname provided, or not known))$");
    private static final Pattern UNREACHABLE = Pattern.compile("^(?:ping: )?connect: (Network is unreachable|No route to host)$");

    @Override
    protected String key() {
        return "ping";
    }

    @Override
    protected Set<String> commandWords() {
        return Set.of("ping");
    }

    @Override
    protected String expected() {
        return "`ping -c 4 co2br.<cloud>` output";
    }

    @Override
    protected ParseResult read(HostFile file, ProbeText text) {
        String target = null;
        String address = null;
        Integer tx = null;
        Integer rx = null;
        Double loss = null;
        Double avg = null;
        ProbeText.Line line = null;
        String command = text.promptWith("ping");
        if (command != null) {
            String[] tokens = command.split("\\s+");
            target = tokens[tokens.length - 1];
        }
        for (ProbeText.Line l : text.nonBlank()) {
            String t = l.trimmed();
            Matcher m;
            if ((m = PING.matcher(t)).find()) {
                target = m.group(1);
                address = m.group(2);
                line = line == null ? l : line;
            } else if ((m = SUMMARY.matcher(t)).find()) {
                tx = Sizes.wholeInt(m.group(1));
                rx = Sizes.wholeInt(m.group(2));
                loss = Sizes.decimal(m.group(3));
                line = l;
            } else if ((m = RTT.matcher(t)).find()) {
                avg = Sizes.decimal(m.group(1));
            } else if ((m = UNKNOWN_HOST.matcher(t)).matches()) {
                String name = m.group(1) != null ? m.group(1) : m.group(2);
                return one(file, l, name, null, null, null, null, null, PingOutcome.UNKNOWN_HOST,
                        m.group(3) != null ? m.group(3) : "unknown host");
            } else if ((m = UNREACHABLE.matcher(t)).matches()) {
                return one(file, l, target, address, null, null, null, null, PingOutcome.UNREACHABLE, m.group(1));
            }
        }
        if (line == null) {
            return notOurs(file, text, text.first(), "`ping` output (`PING <name> (<address>)` and a packet summary)");
        }
        PingOutcome outcome = tx == null ? PingOutcome.UNKNOWN
                : rx > 0 ? PingOutcome.REPLIES : tx > 0 ? PingOutcome.NO_REPLIES : PingOutcome.UNKNOWN;
        return one(file, line, target, address, tx, rx, loss, avg, outcome, null);
    }

    private static ParseResult one(HostFile f, ProbeText.Line l, String target, String address, Integer tx, Integer rx,
                                   Double loss, Double avg, PingOutcome outcome, String detail) {
        return ParseResult.parsed(List.of(new PingResult(f.host(), f.path(), l.number(), target, address, tx, rx, loss,
                avg, outcome, detail)));
    }
}
