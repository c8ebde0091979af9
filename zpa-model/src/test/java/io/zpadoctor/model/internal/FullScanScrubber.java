package io.zpadoctor.model.internal;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scrubber as it was before it looked only near trigger words (one regex scan of the whole text per rule, most
 * of a second on a megabyte report), kept as the oracle the faster one must agree with. The patterns are copied on
 * purpose: sharing them would hide a pattern changed in one place only.
 */
final class FullScanScrubber {
    private record Rule(Pattern pattern, Replacer replacer) {
    }

    private interface Replacer {
        String replace(Matcher m, String mark);
    }

    /** {@code \|} in Markdown tables, spaces a paste added: the separators of a key string. */
    private static final String BAR = "\\s{0,3}\\\\?\\|\\s{0,3}";
    private static final Pattern KEY = Pattern.compile(
            "(?<![A-Za-z0-9])(\\d{1,4})" + BAR + "([A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63}){1,8})" + BAR
                    + "([A-Za-z0-9+/=_.~%-]{8,})");
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer|basic)(\\s+)([A-Za-z0-9._~+/=-]{8,})");
    private static final Pattern JWT = Pattern.compile("\\beyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*");
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN [A-Z ]*PRIVATE KEY-----.*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)", Pattern.DOTALL);
    private static final Pattern URL_USER = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]{1,15}://[^/\\s:@\"']{1,128}:)([^@/\\s\"']{1,256})@");
    private static final String NAME = "(?i)(?<![A-Za-z0-9/.])((?:x[_-]?)?(?:api[_-]?key|apikey|client[_-]?secret|secret[_-]?key|"
            + "secret|password|passwd|passphrase|pwd|(?:access|refresh|id|auth|bearer)?[_-]?token|authorization"
            + "|private[_-]?key|credentials?))(?![A-Za-z0-9_])";
    /** A name, then {@code =} or a quoted name and a colon (JSON, YAML; escaped quotes allowed), then any value. */
    private static final Pattern ASSIGNED = Pattern.compile(NAME
            + "((?:\\\\?[\"'])?\\s{0,3}=\\s{0,3}(?:\\\\?[\"'])?|\\\\?[\"']\\s{0,3}:\\s{0,3}(?:\\\\?[\"'])?)"
            + "([^\\s\"'\\\\,;&}<>)\\]]{4,})");
    /** A name, a bare colon, then a value: any value after a name that only a secret has, a secret-like one else. */
    private static final Pattern COLON = Pattern.compile(NAME + "(\\s{0,3}:\\s{0,3})([^\\s\"'\\\\,;&}<>)\\]]{4,})");
    private static final Pattern ONLY_SECRETS = Pattern.compile("(?i)(?:x[_-]?)?(?:password|passwd|pwd|passphrase|"
            + "client[_-]?secret|api[_-]?key|apikey|secret[_-]?key|private[_-]?key)");
    /** A name, a space, and a value that looks like a secret ({@code password Hunter2!}, {@code clientSecret AbCd...}). */
    private static final Pattern SPACED = Pattern.compile(NAME + "(\\s{1,3})([^\\s\"'\\\\,;&}<>)\\]]{6,})");

    private static final List<Rule> RULES = List.of(
            new Rule(PEM, (m, mark) -> mark),
            new Rule(KEY, (m, mark) -> m.group(3).equals(mark) ? m.group() : m.group(1) + "|" + m.group(2) + "|" + mark),
            new Rule(JWT, (m, mark) -> mark),
            new Rule(BEARER, (m, mark) -> m.group(1) + m.group(2) + mark),
            new Rule(URL_USER, (m, mark) -> m.group(1) + mark + "@"),
            new Rule(ASSIGNED, (m, mark) -> isMark(m.group(3), mark) ? m.group() : m.group(1) + m.group(2) + mark),
            new Rule(COLON, (m, mark) -> !isMark(m.group(3), mark) && (ONLY_SECRETS.matcher(m.group(1)).matches()
                    || looksSecret(m.group(3))) ? m.group(1) + m.group(2) + mark : m.group()),
            new Rule(SPACED, (m, mark) -> looksSecret(m.group(3)) && !isMark(m.group(3), mark)
                    ? m.group(1) + m.group(2) + mark : m.group()));

    private FullScanScrubber() {
    }

    /** The text with every secret replaced by {@code mark}; null stays null. */
    public static String scrub(String text, String mark) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (Rule r : RULES) {
            Matcher m = r.pattern().matcher(out);
            StringBuilder sb = null;
            int done = 0;
            int from = 0;
            while (from <= out.length() && m.find(from)) {
                String replacement = r.replacer().replace(m, mark);
                if (replacement.equals(m.group())) {
                    from = m.start() + 1;   // a match left as it is consumes nothing: a later one may start inside it
                    continue;
                }
                if (sb == null) {
                    sb = new StringBuilder(out.length());
                }
                sb.append(out, done, m.start()).append(replacement);
                done = m.end();
                from = m.end() > m.start() ? m.end() : m.end() + 1;
            }
            if (sb != null) {
                out = sb.append(out, done, out.length()).toString();
            }
        }
        return out;
    }

    /**
     * Whether a word after "password " is a secret rather than prose: letters with digits, letters with symbols, or
     * capitals inside a word ({@code hunter2}, {@code pa$$word!}, {@code AbCdEfGh}); plain words are prose.
     */
    static boolean looksSecret(String v) {
        boolean letter = false;
        boolean lower = false;
        boolean innerUpper = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            letter |= Character.isLetter(c);
            lower |= Character.isLowerCase(c);
            innerUpper |= i > 0 && Character.isUpperCase(c);
            digit |= Character.isDigit(c);
            other |= !Character.isLetterOrDigit(c) && c != '-' && c != '.';
        }
        return v.length() >= 6 && letter && (digit || other || innerUpper && lower);
    }

    private static boolean isMark(String value, String mark) {
        return value.equals(mark) || value.startsWith(mark) || value.equals("REDACTED") || value.equals("<redacted>")
                || value.startsWith("<") || value.startsWith("$") || value.startsWith("{{") || value.startsWith("%");
    }
}
