package io.zpadoctor.fakeapi;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;

/**
 * A forward HTTP proxy on loopback, as a corporate proxy is for http URLs: it takes requests in absolute form
 * ({@code GET http://host:port/path}), forwards them and records each, so that a test sees what went through it.
 * With a user and password it answers 407 until the client sends them (Basic).
 */
public final class ForwardProxy implements AutoCloseable {
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "host", "expect", "upgrade",
            "keep-alive", "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding");

    private final HttpServer server;
    private final HttpClient direct = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<String> seen = Collections.synchronizedList(new ArrayList<>());
    private final String expectedAuth;
    private volatile int challenges;

    private ForwardProxy(String user, String password) throws IOException {
        this.expectedAuth = user == null ? null : "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::forward);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "forward-proxy");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    /** A proxy that forwards anyone's requests. */
    public static ForwardProxy open() throws IOException {
        return new ForwardProxy(null, null);
    }

    /** A proxy that asks for this user and password. */
    public static ForwardProxy withLogin(String user, String password) throws IOException {
        return new ForwardProxy(user, password);
    }

    /** {@code http://127.0.0.1:port}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** "METHOD absolute-URI" of every request forwarded, in order. */
    public List<String> seen() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    /** How many 407 answers asked for the login. */
    public int challenges() {
        return challenges;
    }

    private void forward(HttpExchange ex) throws IOException {
        try (ex) {
            URI target = ex.getRequestURI();
            if (target.getScheme() == null) {
                send(ex, 400, "not a proxy request (no absolute URI)".getBytes());
                return;
            }
            if (expectedAuth != null && !expectedAuth.equals(ex.getRequestHeaders().getFirst("Proxy-Authorization"))) {
                challenges++;
                ex.getResponseHeaders().add("Proxy-Authenticate", "Basic realm=\"test proxy\"");
                send(ex, 407, new byte[0]);
                return;
            }
            seen.add(ex.getRequestMethod() + " " + target);
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            HttpRequest.Builder rb = HttpRequest.newBuilder(target).method(ex.getRequestMethod(),
                    body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            for (Map.Entry<String, List<String>> h : ex.getRequestHeaders().entrySet()) {
                if (!HOP_BY_HOP.contains(h.getKey().toLowerCase(java.util.Locale.ROOT))) {
                    h.getValue().forEach(v -> rb.header(h.getKey(), v));
                }
            }
            HttpResponse<byte[]> r;
            try {
                r = direct.send(rb.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException | InterruptedException e) {
                send(ex, 502, ("bad gateway: " + e).getBytes());
                return;
            }
            r.headers().map().forEach((k, vs) -> {
                if (!HOP_BY_HOP.contains(k.toLowerCase(java.util.Locale.ROOT)) && !k.startsWith(":")) {
                    vs.forEach(v -> ex.getResponseHeaders().add(k, v));
                }
            });
            send(ex, r.statusCode(), r.body());
        }
    }

    private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
