package io.zpadoctor.client.api.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/** Credentials travel only over https, or over plain http to this machine (tests, local simulators). */
public final class SafeUrls {
    private SafeUrls() {
    }

    public static URI parse(String url, String what) {
        try {
            URI u = new URI(url.strip());
            if (u.getScheme() == null || u.getHost() == null) {
                throw new IllegalArgumentException("the " + what + " must be an absolute http(s) URL such as"
                        + " https://api.zsapi.net, not '" + url + "'");
            }
            if (u.getRawQuery() != null || u.getRawFragment() != null || u.getRawUserInfo() != null) {
                if (what.equals("base URL")) {
                    throw new IllegalArgumentException("the base URL must be the host root (like https://api.zsapi.net),"
                            + " without query, fragment or user info");
                }
            }
            return u;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the " + what + " '" + url + "' is not a URL: " + e.getReason());
        }
    }

    /** Why credentials must not go to this URL, or null when they may. */
    public static String unsafe(URI u, String what) {
        String scheme = u.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            return null;
        }
        if (!scheme.equals("http")) {
            return "the " + what + " must use https, not " + scheme;
        }
        return isLoopback(u.getHost()) ? null : "the " + what + " " + u.getScheme() + "://" + u.getHost()
                + " uses plain http to another machine; credentials go over plain http only to this machine"
                + " (localhost, 127.0.0.1, ::1): use https";
    }

    /** True for localhost and loopback literals; never resolves a name through DNS. */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost")) {
            return true;
        }
        boolean literal = h.matches("\\d{1,3}(\\.\\d{1,3}){3}") || (h.contains(":") && h.matches("[0-9a-f:.]+"));
        if (!literal) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
