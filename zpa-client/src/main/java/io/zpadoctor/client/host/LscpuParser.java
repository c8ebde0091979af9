package io.zpadoctor.client.host;

import io.zpadoctor.client.host.internal.Malformed;
import io.zpadoctor.client.host.internal.ProbeText;
import io.zpadoctor.model.host.CpuInfo;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code lscpu.txt}: {@code lscpu} in the flat layout (RHEL 8, older Ubuntu) and the sectioned, indented one of
 * util-linux 2.37+ (RHEL 9) whose {@code Flags} value wraps onto continuation lines, sometimes mid-word; also
 * {@code /proc/cpuinfo} (processors counted, flags of the first). A count that is not a number makes the file
 * MALFORMED; a missing {@code Flags} line leaves {@code aesNi} null.
 */
public final class LscpuParser extends ProbeParser {
    private static final Pattern FIELD = Pattern.compile("^(\\s*)([A-Za-z][^:]*?):(\\s*)(.*)$");

    @Override
    protected String key() {
        return "lscpu";
    }

    @Override
    protected Set<String> commandWords() {
        return Set.of("lscpu", "cat", "grep");
    }

    @Override
    protected String expected() {
        return "`lscpu` output";
    }

    @Override
    protected ParseResult read(HostFile file, ProbeText text) {
        if (text.nonBlank().stream().anyMatch(l -> l.text().matches("^processor\\s*:\\s*\\d+.*"))) {
            return cpuinfo(file, text);
        }
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, ProbeText.Line> lines = new LinkedHashMap<>();
        String lastKey = null;
        int valueColumn = -1;
        boolean flagsWrapped = false;
        boolean flagsEnded = false;
        boolean indented = false;
        ParseResult.Incomplete cut = null;
        for (ProbeText.Line l : text.lines()) {
            if (l.blank()) {
                flagsEnded |= values.containsKey("Flags") && text.terminated(l);
                continue;
            }
            boolean mayBeCut = text.mayBeCut(l);
            Matcher m = FIELD.matcher(l.text());
            if (m.matches()) {
                flagsEnded |= values.containsKey("Flags");
                indented |= !m.group(1).isEmpty();
                lastKey = m.group(2).strip();
                valueColumn = m.group(1).length() + m.group(2).length() + 1 + m.group(3).length();
                if (mayBeCut && !"Flags".equals(lastKey)) {
                    // a value on a line cut in the middle (CPU(s): 1 of 16) is not read
                    cut = new ParseResult.Incomplete(l.number(), "the last line is cut: \"" + ProbeText.quote(l.text()) + "\"");
                    continue;
                }
                values.putIfAbsent(lastKey, m.group(4).strip());
                lines.putIfAbsent(lastKey, l);
            } else if ("Flags".equals(lastKey)) {
                // lscpu wraps the flags at the terminal width, even inside a word; a word break shows as an extra space
                String cont = l.text().length() > valueColumn && valueColumn > 0 && l.text().substring(0, valueColumn).isBlank()
                        ? l.text().substring(valueColumn) : " " + l.trimmed();
                values.put("Flags", values.get("Flags") + cont.stripTrailing());
                flagsWrapped = true;
            } else if (values.isEmpty()) {
                return notOurs(file, text, l, "`lscpu` lines such as `CPU(s): 4`");
            } else {
                throw new Malformed(l, "expected `<field>: <value>`, found \"" + ProbeText.quote(l.text()) + "\"");
            }
            if ((mayBeCut || l.text().endsWith("\u2026")) && "Flags".equals(lastKey)) {
                // cut by the paste, or ellipsized by a pager: the flags after the cut are unknown
                cut = new ParseResult.Incomplete(l.number(), "the flags are cut: \"" + ProbeText.quote(l.text()) + "\"");
            }
        }
        if (!values.containsKey("CPU(s)") && !values.containsKey("Architecture")) {
            if (cut != null) {
                return ParseResult.malformed(file, cut.line(), cut.detail());
            }
            return notOurs(file, text, text.first(), "`lscpu` lines such as `Architecture: x86_64` and `CPU(s): 4`");
        }
        Boolean aes = null;
        if (values.containsKey("Flags")) {
            boolean hasAes = Arrays.asList(values.get("Flags").split("\\s+")).contains("aes");
            // no aes is known only from the whole flag list. util-linux 2.37+ (indented fields, RHEL 9) wraps the
            // flags and lists more after them, so flags that end the file were cut; older lscpu ends with one line
            boolean whole = cut == null && (flagsEnded || !flagsWrapped && !indented);
            aes = hasAes ? Boolean.TRUE : whole ? Boolean.FALSE : null;
            if (!hasAes && !whole && cut == null) {
                ProbeText.Line at = text.nonBlank().get(text.nonBlank().size() - 1);
                cut = new ParseResult.Incomplete(at.number(), "the wrapped flag list may go on past the end of the"
                        + " file, so whether the CPU has aes is unknown");
            }
        }
        ProbeText.Line at = lines.getOrDefault("CPU(s)", lines.get("Architecture"));
        return ParseResult.parsedUnless(List.of(new CpuInfo(file.host(), file.path(), at.number(),
                count(values, lines, "CPU(s)"), count(values, lines, "Thread(s) per core"),
                count(values, lines, "Core(s) per socket"), count(values, lines, "Socket(s)"), aes,
                values.get("Hypervisor vendor"), values.get("Model name"), values.get("Architecture"))), file, cut);
    }

    private static Integer count(Map<String, String> values, Map<String, ProbeText.Line> lines, String key) {
        String v = values.get(key);
        if (v == null) {
            return null;
        }
        if (!v.matches("\\d{1,6}")) {
            throw new Malformed(lines.get(key), "`" + key + "` is not a count: \"" + ProbeText.quote(v) + "\"");
        }
        return Integer.parseInt(v);
    }

    private ParseResult cpuinfo(HostFile file, ProbeText text) {
        int processors = 0;
        String flags = null;
        String model = null;
        Integer siblings = null;
        Integer cores = null;
        ProbeText.Line first = null;
        ParseResult.Incomplete cut = null;
        for (ProbeText.Line l : text.nonBlank()) {
            if (text.mayBeCut(l)) {
                cut = cutAt(l); // "processor : 1" may be the start of "processor : 12"
                break;
            }
            String[] kv = l.text().split(":", 2);
            if (kv.length < 2) {
                continue;
            }
            String k = kv[0].strip();
            String v = kv[1].strip();
            switch (k) {
                case "processor" -> {
                    processors++;
                    if (first == null) {
                        first = l;
                    }
                }
                case "flags" -> flags = flags == null ? v : flags;
                case "model name" -> model = model == null ? v : model;
                case "siblings" -> siblings = siblings == null && v.matches("\\d+") ? Integer.valueOf(v) : siblings;
                case "cpu cores" -> cores = cores == null && v.matches("\\d+") ? Integer.valueOf(v) : cores;
                default -> {
                }
            }
        }
        Integer threads = siblings != null && cores != null && cores > 0 && siblings % cores == 0 ? siblings / cores : null;
        Boolean aes = flags == null ? null : Arrays.asList(flags.split("\\s+")).contains("aes");
        if (first == null) {
            throw new Malformed(text.first(), cut != null ? cut.detail() : "no `processor` line");
        }
        return ParseResult.parsedUnless(List.of(new CpuInfo(file.host(), file.path(), first.number(),
                cut == null ? processors : null, threads, cores, null, cut == null ? aes : (Boolean.TRUE.equals(aes) ? aes : null),
                null, model, null)), file, cut);
    }
}
