package io.zpadoctor.report;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last line of defence against leaking secrets: every rendered report passes through here. A provisioning
 * key ({@code <n>|<host>|<secret>}), a bearer token, a JWT or a client secret is replaced wherever it appears,
 * whatever field of the input it was smuggled in through. The public key prefix ({@code 3|api.host|}) stays.
 */
public final class Redactor {
    public static final String REDACTED = "<redacted>";

    private record Rule(Pattern pattern, String replacement) {
    }

    private static final List<Rule> RULES = List.of(
            // provisioning key: keep "<n>|<host>|", drop the secret part
            // (a Markdown table escapes the separators as "\|", so the pattern allows a backslash before them)
            new Rule(Pattern.compile("(\\b\\d{1,4}\\\\?\\|[A-Za-z0-9.-]{1,253}\\\\?\\|)[A-Za-z0-9+/=_.~%-]{8,}"),
                    "$1" + REDACTED),
            new Rule(Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]{8,}"), "$1" + REDACTED),
            new Rule(Pattern.compile("\\beyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*"), REDACTED),
            new Rule(Pattern.compile("(?i)((?:client[_-]?secret|access[_-]?token|private[_-]?key|password)"
                    + "\"?\\s*[:=]\\s*\"?)[^\"&\\s,}]{4,}"), "$1" + REDACTED));

    private Redactor() {
    }

    public static String scrub(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (Rule r : RULES) {
            Matcher m = r.pattern.matcher(out);
            if (m.find()) {
                out = m.replaceAll(r.replacement);
            }
        }
        return out;
    }
}
