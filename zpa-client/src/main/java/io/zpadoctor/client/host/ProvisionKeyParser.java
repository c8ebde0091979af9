package io.zpadoctor.client.host;

import io.zpadoctor.client.host.internal.Sizes;
import io.zpadoctor.client.host.internal.CommandGuess;
import io.zpadoctor.client.host.internal.Malformed;
import io.zpadoctor.client.host.internal.Permissions;
import io.zpadoctor.client.host.internal.ProbeText;
import io.zpadoctor.client.host.internal.Secrets;
import io.zpadoctor.model.host.KeyFileShape;
import io.zpadoctor.model.host.QuoteStyle;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code provision-key.txt}: the key file's permissions and the shape of its content, never the key.
 *
 * <p>Accepted lines:
 * <ul>
 * <li>{@code stat -c '%a %U %G %s' /opt/zscaler/var/provision_key}: {@code 644 root root 87};</li>
 * <li>{@code ls -l /opt/zscaler/var/provision_key}: {@code -rw-r--r--. 1 root root 87 Jul 14 09:10 /opt/...};</li>
 * <li>{@code stat}/{@code ls} saying {@code No such file or directory}: the file does not exist;</li>
 * <li>the collector's shape line, defined here:
 * <pre>shape: length=87 prefix=3|api.private.zscaler.com| quotes=none whitespace=none lines=1</pre>
 * {@code length}: characters without line breaks; {@code prefix}: the key's public start {@code <n>|<host>|}
 * once quotes are removed, or {@code none}; {@code quotes}: {@code none}, {@code ascii} (U+0022) or
 * {@code smart} (U+2018/2019/201C/201D); {@code whitespace}: {@code none}, {@code leading}, {@code trailing} or
 * {@code both} (the final newline does not count); {@code lines}: lines of content. Keys may come in any order;
 * unknown keys are ignored. A bash way to write it:
 * <pre>
 * f=/opt/zscaler/var/provision_key
 * stat -c '%a %U %G %s' "$f" 2&gt;&amp;1
 * if [ -r "$f" ]; then
 *   len=$(tr -d '\n' &lt; "$f" | wc -m); lines=$(grep -c '' "$f")
 *   if LC_ALL=C grep -q $'\xe2\x80[\x98\x99\x9c\x9d]' "$f"; then q=smart; elif grep -q '"' "$f"; then q=ascii; else q=none; fi
 *   lead=$(head -c1 "$f" | grep -c '[[:space:]]'); trail=$(tr -d '\n' &lt; "$f" | tail -c1 | grep -c '[[:space:]]')
 *   case "$lead$trail" in 00) w=none;; 10) w=leading;; 01) w=trailing;; *) w=both;; esac
 *   p=$(LC_ALL=C sed -e 's/\xe2\x80[\x98\x99\x9c\x9d]//g' -e 's/"//g' "$f" | grep -oE '^[[:space:]]*[0-9]+\|[^|[:space:]]+\|' | head -1 | tr -d '[:space:]')
 *   echo "shape: length=$len prefix=${p:-none} quotes=$q whitespace=$w lines=$lines"
 * fi
 * </pre></li>
 * <li>a pasted key ({@code cat} of the file): its shape is measured and the key itself discarded.</li>
 * </ul>
 * Readability by user {@code zscaler} is derived from mode, owner and group.
 */
public final class ProvisionKeyParser extends ProbeParser {
    private static final Pattern STAT = Pattern.compile("^([0-7]{3,4}) (\\S+) (\\S+) (\\d+)$");
    private static final Pattern LS = Pattern.compile("^([-l][rwxsStT-]{9})[.+@]?\\s+\\d+\\s+(\\S+)\\s+(\\S+)\\s+(\\d+)\\s+.*provision_key.*$");
    private static final Pattern MISSING = Pattern.compile("^(?:stat|ls|cat): .*provision_key'?: No such file or directory$");
    private static final Pattern SHAPE = Pattern.compile("^shape:\\s*(.*)$");
    private static final Pattern KEY_LINE = Pattern.compile("^\\s*[\"\u201C\u201D\u2018\u2019\u201E]?\\d{1,3}\\|[A-Za-z0-9.-]+\\|\\S{6,}.*$");
    private static final Pattern PREFIX = Pattern.compile("\\d+\\|[^|\\s]+\\|");
    private static final String SMART = "\u201C\u201D\u2018\u2019\u201E";

    @Override
    protected String key() {
        return "stat";
    }

    @Override
    protected Set<String> commandWords() {
        return Set.of("stat", "ls", "cat", "echo", "wc", "head");
    }

    @Override
    protected String expected() {
        return "`stat -c '%a %U %G %s'` of the provisioning key file and its shape line";
    }

