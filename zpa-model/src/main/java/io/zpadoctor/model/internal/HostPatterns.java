package io.zpadoctor.model.internal;

import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How an application segment's domain entry matches a host users type: exact names, wildcards, IP
 * addresses and CIDR blocks. Never resolves a name: only literal addresses are parsed.
 */
public final class HostPatterns {
    /** Returned when an entry does not match. */
    public static final int NO_MATCH = -1;

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    private HostPatterns() {
    }

    /**
     * How specifically {@code entry} matches {@code host}: higher is more specific (an exact name beats a
     * wildcard, a longer wildcard suffix beats a shorter one, a narrower CIDR beats a wider one), or
     * {@link #NO_MATCH}.
     */
    public static int specificity(String entry, String host) {
        if (entry == null || host == null) {
            return NO_MATCH;
        }
        String e = normalise(entry);
        String h = normalise(host);
        if (e.isEmpty() || h.isEmpty()) {
            return NO_MATCH;
        }
        if (e.equals(h)) {
            return 100_000 + e.length();
        }
        if (e.equals("*") || e.equals("*.*")) {
            return 1;
        }
        if (e.startsWith("*.") || e.startsWith(".")) {
            String suffix = e.substring(e.indexOf('.'));
            return h.endsWith(suffix) && h.length() > suffix.length() ? 10_000 + suffix.length() : NO_MATCH;
        }
        int slash = e.indexOf('/');
        if (slash > 0) {
            return cidrSpecificity(e.substring(0, slash), e.substring(slash + 1), h);
        }
        return NO_MATCH;
    }

    private static String normalise(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }

    private static int cidrSpecificity(String network, String prefixText, String host) {
        byte[] net = literal(network);
        byte[] addr = literal(host);
        if (net == null || addr == null || net.length != addr.length) {
            return NO_MATCH;
        }
        int prefix;
        try {
            prefix = Integer.parseInt(prefixText);
        } catch (NumberFormatException ex) {
            return NO_MATCH;
        }
        int bits = net.length * 8;
        if (prefix < 0 || prefix > bits) {
            return NO_MATCH;
        }
        BigInteger mask = prefix == 0 ? BigInteger.ZERO
                : BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE).shiftRight(bits - prefix).shiftLeft(bits - prefix);
        BigInteger n = new BigInteger(1, net).and(mask);
        BigInteger a = new BigInteger(1, addr).and(mask);
        return n.equals(a) ? 1_000 + prefix : NO_MATCH;
    }

    /** The bytes of an IPv4 or IPv6 literal, or null when the text is not one (a name is never looked up). */
    static byte[] literal(String text) {
        var m = IPV4.matcher(text);
        if (m.matches()) {
            byte[] b = new byte[4];
            for (int i = 0; i < 4; i++) {
                int v = Integer.parseInt(m.group(i + 1));
                if (v > 255) {
                    return null;
                }
                b[i] = (byte) v;
            }
            return b;
        }
        if (text.indexOf(':') >= 0 && text.matches("[0-9a-f:.]+")) {
            try {
                // a string with ':' is parsed as an IPv6 literal, never resolved
                byte[] b = java.net.InetAddress.getByName(text).getAddress();
                return b.length == 16 ? b : null;
            } catch (java.net.UnknownHostException | SecurityException ex) {
                return null;
            }
        }
        return null;
    }
}
