package io.zpadoctor.client.host;

import io.zpadoctor.client.host.internal.Malformed;
import io.zpadoctor.client.host.internal.ProbeText;
import io.zpadoctor.client.host.internal.Sizes;
import io.zpadoctor.model.host.MemoryTotals;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code free.txt}: {@code free -m} (the contract), {@code free -h} ({@code 3.6Gi}, {@code 512Mi}, {@code 1.2G}),
 * {@code free -g}, {@code free -k}, {@code free}, {@code free -b}; the current header
 * ({@code total used free shared buff/cache available}), {@code free -w} ({@code buffers cache}) and the old
 * one with a {@code -/+ buffers/cache:} line. Columns are matched by their header names, not positions.
 *
 * <p>The unit comes from {@code -h} suffixes, else a pasted command line's flag, else it is assumed: MiB as
 * the contract says, except that a total of at least 1048576 is read as KiB (plain {@code free}; no connector
 * VM has a TiB of memory) and a total below 64 as GiB ({@code free -g}; no Linux VM runs in 64 MiB).
 */
public final class FreeParser extends ProbeParser {

    @Override
    protected String key() {
        return "free";
    }

    @Override
    protected Set<String> commandWords() {
        return Set.of("free");
    }

    @Override
    protected String expected() {
        return "`free -m` output";
    }

    @Override
    protected ParseResult read(HostFile file, ProbeText text) {
        List<String> header = null;
        ProbeText.Line memLine = null;
        String[] mem = null;
        String[] swap = null;
        String[] buffersCache = null;
        for (ProbeText.Line l : text.nonBlank()) {
            String t = l.trimmed();
            if (header == null && t.matches("total\\s+used\\s+free.*")) {
                header = Arrays.asList(t.toLowerCase(Locale.ROOT).split("\\s+"));
            } else if (t.startsWith("Mem:")) {
                if (text.mayBeCut(l)) {
                    // "Mem: 78" may be the start of 7822: no value of a cut Mem: line can be trusted
                    throw new Malformed(l, cutAt(l).detail());
                }
                memLine = l;
                mem = values(t);
            } else if (t.startsWith("Swap:")) {
                swap = text.mayBeCut(l) ? null : values(t);
            } else if (t.startsWith("-/+ buffers/cache:")) {
                buffersCache = t.substring("-/+ buffers/cache:".length()).strip().split("\\s+");
            } else if (t.startsWith("Total:") || t.startsWith("Low:") || t.startsWith("High:")) {
                continue; // free -t / -l extra lines
            } else if (header == null && mem == null) {
                return notOurs(file, text, l, "a `free` header (total used free ...) and a `Mem:` line");
            } else {
                throw new Malformed(l, "expected a `Mem:`, `Swap:` or `-/+ buffers/cache:` line, found \""
                        + ProbeText.quote(t) + "\"");
            }
        }
        if (mem == null) {
            return header == null ? notOurs(file, text, text.first(), "a `free` header and a `Mem:` line")
                    : malformedAt(text, "a `free` header but no `Mem:` line: the output was cut");
        }
        if (header == null) {
            throw new Malformed(memLine, "a `Mem:` line without the header that names its columns");
        }
        if (mem.length > header.size()) {
            throw new Malformed(memLine, "the `Mem:` line has " + mem.length + " values for " + header.size() + " columns");
        }
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < mem.length; i++) {
            m.put(header.get(i), mem[i]);
        }
        boolean human = Arrays.stream(mem).anyMatch(Sizes::hasUnit);
        String unit;
        boolean assumed = false;
        String command = text.promptWith("free");
        if (human) {
            unit = "human";
        } else if (command != null) {
            unit = unitFromCommand(command);
        } else {
            Long total = Sizes.wholeNumber(m.get("total"));
            if (total == null) {
                throw new Malformed(memLine, "the total is not a number: \"" + m.get("total") + "\"");
            }
            unit = total >= 1_048_576 ? "KiB" : total < 64 ? "GiB" : "MiB";
            assumed = true;
        }
        Long total = mib(m.get("total"), unit, memLine, "total");
        Long buffCache = m.containsKey("buff/cache") ? mib(m.get("buff/cache"), unit, memLine, "buff/cache")
                : sum(mib(m.get("buffers"), unit, memLine, "buffers"),
                        mib(m.containsKey("cached") ? m.get("cached") : m.get("cache"), unit, memLine, "cached"));
        Long available = m.containsKey("available") ? mib(m.get("available"), unit, memLine, "available")
                : buffersCache != null && buffersCache.length == 2 ? mib(buffersCache[1], unit, memLine, "-/+ free") : null;
        Long swapTotal = null;
        Long swapUsed = null;
        if (swap != null) {
            swapTotal = mib(swap.length > 0 ? swap[0] : null, unit, memLine, "swap total");
            swapUsed = mib(swap.length > 1 ? swap[1] : null, unit, memLine, "swap used");
        }
        if (total == null) {
            throw new Malformed(memLine, "the `Mem:` line has no total");
        }
        return ParseResult.parsed(List.of(new MemoryTotals(file.host(), file.path(), memLine.number(), total,
                mib(m.get("used"), unit, memLine, "used"), mib(m.get("free"), unit, memLine, "free"),
                mib(m.get("shared"), unit, memLine, "shared"), buffCache, available, swapTotal, swapUsed, unit,
                assumed)));
    }

    private static ParseResult malformedAt(ProbeText text, String detail) {
        throw new Malformed(text.first(), detail);
    }

    private static String[] values(String line) {
        return line.substring(line.indexOf(':') + 1).strip().split("\\s+");
    }

    private static Long sum(Long a, Long b) {
        return a == null || b == null ? null : a + b;
    }

    private static Long mib(String value, String unit, ProbeText.Line line, String what) {
        if (value == null) {
            return null;
        }
        Double v = switch (unit) {
            case "human" -> Sizes.humanToMib(value);
            case "KiB" -> div(Sizes.wholeNumber(value), 1024.0);
            case "GiB" -> mul(Sizes.wholeNumber(value), 1024.0);
            case "bytes" -> div(Sizes.wholeNumber(value), 1024.0 * 1024.0);
            default -> mul(Sizes.wholeNumber(value), 1.0);
        };
        if (v == null) {
            throw new Malformed(line, "the " + what + " value is not a size: \"" + ProbeText.quote(value) + "\"");
        }
        return Math.round(v);
    }

    private static Double div(Long n, double d) {
        return n == null ? null : n / d;
    }

    private static Double mul(Long n, double f) {
        return n == null ? null : n * f;
    }

    private static String unitFromCommand(String command) {
        for (String token : command.split("\\s+")) {
            switch (token) {
                case "-m", "--mebi", "--mega" -> {
                    return "MiB";
                }
                case "-g", "--gibi", "--giga" -> {
                    return "GiB";
                }
                case "-b", "--bytes" -> {
                    return "bytes";
                }
                case "-h", "--human" -> {
                    return "human";
                }
                default -> {
                }
            }
        }
        return "KiB";
    }
}