    @Override
    protected ParseResult read(HostFile file, ProbeText text) {
        boolean exists = true;
        String mode = null;
        String owner = null;
        String group = null;
        Long size = null;
        ProbeText.Line first = null;
        Shape shape = null;
        for (ProbeText.Line l : text.lines()) {
            String t = l.trimmed();
            if (t.isEmpty()) {
                continue;
            }
            Matcher m;
            if (MISSING.matcher(t).matches()) {
                exists = false;
                first = first == null ? l : first;
            } else if (mode == null && (m = STAT.matcher(t)).matches()) {
                mode = m.group(1);
                owner = m.group(2);
                group = m.group(3);
                size = Sizes.wholeNumber(m.group(4));
                first = first == null ? l : first;
            } else if (mode == null && (m = LS.matcher(t)).matches()) {
                mode = Permissions.octal(m.group(1));
                owner = m.group(2);
                group = m.group(3);
                size = Sizes.wholeNumber(m.group(4));
                first = first == null ? l : first;
            } else if ((m = SHAPE.matcher(t)).matches()) {
                shape = shapeLine(m.group(1), l);
                first = first == null ? l : first;
            } else if (shape == null && KEY_LINE.matcher(l.text()).matches()) {
                shape = measured(l.text()); // the key itself was pasted: keep its shape, drop its text
                first = first == null ? l : first;
            } else if (first == null) {
                return unknown(file, text, l);
            } else {
                throw new Malformed(l, UNREADABLE);
            }
        }
        if (first == null) {
            return unknown(file, text, text.first());
        }
        Boolean readable = Permissions.readableBy("zscaler", mode, owner, group);
        Boolean empty = size != null ? Boolean.valueOf(size == 0) : shape != null && shape.length != null ? shape.length == 0 : null;
        if (!exists) {
            readable = null;
        }
        return ParseResult.parsed(List.of(new KeyFileShape(file.host(), file.path(), first.number(), exists, mode, owner,
                group, size, readable, shape == null ? null : shape.length, empty, shape == null ? null : shape.prefix,
                shape == null ? null : shape.hasPrefix, shape == null ? QuoteStyle.UNKNOWN : shape.quotes,
                shape == null ? null : shape.leading, shape == null ? null : shape.trailing,
                shape == null ? null : shape.lines, shape == null ? null : shape.source)));
    }

    /** Unreadable lines of this file are never quoted: they may be key material. */
    private static final String UNREADABLE = "expected a `stat -c '%a %U %G %s'` line (`644 root root 87`), an `ls -l` line"
            + " or a `shape:` line; the line is not repeated here because it may hold key material";

    private ParseResult unknown(HostFile file, ProbeText text, ProbeText.Line l) {
        String guess = CommandGuess.guess(text, key());
        if (guess != null) {
            return ParseResult.notApplicable(file, text.first().number(), "looks like the output of " + guess + ", not " + expected());
        }
        return ParseResult.malformed(file, l.number(), UNREADABLE);
    }

    /** What the content looks like. */
    private static final class Shape {
        Integer length;
        String prefix;
        Boolean hasPrefix;
        QuoteStyle quotes = QuoteStyle.UNKNOWN;
        Boolean leading;
        Boolean trailing;
        Integer lines;
        String source;
    }

    private static Shape shapeLine(String body, ProbeText.Line l) {
        Map<String, String> kv = new LinkedHashMap<>();
        for (String token : body.strip().split("\\s+")) {
            int eq = token.indexOf('=');
            if (eq > 0) {
                kv.put(token.substring(0, eq), token.substring(eq + 1));
            }
        }
        Shape s = new Shape();
        s.source = "collector";
        if (kv.containsKey("length")) {
            s.length = count(kv.get("length"), "length", l);
        }
        if (kv.containsKey("lines")) {
            s.lines = count(kv.get("lines"), "lines", l);
        }
        if (kv.containsKey("prefix")) {
            String p = kv.get("prefix");
            if (p.equals("none")) {
                s.hasPrefix = false;
            } else if (PREFIX.matcher(p).matches()) {
                s.hasPrefix = true;
                s.prefix = p;
            } else {
                throw new Malformed(l, "prefix must be `<n>|<host>|` or `none`, found something else");
            }
        }
        if (kv.containsKey("quotes")) {
            s.quotes = switch (kv.get("quotes")) {
                case "none" -> QuoteStyle.NONE;
                case "ascii" -> QuoteStyle.ASCII;
                case "smart" -> QuoteStyle.SMART;
                default -> throw new Malformed(l, "quotes must be none, ascii or smart, found \"" + ProbeText.quote(kv.get("quotes")) + "\"");
            };
        }
        if (kv.containsKey("whitespace")) {
            switch (kv.get("whitespace")) {
                case "none" -> {
                    s.leading = false;
                    s.trailing = false;
                }
                case "leading" -> {
                    s.leading = true;
                    s.trailing = false;
                }
                case "trailing" -> {
                    s.leading = false;
                    s.trailing = true;
                }
                case "both" -> {
                    s.leading = true;
                    s.trailing = true;
                }
                default -> throw new Malformed(l, "whitespace must be none, leading, trailing or both, found \""
                        + ProbeText.quote(kv.get("whitespace")) + "\"");
            }
        }
        if (kv.isEmpty()) {
            throw new Malformed(l, "a `shape:` line without `key=value` pairs");
        }
        return s;
    }

    private static Integer count(String v, String what, ProbeText.Line l) {
        if (!v.matches("\\d{1,6}")) {
            throw new Malformed(l, what + " must be a whole number, found \"" + ProbeText.quote(v) + "\"");
        }
        return Integer.valueOf(v);
    }

    /** The shape of a pasted key; the text itself goes no further than this method. */
    private static Shape measured(String raw) {
        Shape s = new Shape();
        s.source = "pasted key";
        s.length = raw.length();
        s.lines = 1;
        s.leading = !raw.isEmpty() && Character.isWhitespace(raw.charAt(0));
        s.trailing = null; // trailing whitespace does not survive a paste: unknown, not "none"
        boolean smart = raw.chars().anyMatch(c -> SMART.indexOf(c) >= 0);
        s.quotes = smart ? QuoteStyle.SMART : raw.indexOf('"') >= 0 ? QuoteStyle.ASCII : QuoteStyle.NONE;
        String unquoted = raw.strip().replaceAll("[\"\u201C\u201D\u2018\u2019\u201E]", "");
        s.prefix = Secrets.keyPrefix(unquoted);
        s.hasPrefix = s.prefix != null;
        return s;
    }
}
