package io.zpadoctor.model.internal;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one pass that takes secrets out of text on its way out: reports in every format, messages on standard error,
 * snapshots, and whatever else ZPA Doctor writes. It works on the final text, so it sees a secret however it got
 * there (a pasted journal line, a field of the API, an error message) and in whatever escaping the format added
 * (JSON's {@code \"}, a Markdown table's {@code \|}).
 *
 * <ul>
 * <li>provisioning keys {@code <n>|<host>|<secret>}, also with spaces around the separators: the public
 *     {@code <n>|<host>|} stays;</li>
 * <li>bearer and basic credentials, JWTs, PEM private keys;</li>
 * <li>a password in a URL's user part ({@code https://admin:pw@host});</li>
 * <li>values named like secrets: {@code password}, {@code secret}, {@code client_secret}, {@code api-key},
 *     {@code x-api-key}, {@code token}, {@code authorization}... after {@code =}, {@code :} or, for a value that
 *     looks like a secret (letters and digits, or mixed case), a space.</li>
 * </ul>
 */
public final class SecretScrubber {
    /**
     * A pattern, its replacement, and the words every match contains (lower case, as {@code (?i)} folds ASCII) with
     * how far before such a word a match can start: the pattern is tried only around those words, since trying it at
     * every position of a megabyte report cost most of a second.
     */
    private record Rule(Pattern pattern, Replacer replacer, List<String> triggers, int lookback, boolean named) {
        Rule(Pattern pattern, Replacer replacer, List<String> triggers, int lookback) {
            this(pattern, replacer, triggers, lookback, false);
        }
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

    /** The words of {@link #NAME}: every name it matches contains one; the longest prefix is {@code x_private_}. */
    private static final List<String> NAME_WORDS = List.of("key", "secret", "pass", "pwd", "token", "authorization",
            "credential");
    private static final int NAME_LOOKBACK = 12;

    private static final List<Rule> RULES = List.of(
            new Rule(PEM, (m, mark) -> mark, List.of("-----begin "), 0),
            new Rule(KEY, (m, mark) -> m.group(3).equals(mark) ? m.group() : m.group(1) + "|" + m.group(2) + "|" + mark,
                    List.of("|"), 8),
            new Rule(JWT, (m, mark) -> mark, List.of("eyj"), 0),
            new Rule(BEARER, (m, mark) -> m.group(1) + m.group(2) + mark, List.of("bearer", "basic"), 0),
            new Rule(URL_USER, (m, mark) -> m.group(1) + mark + "@", List.of("://"), 16),
            new Rule(ASSIGNED, (m, mark) -> isMark(m.group(3), mark) ? m.group() : m.group(1) + m.group(2) + mark,
                    NAME_WORDS, NAME_LOOKBACK, true),
            new Rule(COLON, (m, mark) -> !isMark(m.group(3), mark) && (ONLY_SECRETS.matcher(m.group(1)).matches()
                    || looksSecret(m.group(3))) ? m.group(1) + m.group(2) + mark : m.group(), NAME_WORDS, NAME_LOOKBACK, true),
            new Rule(SPACED, (m, mark) -> looksSecret(m.group(3)) && !isMark(m.group(3), mark)
                    ? m.group(1) + m.group(2) + mark : m.group(), NAME_WORDS, NAME_LOOKBACK, true));

    private SecretScrubber() {
    }

    /** The text with every secret replaced by {@code mark}; null stays null. */
    public static String scrub(String text, String mark) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        int[][] at = null;      // where each rule's words occur: found again only after a rule changed the text
        for (int k = 0; k < RULES.size(); k++) {
            if (at == null) {
                at = triggers(out);
            }
            String next = apply(RULES.get(k), out, at[k], mark);
            if (next != out) {
                out = next;
                at = null;
            }
        }
        return out;
    }

    /**
     * Per first letter (ASCII, folded), the trigger words starting with it and the rules each belongs to: lets one
     * pass over the text find every rule's words, where a search per word read a megabyte report a dozen times.
     */
    private static final String[][] WORDS_BY_CHAR = new String[128][];
    private static final int[][][] RULES_BY_CHAR = new int[128][][];

    static {
        java.util.Map<String, List<Integer>> rulesOf = new java.util.LinkedHashMap<>();
        for (int k = 0; k < RULES.size(); k++) {
            for (String w : RULES.get(k).triggers()) {
                rulesOf.computeIfAbsent(w, x -> new java.util.ArrayList<>()).add(k);
            }
        }
        java.util.Map<Character, List<String>> byChar = new java.util.TreeMap<>();
        rulesOf.forEach((w, rules) -> {
            if (w.isEmpty() || w.charAt(0) >= 128 || !w.equals(w.toLowerCase(java.util.Locale.ROOT))) {
                throw new IllegalStateException("a trigger word must be lower-case ASCII: " + w);
            }
            byChar.computeIfAbsent(w.charAt(0), c -> new java.util.ArrayList<>()).add(w);
        });
        byChar.forEach((c, words) -> {
            WORDS_BY_CHAR[c] = words.toArray(new String[0]);
            RULES_BY_CHAR[c] = words.stream().map(w -> rulesOf.get(w).stream().mapToInt(Integer::intValue).toArray())
                    .toArray(int[][]::new);
        });
    }

