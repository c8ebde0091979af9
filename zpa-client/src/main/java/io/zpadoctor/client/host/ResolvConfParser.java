package io.zpadoctor.client.host;

import io.zpadoctor.client.host.internal.ProbeText;
import io.zpadoctor.model.host.ResolverConfig;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code resolv-conf.txt}: {@code ls -l /etc/resolv.conf; cat /etc/resolv.conf}. The {@code ls} line gives mode,
 * owner and group (a symbolic link's target too, whose own permissions are then unknown); the content gives
 * {@code nameserver}, {@code search}/{@code domain} and {@code options}. Either part may be missing.
 * {@code No such file or directory} from {@code ls} or {@code cat} means the file does not exist. Lines the
 * resolver would ignore are ignored here too.
 */
public final class ResolvConfParser extends ProbeParser {
    private static final Pattern LS = Pattern.compile(
            "^([-l][rwxsStT-]{9}[.+@]?)\\s+\\d+\\s+(\\S+)\\s+(\\S+)\\s+\\d+\\s+.*?(\\S*resolv\\.conf)(?:\\s+->\\s+(\\S+))?$");
    private static final Pattern MISSING = Pattern.compile("^(?:ls|cat|stat): .*resolv\\.conf'?: No such file or directory$");
    private static final Pattern CAT_ERROR = Pattern.compile("^cat: .*resolv\\.conf'?: (.+)$");
    private static final Pattern DIRECTIVE = Pattern.compile("^(nameserver|search|domain|options|sortlist)\\s+(.+)$");

    @Override
    protected String key() {
        return "resolv";
    }

    @Override
    protected Set<String> commandWords() {
        return Set.of("ls", "cat", "stat");
    }

    @Override
    protected String expected() {
        return "`ls -l /etc/resolv.conf; cat /etc/resolv.conf` output";
    }

    @Override
    protected ParseResult read(HostFile file, ProbeText text) {
        String mode = null;
        String owner = null;
        String group = null;
        String target = null;
        boolean exists = true;
        boolean content = false;
        String catError = null;
        Integer first = null;
        List<String> nameservers = new ArrayList<>();
        List<String> search = new ArrayList<>();
        List<String> options = new ArrayList<>();
        for (ProbeText.Line l : text.nonBlank()) {
            String t = l.trimmed();
            Matcher m;
            if (MISSING.matcher(t).matches()) {
                exists = false;
                first = first == null ? l.number() : first;
            } else if ((m = CAT_ERROR.matcher(t)).matches()) {
                catError = m.group(1);
                first = first == null ? l.number() : first;
            } else if (mode == null && (m = LS.matcher(t)).matches()) {
                mode = m.group(1);
                owner = m.group(2);
                group = m.group(3);
                target = m.group(5);
                first = first == null ? l.number() : first;
            } else if (t.startsWith("#") || t.startsWith(";")) {
                content = true; // a comment is content: the file was shown
            } else if ((m = DIRECTIVE.matcher(t)).matches()) {
                content = true;
                first = first == null ? l.number() : first;
                List<String> values = Arrays.asList(m.group(2).strip().split("\\s+"));
                switch (m.group(1)) {
                    case "nameserver" -> nameservers.add(values.get(0));
                    case "search", "domain" -> search.addAll(values);
                    case "options" -> options.addAll(values);
                    default -> {
                    }
                }
            }
            // anything else is ignored, as the resolver ignores it
        }
        if (first == null) {
            // only comments, or text the resolver would ignore: nothing says this is resolv.conf
            return notOurs(file, text, text.first(), "an `ls -l /etc/resolv.conf` line or `nameserver` lines");
        }
        Boolean worldReadable = mode == null || mode.startsWith("l") ? null : mode.charAt(7) == 'r';
        return ParseResult.parsed(List.of(new ResolverConfig(file.host(), file.path(), first, exists, mode, owner,
                group, worldReadable, target, content, nameservers, search, options, catError)));
    }
}
