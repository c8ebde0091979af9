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
 * resolver would ignore are ignored here too. "No nameserver" is concluded only from the whole content: as many
 * bytes as the size {@code ls -l} gives. Content without a size, or shorter than it, may be cut, so a nameserver it
 * does not show is unknown (PARTIAL).
 */
public final class ResolvConfParser extends ProbeParser {
    private static final Pattern LS = Pattern.compile(
            "^([-l][rwxsStT-]{9}[.+@]?)\\s+\\d+\\s+(\\S+)\\s+(\\S+)\\s+(\\d+)\\s+.*?(\\S*resolv\\.conf)(?:\\s+->\\s+(\\S+))?$");
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
        Long size = null;
        long shown = 0;
        boolean afterLs = false;
        ProbeText.Line last = null;
        List<String> nameservers = new ArrayList<>();
        List<String> search = new ArrayList<>();
        List<String> options = new ArrayList<>();
        for (ProbeText.Line l : text.lines()) {
            if (afterLs) {
                shown += l.text().getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 1L;
            }
            if (l.blank()) {
                continue;
            }
            last = l;
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
                target = m.group(6);
                size = target == null ? io.zpadoctor.client.host.internal.Sizes.wholeNumber(m.group(4)) : null;
                afterLs = true;
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
        // the final line break may be missing from a paste; anything shorter than that may be cut
        boolean whole = content && size != null && shown + 1 >= size;
        ParseResult.Incomplete cut = null;
        if (content && !whole && nameservers.isEmpty() && catError == null) {
            cut = new ParseResult.Incomplete(last.number(), size == null
                    ? "no nameserver line is shown, and without the `ls -l` line the file's size is unknown, so the"
                    + " content may be cut"
                    : "the content shown (" + shown + " bytes) is shorter than the file (" + size + " bytes): it is cut");
        }
        return ParseResult.parsedUnless(List.of(new ResolverConfig(file.host(), file.path(), first, exists, mode, owner,
                group, worldReadable, target, whole, nameservers, search, options, catError)), file, cut);
    }
}
