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
        for (ProbeText.Line l : text.nonBlank()) {
            Matcher m = FIELD.matcher(l.text());
            if (m.matches()) {
                lastKey = m.group(2).strip();
                valueColumn = m.group(1).length() + m.group(2).length() + 1 + m.group(3).length();
                values.putIfAbsent(lastKey, m.group(4).strip());
                lines.putIfAbsent(lastKey, l);
            } else if ("Flags".equals(lastKey)) {
                // lscpu wraps the flags at the terminal width, even inside a word; a word break shows as an extra space
                String cont = l.text().length() > valueColumn && valueColumn > 0 && l.text().substring(0, valueColumn).isBlank()
                        ? l.text().substring(valueColumn) : " " + l.trimmed();
                values.put("Flags", values.get("Flags") + cont.stripTrailing());
            } else if (values.isEmpty()) {
                return notOurs(file, text, l, "`lscpu` lines such as `CPU(s): 4`");
            } else {
                throw new Malformed(l, "expected `<field>: <value>`, found \"" + ProbeText.quote(l.text()) + "\"");
            }
        }
        if (!values.containsKey("CPU(s)") && !values.containsKey("Architecture")) {
            return notOurs(file, text, text.first(), "`lscpu` lines such as `Architecture: x86_64` and `CPU(s): 4`");
        }
        Boolean aes = values.containsKey("Flags")
                ? Arrays.asList(values.get("Flags").split("\\s+")).contains("aes") : null;
        ProbeText.Line at = lines.getOrDefault("CPU(s)", lines.get("Architecture"));
        return ParseResult.parsed(List.of(new CpuInfo(file.host(), file.path(), at.number(),
                count(values, lines, "CPU(s)"), count(values, lines, "Thread(s) per core"),
                count(values, lines, "Core(s) per socket"), count(values, lines, "Socket(s)"), aes,
                values.get("Hypervisor vendor"), values.get("Model name"), values.get("Architecture"))));
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
        for (ProbeText.Line l : text.nonBlank()) {
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
        return ParseResult.parsed(List.of(new CpuInfo(file.host(), file.path(), first.number(), processors, threads,
                cores, null, aes, null, model, null)));
    }
}
