package io.zpadoctor.client.host;

import io.zpadoctor.client.host.internal.Malformed;
import io.zpadoctor.client.host.internal.ProbeText;
import io.zpadoctor.client.host.internal.Sizes;
import io.zpadoctor.model.host.DiskConsumer;
import io.zpadoctor.model.host.HostFact;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code du.txt}: {@code du -xam / | sort -n -r | head -n 20} (MiB) or the runbook's
 * {@code du -a / | sort -n -r | head -n 20} (KiB); {@code du -h} sizes ({@code 1.2G}) are read too.
 *
 * <p>The unit comes from a pasted command line when there is one ({@code -m}, {@code -k}, {@code -h}, none =
 * KiB). Without one, sizes with a suffix are human-readable; plain numbers are KiB when the largest is at least
 * 1048576 (1 GiB in KiB; 1 TiB in MiB) or when there are five or more and all are multiples of 4 (KiB counts of
 * 4-KiB blocks), else MiB as the probe's contract says. {@link DiskConsumer#unitAssumed()} tells which.
 * {@code du:} error lines are skipped.
 */
public final class DuParser extends ProbeParser {
    private static final Pattern ROW = Pattern.compile("^\\s*(\\d+(?:[.,]\\d+)?[KMGTP]?)\\s+(\\S.*)$");
    private static final Pattern NOISE = Pattern.compile("^(?:/\\S*/)?du: .*|^(?:sort|head): .*");

    @Override
    protected String key() {
        return "du";
    }

    @Override
    protected Set<String> commandWords() {
        return Set.of("du");
    }

    @Override
    protected String expected() {
        return "`du -xam / | sort -n -r | head -n 20` output";
    }

    private record Row(ProbeText.Line line, String size, String path) {
    }

    @Override
    protected ParseResult read(HostFile file, ProbeText text) {
        List<Row> rows = new ArrayList<>();
        for (ProbeText.Line l : text.lines()) {
            String t = l.trimmed();
            if (t.isEmpty() || NOISE.matcher(t).matches()) {
                continue;
            }
            Matcher m = ROW.matcher(l.text());
            if (!m.matches() || !(m.group(2).startsWith("/") || m.group(2).startsWith("."))) {
                if (rows.isEmpty()) {
                    return notOurs(file, text, l, "`<size> <path>` lines");
                }
                throw new Malformed(l, "expected `<size> <path>`, found \"" + ProbeText.quote(t) + "\"");
            }
            rows.add(new Row(l, m.group(1), m.group(2).strip()));
        }
        if (rows.isEmpty()) {
            return notOurs(file, text, text.first(), "`<size> <path>` lines");
        }
        String unit;
        boolean assumed = false;
        String command = text.promptWith("du");
        boolean suffixes = rows.stream().anyMatch(r -> Sizes.hasUnit(r.size()));
        if (command != null) {
            unit = unitFromCommand(command);
        } else if (suffixes) {
            unit = "human";
        } else {
            unit = inferredUnit(rows);
            assumed = true;
        }
        List<HostFact> facts = new ArrayList<>();
        int rank = 0;
        for (Row r : rows) {
            Double mib = switch (unit) {
                case "human" -> Sizes.humanToMib(r.size());
                case "KiB" -> plain(r) / 1024.0;
                default -> plain(r);
            };
            if (mib == null) {
                throw new Malformed(r.line(), "the size is not a number: \"" + r.size() + "\"");
            }
            facts.add(new DiskConsumer(file.host(), file.path(), r.line().number(), ++rank, r.path(),
                    Math.round(mib), unit, assumed));
        }
        return ParseResult.parsed(facts);
    }

    private static double plain(Row r) {
        Long n = Sizes.wholeNumber(r.size());
        if (n == null) {
            throw new Malformed(r.line(), "expected a whole number of blocks, found \"" + r.size() + "\"");
        }
        return n;
    }

    private static String unitFromCommand(String command) {
        for (String token : command.split("\\s+")) {
            if (token.startsWith("--block-size=1M") || token.equals("-BM") || token.equals("-B1M")) {
                return "MiB";
            }
            if (token.equals("-h") || token.equals("--human-readable")) {
                return "human";
            }
            if (token.matches("-[a-zA-Z]+")) {
                if (token.contains("h")) {
                    return "human";
                }
                if (token.contains("m")) {
                    return "MiB";
                }
            }
        }
        return "KiB";
    }

    private static String inferredUnit(List<Row> rows) {
        long max = 0;
        boolean allMultiplesOfFour = true;
        for (Row r : rows) {
            Long n = Sizes.wholeNumber(r.size());
            if (n == null) {
                return "MiB";
            }
            max = Math.max(max, n);
            allMultiplesOfFour &= n % 4 == 0;
        }
        if (max >= 1_048_576 || (rows.size() >= 5 && allMultiplesOfFour)) {
            return "KiB";
        }
        return "MiB";
    }
}
