package io.zpadoctor.client.host;

import io.zpadoctor.client.host.internal.ProbeText;
import io.zpadoctor.client.host.internal.Sizes;
import io.zpadoctor.model.host.VarDirectory;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code opt-zscaler-var.txt}: {@code ls -la /opt/zscaler/var} (dates as {@code Jul 14 09:10}, {@code 2024} or
 * {@code --time-style=long-iso}; symbolic links shown with {@code ->}), or a plain {@code ls} of names.
 * {@code No such file or directory} means the directory does not exist; {@code Permission denied} is
 * NOT_APPLICABLE (the listing was not shown).
 */
public final class OptZscalerVarParser extends ProbeParser {
    private static final Pattern ENTRY = Pattern.compile(
            "^([-dlcbps][rwxsStT-]{9}[.+@]?)\\s+\\d+\\s+(\\S+)\\s+(\\S+)\\s+(\\d+)\\s+"
                    + "(?:[A-Z][a-z]{2}\\s+\\d{1,2}\\s+(?:\\d{1,2}:\\d{2}|\\d{4})|\\d{4}-\\d{2}-\\d{2}\\s+\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:\\s+[+-]\\d{4})?|\\d{1,2}\\s+[A-Z][a-z]{2}\\s+(?:\\d{1,2}:\\d{2}|\\d{4}))\\s+(.+)$");
    private static final Pattern MISSING = Pattern.compile("^ls: .*/opt/zscaler/var'?: No such file or directory$");
    private static final Pattern DENIED = Pattern.compile("^ls: .*: Permission denied$");
    private static final Set<String> KNOWN = Set.of("image.bin", "version", "metadata", "instance_id.crypt",
            "provision_key", "config_snapshots", "binary_snapshots", "updater.version");

    @Override
    protected String key() {
        return "ls";
    }

    @Override
    protected Set<String> commandWords() {
        return Set.of("ls");
    }

    @Override
    protected String expected() {
        return "`ls -la /opt/zscaler/var` output";
    }

    @Override
    protected ParseResult read(HostFile file, ProbeText text) {
        List<String> entries = new ArrayList<>();
        Long imageSize = null;
        String dirOwner = null;
        String dirMode = null;
        ProbeText.Line first = null;
        for (ProbeText.Line l : text.nonBlank()) {
            String t = l.trimmed();
            Matcher m;
            if (MISSING.matcher(t).matches()) {
                return ParseResult.parsed(List.of(new VarDirectory(file.host(), file.path(), l.number(), false,
                        List.of(), false, false, false, false, false, false, false, null, null, null)));
            }
            if (DENIED.matcher(t).matches()) {
                return ParseResult.notApplicable(file, l.number(), "ls could not read the directory (run it with sudo): "
                        + ProbeText.quote(t));
            }
            if (t.matches("^total \\d+(?:[.,]\\d+)?[KMG]?$")) {
                first = first == null ? l : first;
                continue;
            }
            if ((m = ENTRY.matcher(t)).matches()) {
                first = first == null ? l : first;
                String name = m.group(5);
                int arrow = name.indexOf(" -> ");
                if (arrow > 0) {
                    name = name.substring(0, arrow);
                }
                if (name.equals(".")) {
                    dirOwner = m.group(2);
                    dirMode = m.group(1);
                } else if (!name.equals("..")) {
                    entries.add(name);
                    if (name.equals("image.bin")) {
                        imageSize = Sizes.wholeNumber(m.group(4));
                    }
                }
                continue;
            }
            if (first == null && plainListing(text)) {
                return plain(file, text);
            }
            return notOurs(file, text, l, "`ls -la` lines (`-rw-r--r--. 1 zscaler zscaler 1234 Jul 14 09:10 image.bin`)");
        }
        if (first == null) {
            return notOurs(file, text, text.first(), "`ls -la /opt/zscaler/var` lines");
        }
        return ParseResult.parsed(List.of(new VarDirectory(file.host(), file.path(), first.number(), true, entries,
                entries.contains("image.bin"), entries.contains("version"), entries.contains("metadata"),
                entries.contains("instance_id.crypt"), entries.contains("provision_key"),
                entries.contains("config_snapshots"), entries.contains("binary_snapshots"), imageSize, dirOwner,
                dirMode)));
    }

    /** Only file names, one of them the connector's: a plain {@code ls} or {@code ls -1}. */
    private static boolean plainListing(ProbeText text) {
        boolean known = false;
        for (ProbeText.Line l : text.nonBlank()) {
            for (String n : l.trimmed().split("\\s+")) {
                if (!n.matches("[\\w.-]+")) {
                    return false;
                }
                known |= KNOWN.contains(n);
            }
        }
        return known;
    }

    private static ParseResult plain(HostFile file, ProbeText text) {
        List<String> entries = new ArrayList<>();
        text.nonBlank().forEach(l -> entries.addAll(List.of(l.trimmed().split("\\s+"))));
        return ParseResult.parsed(List.of(new VarDirectory(file.host(), file.path(), text.first().number(), true, entries,
                entries.contains("image.bin"), entries.contains("version"), entries.contains("metadata"),
                entries.contains("instance_id.crypt"), entries.contains("provision_key"),
                entries.contains("config_snapshots"), entries.contains("binary_snapshots"), null, null, null)));
    }
}