    /** For each rule, in order, where its words occur in {@code text} (ASCII letters folded), ascending. */
    private static int[][] triggers(String text) {
        int rules = RULES.size();
        int[][] at = new int[rules][];
        int[] count = new int[rules];
        for (int k = 0; k < rules; k++) {
            at[k] = new int[8];
        }
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c += 32;
            }
            String[] words = c < 128 ? WORDS_BY_CHAR[c] : null;
            if (words == null) {
                continue;
            }
            for (int w = 0; w < words.length; w++) {
                if (startsAt(text, i, words[w])) {
                    int after = -1;   // whether a name ending in this word can be followed by a value: 1 yes, 0 no
                    for (int k : RULES_BY_CHAR[c][w]) {
                        if (RULES.get(k).named()) {
                            if (after < 0) {
                                after = nameCanEndAt(text, i + words[w].length()) ? 1 : 0;
                            }
                            if (after == 0) {
                                continue;
                            }
                        }
                        if (count[k] == at[k].length) {
                            at[k] = java.util.Arrays.copyOf(at[k], count[k] * 2);
                        }
                        at[k][count[k]++] = i;
                    }
                }
            }
        }
        for (int k = 0; k < rules; k++) {
            at[k] = java.util.Arrays.copyOf(at[k], count[k]);
        }
        return at;
    }

    /**
     * Whether a secret's name whose last trigger word ends at {@code i} can be followed by its value. Every name
     * {@link #NAME} matches has a trigger word followed by nothing but letters to its end ({@code pass}+{@code word},
     * {@code credential}+{@code s}; {@code secret_key} has {@code key}), at most six; and every rule with a name
     * needs a quote, {@code =}, {@code :}, a backslash or white space right after it. In a report, most "key"s are
     * in names like {@code site-00000-key-1} or {@code provisioningKeyName}: no rule needs trying there.
     */
    private static boolean nameCanEndAt(String text, int i) {
        int n = text.length();
        int e = i;
        while (e < n && e - i <= 6 && (text.charAt(e) | 0x20) >= 'a' && (text.charAt(e) | 0x20) <= 'z') {
            e++;
        }
        if (e >= n || e - i > 6) {
            return false;
        }
        char c = text.charAt(e);
        return c == '"' || c == '\'' || c == '=' || c == ':' || c == '\\' || c == ' ' || c == '\t' || c == '\n'
                || c == '\r' || c == '\f' || c == 0x0B;
    }

    /** Whether {@code word} (lower case) occurs at {@code i}, ASCII letters of the text folded as {@code (?i)} does. */
    private static boolean startsAt(String text, int i, String word) {
        if (i + word.length() > text.length()) {
            return false;
        }
        for (int j = 1; j < word.length(); j++) {
            char c = text.charAt(i + j);
            if (c >= 'A' && c <= 'Z') {
                c += 32;
            }
            if (c != word.charAt(j)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The rule applied as a scan of the whole text would apply it, trying it only near its trigger words: a match
     * contains one and starts at most {@code lookback} before it, so trying each start from there to the word, in
     * order and never before the last match's end, finds the same leftmost matches. Bounds are transparent, so
     * look-behinds and word boundaries see the real text, and a match runs as far as the whole text lets it.
     */
    private static String apply(Rule r, String text, int[] at, String mark) {
        if (at.length == 0) {
            return text;
        }
        int n = text.length();
        Matcher m = r.pattern().matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        StringBuilder sb = null;
        int done = 0;       // the end of the last match: text before it is already in sb
        int tried = -1;     // starts up to here failed; the text does not change within a pass, so they still fail
        for (int p : at) {
            for (int start = Math.max(Math.max(done, tried + 1), p - r.lookback()); start <= p; start++) {
                tried = start;
                m.region(start, n);
                if (m.lookingAt()) {
                    String replacement = r.replacer().replace(m, mark);
                    if (replacement.equals(m.group())) {
                        continue;   // left as it is ("token: $VAR..."): a name inside it is still looked at
                    }
                    if (sb == null) {
                        sb = new StringBuilder(n + 64);
                    }
                    sb.append(text, done, m.start()).append(replacement);
                    done = m.end();
                    tried = done - 1;
                    break;
                }
            }
        }
        return sb == null ? text : sb.append(text, done, n).toString();
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
