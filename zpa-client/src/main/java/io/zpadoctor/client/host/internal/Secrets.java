package io.zpadoctor.client.host.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Removes the secret part of provisioning keys from any text a fact or a problem keeps. */
public final class Secrets {
    /** {@code nonce(<3|api-release.prod.zpath.net|0/Z6lDT...>)}: the key's start, printed by a refused login. */
    private static final Pattern NONCE = Pattern.compile("nonce\\(<(\\d+\\|[^|<>\\s]*\\|)[^>)]*>?\\)?");
    /** A whole key {@code <n>|<host>|<secret>}, possibly quoted. */
    private static final Pattern KEY = Pattern.compile("(\\d{1,3}\\|[A-Za-z0-9.-]+\\|)[A-Za-z0-9+/=_.-]{6,}");

    private Secrets() {
    }

    /** The text with every key secret replaced by an ellipsis, keeping the public {@code <n>|<host>|} prefix. */
    public static String redact(String text) {
        if (text == null || text.indexOf('|') < 0) {
            return text; // both shapes hold a '|': most text is returned without running a regex
        }
        String s = NONCE.matcher(text).replaceAll(m -> Matcher.quoteReplacement("nonce(<" + m.group(1) + "…>)"));
        return KEY.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "…"));
    }

    /** The public prefix {@code <n>|<host>|} of a key, or null when the text does not start like one. */
    public static String keyPrefix(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = Pattern.compile("^(\\d{1,3}\\|[A-Za-z0-9.-]+\\|)").matcher(text);
        return m.find() ? m.group(1) : null;
    }
}
