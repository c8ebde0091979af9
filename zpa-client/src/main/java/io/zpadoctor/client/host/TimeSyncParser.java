package io.zpadoctor.client.host;

import io.zpadoctor.client.host.internal.Malformed;
import io.zpadoctor.client.host.internal.ProbeText;
import io.zpadoctor.client.host.internal.Sizes;
import io.zpadoctor.model.host.ClockSync;
import io.zpadoctor.model.host.ClockTool;
import io.zpadoctor.model.host.HostFact;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code time-sync.txt}: {@code chronyc tracking} ({@code System time : 0.000012 seconds slow of NTP time},
 * {@code Leap status : Normal | Not synchronised}; {@code 506 Cannot talk to daemon} when chronyd is down)
 * and/or {@code timedatectl} (systemd 239+: {@code System clock synchronized: yes}, {@code NTP service: active};
 * older: {@code NTP synchronized: yes}, {@code NTP enabled: yes}, {@code Network time on: yes},
 * {@code systemd-timesyncd.service active: yes}). One {@link ClockSync} per command found.
 */
public final class TimeSyncParser extends ProbeParser {
    private static final Pattern FIELD = Pattern.compile("^\\s*([A-Za-z][A-Za-z ()/]*?)\\s*:\\s(.*)$");
    private static final Pattern SYSTEM_TIME = Pattern.compile("^([\\d.]+) seconds (slow|fast) of NTP time$");
    private static final Pattern SECONDS = Pattern.compile("^([+-]?[\\d.]+) seconds$");
    private static final Pattern CHRONY_ERROR = Pattern.compile("^(50\\d .+)$");

    @Override
    protected String key() {
        return "chronyc";
    }

    @Override
    protected Set<String> commandWords() {
        return Set.of("chronyc", "timedatectl");
    }

    @Override
    protected String expected() {
        return "`chronyc tracking` or `timedatectl` output";
    }

    @Override
    protected ParseResult read(HostFile file, ProbeText text) {
        Map<String, String> f = new LinkedHashMap<>();
        Map<String, ProbeText.Line> at = new LinkedHashMap<>();
        ProbeText.Line chronyError = null;
        for (ProbeText.Line l : text.nonBlank()) {
            Matcher m = FIELD.matcher(l.text());
            if (CHRONY_ERROR.matcher(l.trimmed()).matches()) {
                chronyError = l;
            } else if (m.matches()) {
                String k = m.group(1).strip();
                f.putIfAbsent(k, m.group(2).strip());
                at.putIfAbsent(k, l);
            }
        }
        List<HostFact> facts = new ArrayList<>();
        if (f.containsKey("System time") || f.containsKey("Leap status") || f.containsKey("Reference ID")) {
            facts.add(chrony(file, f, at));
        } else if (chronyError != null) {
            facts.add(new ClockSync(file.host(), file.path(), chronyError.number(), ClockTool.CHRONY, null, null, null,
                    null, null, null, null, null, chronyError.trimmed()));
        }
        if (f.containsKey("System clock synchronized") || f.containsKey("NTP synchronized") || f.containsKey("Local time")) {
            facts.add(timedatectl(file, f, at));
        }
        if (facts.isEmpty()) {
            return notOurs(file, text, text.first(), "`chronyc tracking` lines (`System time : ...`) or `timedatectl` lines");
        }
        return ParseResult.parsed(facts);
    }

    private static ClockSync chrony(HostFile file, Map<String, String> f, Map<String, ProbeText.Line> at) {
        Double offset = null;
        String sys = f.get("System time");
        if (sys != null) {
            Matcher m = SYSTEM_TIME.matcher(sys);
            Double v = m.matches() ? Sizes.decimal(m.group(1)) : null;
            if (v == null) {
                throw new Malformed(at.get("System time"), "expected `<n> seconds slow|fast of NTP time`, found \""
                        + ProbeText.quote(sys) + "\"");
            }
            offset = m.group(2).equals("slow") ? -v : v; // slow: the host clock is behind
        }
        Double last = null;
        String lastText = f.get("Last offset");
        if (lastText != null) {
            Matcher m = SECONDS.matcher(lastText);
            last = m.matches() ? Sizes.decimal(m.group(1)) : null;
            if (last == null) {
                throw new Malformed(at.get("Last offset"), "expected `<n> seconds`, found \"" + ProbeText.quote(lastText) + "\"");
            }
        }
        String leap = f.get("Leap status");
        Boolean synced = leap == null ? null : !leap.toLowerCase(Locale.ROOT).startsWith("not synchroni");
        Integer stratum = null;
        String st = f.get("Stratum");
        if (st != null) {
            if (!st.matches("\\d{1,2}")) {
                throw new Malformed(at.get("Stratum"), "the stratum is not a number: \"" + ProbeText.quote(st) + "\"");
            }
            stratum = Integer.valueOf(st);
        }
        ProbeText.Line line = at.getOrDefault("System time", at.getOrDefault("Leap status", at.get("Reference ID")));
        return new ClockSync(file.host(), file.path(), line.number(), ClockTool.CHRONY, synced, offset, last, leap,
                f.get("Reference ID"), stratum, null, null, null);
    }

    private static ClockSync timedatectl(HostFile file, Map<String, String> f, Map<String, ProbeText.Line> at) {
        String syncKey = f.containsKey("System clock synchronized") ? "System clock synchronized" : "NTP synchronized";
        Boolean synced = yesNo(f.get(syncKey), at.get(syncKey));
        String service = null;
        for (String k : List.of("NTP service", "NTP enabled", "Network time on", "systemd-timesyncd.service active")) {
            service = service == null ? f.get(k) : service;
        }
        Boolean active = null;
        if (service != null) {
            String s = service.toLowerCase(Locale.ROOT);
            active = s.equals("active") || s.equals("yes") ? Boolean.TRUE
                    : s.equals("inactive") || s.equals("no") ? Boolean.FALSE : null; // "n/a": no NTP service known
        }
        ProbeText.Line line = at.getOrDefault(syncKey, at.get("Local time"));
        return new ClockSync(file.host(), file.path(), line.number(), ClockTool.TIMEDATECTL, synced, null, null, null,
                null, null, active, f.get("Time zone"), null);
    }

    private static Boolean yesNo(String value, ProbeText.Line line) {
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "yes" -> true;
            case "no" -> false;
            default -> throw new Malformed(line, "expected yes or no, found \"" + ProbeText.quote(value) + "\"");
        };
    }
}
