package io.zpadoctor.examples.mcp;

import io.modelcontextprotocol.server.transport.ServerTransportSecurityException;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityValidator;
import jakarta.servlet.http.HttpServlet;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** The streamable HTTP transport's servlet, served by an embedded Tomcat on a loopback address only. */
final class LoopbackHttp implements AutoCloseable {
    static final String ENDPOINT = "/mcp";

    private final Tomcat tomcat;
    private final Path base;
    private final int port;

    private LoopbackHttp(Tomcat tomcat, Path base, int port) {
        this.tomcat = tomcat;
        this.base = base;
        this.port = port;
    }

    static LoopbackHttp start(InetAddress address, int port, HttpServlet servlet) throws LifecycleException {
        Path base;
        try {
            base = Files.createTempDirectory("zpa-doctor-mcp-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make Tomcat's work folder: " + e.getMessage(), e);
        }
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        Connector connector = new Connector("HTTP/1.1");
        connector.setPort(port);
        connector.setProperty("address", address.getHostAddress());
        tomcat.setConnector(connector);
        Context ctx = tomcat.addContext("", base.toString());
        Tomcat.addServlet(ctx, "mcp", servlet).setAsyncSupported(true);   // the transport streams with async I/O
        ctx.addServletMappingDecoded(ENDPOINT, "mcp");
        tomcat.start();
        int bound = connector.getLocalPort();
        if (bound <= 0) {
            tomcat.stop();
            throw new LifecycleException("cannot listen on " + address.getHostAddress() + ":" + port
                    + " (in use, or not allowed)");
        }
        return new LoopbackHttp(tomcat, base, bound);
    }

    int port() {
        return port;
    }

    /** Blocks until the server is stopped. */
    void await() {
        tomcat.getServer().await();
    }

    @Override
    public void close() throws LifecycleException {
        try {
            tomcat.stop();
            tomcat.destroy();
        } finally {
            try (Stream<Path> files = Files.walk(base)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary folder left behind is not worth failing a shutdown for
            }
        }
    }

    /**
     * Requests must name this loopback server as their host, and come from no web page but one served here: a page
     * elsewhere that resolves its own name to 127.0.0.1 (DNS rebinding) is turned away.
     */
    static ServerTransportSecurityValidator validator(java.util.function.IntSupplier port) {
        return headers -> {
            String host = header(headers, "host");
            List<String> local = List.of("127.0.0.1:" + port.getAsInt(), "localhost:" + port.getAsInt(),
                    "[::1]:" + port.getAsInt());
            if (host == null || !local.contains(host.toLowerCase(Locale.ROOT))) {
                throw new ServerTransportSecurityException(403, "Host must be this loopback server ("
                        + local.get(0) + "), not " + host);
            }
            String origin = header(headers, "origin");
            if (origin != null && !local.contains(origin.toLowerCase(Locale.ROOT).replaceFirst("^https?://", ""))) {
                throw new ServerTransportSecurityException(403, "Origin " + origin + " is not allowed");
            }
        };
    }

    private static String header(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }
}
