package io.zpadoctor.client.lss;

import io.zpadoctor.model.telemetry.TelemetryIntake;
import io.zpadoctor.model.telemetry.TelemetryRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A Log Streaming Service log receiver: App Connectors of the LSS group connect over TCP (TLS when a context is
 * given) and stream one JSON record per line; each record reaches the sink as it arrives, from the connection's own
 * thread (the sink must be thread-safe and quick: a queue). Counts are shared by all connections and readable at
 * any time. Closing stops accepting and ends every connection.
 */
public final class LssListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LssListener.class);

    private final ServerSocket server;
    private final LssReader.Counter counter;
    private final Consumer<? super TelemetryRecord> sink;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong connections = new AtomicLong();
    private final Thread acceptor;
    private volatile boolean closed;

    private LssListener(ServerSocket server, Consumer<? super TelemetryRecord> sink) {
        this.server = server;
        this.sink = sink;
        this.counter = new LssReader.Counter("listener " + server.getInetAddress().getHostAddress() + ":"
                + server.getLocalPort());
        this.acceptor = new Thread(this::accept, "lss-accept-" + server.getLocalPort());
        acceptor.setDaemon(true);
    }

    /**
     * Listens on {@code address} (port 0 picks a free one); with {@code tls} non-null, connections are TLS, as LSS
     * sends them when the receiver has "TLS Encryption" on.
     */
    public static LssListener start(InetSocketAddress address, SSLContext tls, Consumer<? super TelemetryRecord> sink)
            throws IOException {
        ServerSocket s = tls == null ? new ServerSocket() : tls.getServerSocketFactory().createServerSocket();
        try {
            s.setReuseAddress(true);
            s.bind(address, 64);
        } catch (IOException e) {
            s.close();
            throw new IOException("cannot listen on " + address.getHostString() + ":" + address.getPort() + ": "
                    + e.getMessage(), e);
        }
        LssListener l = new LssListener(s, sink);
        l.acceptor.start();
        return l;
    }

    public int port() {
        return server.getLocalPort();
    }

    /** What every connection so far has sent. */
    public TelemetryIntake intake() {
        return counter.intake();
    }

    public long connections() {
        return connections.get();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket s = server.accept();
                open.add(s);
                long n = connections.incrementAndGet();
                Thread t = new Thread(() -> serve(s), "lss-conn-" + n);
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("LSS listener on port {}: accepting failed: {}", port(), e.getMessage());
                }
            }
        }
    }

    private void serve(Socket s) {
        String peer = s.getRemoteSocketAddress().toString();
        try (s; InputStream in = s.getInputStream()) {
            LssReader.read(in, counter, sink);
        } catch (SocketException e) {
            if (!closed) {
                LOG.info("LSS connection from {} ended: {}", peer, e.getMessage());
            }
        } catch (IOException e) {
            LOG.warn("LSS connection from {} failed: {}", peer, e.getMessage());
        } finally {
            open.remove(s);
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // it is going away either way
            }
        }
        try {
            acceptor.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
