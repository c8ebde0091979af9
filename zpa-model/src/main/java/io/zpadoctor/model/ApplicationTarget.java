package io.zpadoctor.model;

import java.util.Locale;

/**
 * The application users cannot reach, as {@code host:port} (port optional). IPv6 literals go in brackets:
 * {@code [2001:db8::1]:443}.
 *
 * @param host lower-cased host name or IP address, without brackets
 * @param port the TCP/UDP port, or null when not given (port checks are then not evaluated)
 */
public record ApplicationTarget(String host, Integer port) {

    public ApplicationTarget {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("application needs a host");
        }
        host = host.trim().toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (!host.matches("[a-z0-9_.:*-]+")) {
            throw new IllegalArgumentException("'" + host + "' is not a host name or IP address");
        }
        if (port != null && (port < 1 || port > 65535)) {
            throw new IllegalArgumentException("port " + port + " is outside 1-65535");
        }
    }

    /** Parses {@code host}, {@code host:port} or {@code [ipv6]:port}. */
    public static ApplicationTarget parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("application is empty; expected host:port, e.g. intranet.corp.example.com:443");
        }
        String t = text.trim();
        if (t.contains("://")) {
            t = t.substring(t.indexOf("://") + 3);
            int slash = t.indexOf('/');
            if (slash >= 0) {
                t = t.substring(0, slash);
            }
        }
        String host;
        String port = null;
        if (t.startsWith("[")) {
            int close = t.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("'" + text + "': missing ']' after the IPv6 address");
            }
            host = t.substring(1, close);
            String rest = t.substring(close + 1);
            if (rest.startsWith(":")) {
                port = rest.substring(1);
            } else if (!rest.isEmpty()) {
                throw new IllegalArgumentException("'" + text + "': expected ':port' after ']'");
            }
        } else if (t.indexOf(':') != t.lastIndexOf(':')) {
            host = t; // a bare IPv6 address: no port can be told apart
        } else {
            int colon = t.indexOf(':');
            host = colon < 0 ? t : t.substring(0, colon);
            port = colon < 0 ? null : t.substring(colon + 1);
        }
        Integer p = null;
        if (port != null) {
            try {
                p = Integer.valueOf(port);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "': port '" + port + "' is not a number");
            }
        }
        return new ApplicationTarget(host, p);
    }

    @Override
    public String toString() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return port == null ? h : h + ":" + port;
    }
}
