package io.zpadoctor.client.api.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The proxy settings of curl and most tools: an HTTP proxy for https URLs ({@code HTTPS_PROXY}) and for http ones
 * ({@code HTTP_PROXY}), hosts that go direct ({@code NO_PROXY}: names, domain suffixes, {@code *}). A proxy URL's
 * user and password are kept apart from its address, so that only the address is ever shown.
 */
public final class Proxies extends ProxySelector {
    /** A proxy's address and, when its URL had them, the user and password it asks for. */
    public record Endpoint(String host, int port, String user, char[] password) {
        /** The address alone: what messages and {@code toString()} show. */
        public String show() {
            return "http://" + host + ":" + port;
        }

        @Override
        public String toString() {
            return show();
        }
    }

    private final Endpoint https;
    private final Endpoint http;
    private final List<String> noProxy;

    public Proxies(Endpoint https, Endpoint http, List<String> noProxy) {
        this.https = https;
        this.http = http;
        this.noProxy = List.copyOf(noProxy);
    }

    public Endpoint https() {
        return https;
    }

    public Endpoint http() {
        return http;
    }

    /** The proxy for the scheme; null when none is set. */
    public Endpoint forScheme(String scheme) {
        return "https".equalsIgnoreCase(scheme) ? https : http;
    }

    @Override
    public List<Proxy> select(URI uri) {
        Endpoint e = forScheme(uri.getScheme());
        if (e == null || bypassed(uri.getHost())) {
            return List.of(Proxy.NO_PROXY);
        }
        return List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(e.host(), e.port())));
    }

    @Override
    public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
        // one proxy per scheme: nothing to fall back to, and the request's own error says what failed
    }

    /** Whether NO_PROXY sends the host direct: {@code *}, the name itself, or a domain it is under. */
    public boolean bypassed(String host) {
        if (host == null) {
            return true;
        }
        String h = strip(host.toLowerCase(Locale.ROOT));
        for (String entry : noProxy) {
            if (entry.equals("*")) {
                return true;
            }
            String d = entry.startsWith("*.") ? entry.substring(2) : entry.startsWith(".") ? entry.substring(1) : entry;
            if (!d.isEmpty() && (h.equals(d) || h.endsWith("." + d))) {
                return true;
            }
        }
        return false;
    }

    private static String strip(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** NO_PROXY's entries: comma or space separated, in lower case, any {@code :port} dropped. */
    public static List<String> noProxyList(String value) {
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        for (String raw : value.split("[,\\s]+")) {
            String e = raw.strip().toLowerCase(Locale.ROOT);
            if (e.isEmpty()) {
                continue;
            }
            if (e.startsWith("[")) {
                int close = e.indexOf(']');
                e = close > 0 ? e.substring(1, close) : e;
            } else if (e.indexOf(':') == e.lastIndexOf(':') && e.indexOf(':') > 0) {
                e = e.substring(0, e.indexOf(':'));   // host:port; an IPv6 literal has several colons
            }
            out.add(e);
        }
        return out;
    }

    /**
     * A proxy URL as the variables and {@code --proxy} give it: {@code http://[user:password@]host[:port]}, or just
     * {@code host:port}. The port defaults to 1080, as curl's. Errors show the address only, never a password.
     */
    public static Endpoint parse(String value, String what) {
        String v = value.strip();
        String withScheme = v.contains("://") ? v : "http://" + v;
        URI u;
        try {
            u = new URI(withScheme);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(what + " is not a proxy URL like http://proxy.example.com:3128");
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http")) {
            throw new IllegalArgumentException(what + " must be an HTTP proxy (http://host:port), not " + scheme
                    + "://" + (u.getHost() == null ? "" : u.getHost()));
        }
        if (u.getHost() == null || u.getHost().isEmpty()) {
            throw new IllegalArgumentException(what + " names no host; expected http://host:port");
        }
        String user = null;
        char[] password = null;
        String info = u.getRawUserInfo();
        if (info != null) {
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            password = colon < 0 ? new char[0] : decode(info.substring(colon + 1)).toCharArray();
        }
        return new Endpoint(u.getHost(), u.getPort() > 0 ? u.getPort() : 1080, user, password);
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    }
}
