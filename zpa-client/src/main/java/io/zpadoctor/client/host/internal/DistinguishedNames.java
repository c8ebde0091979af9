package io.zpadoctor.client.host.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the attributes of a certificate name in the three ways {@code openssl} prints one:
 * {@code /C=US/O=Zscaler/CN=x} (1.0), {@code C = US, O = "Zscaler, Inc.", CN = x} (1.1) and
 * {@code C=US, O=Zscaler, CN=x} (3.x).
 */
public final class DistinguishedNames {
    private static final Pattern SLASH_KEY = Pattern.compile("/(?=[A-Za-z][A-Za-z0-9.]*=)");

    private DistinguishedNames() {
    }

    /** Attribute name to its first value, in order; empty when the text is not a name. */
    public static Map<String, String> attributes(String dn) {
        Map<String, String> out = new LinkedHashMap<>();
        if (dn == null || dn.isBlank()) {
            return out;
        }
        String s = dn.strip();
        List<String> parts = s.startsWith("/") ? List.of(SLASH_KEY.split(s.substring(1))) : commaParts(s);
        for (String p : parts) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String k = p.substring(0, eq).strip();
            String v = p.substring(eq + 1).strip();
            if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                v = v.substring(1, v.length() - 1);
            }
            out.putIfAbsent(k, v);
        }
        return out;
    }

    /** Splits on commas outside double quotes and not escaped. */
    private static List<String> commaParts(String s) {
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                cur.append(s.charAt(++i));
            } else if (c == '"') {
                quoted = !quoted;
                cur.append(c);
            } else if (c == ',' && !quoted) {
                parts.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        parts.add(cur.toString());
        return parts;
    }
}
