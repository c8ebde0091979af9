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
 * any time. Closing stops accepting, reads on until each connection has been silent for {@link #QUIET_MILLIS} (what
 * senders had already sent reaches the sink, at most {@link #DRAIN_MILLIS} long), then ends every connection.
 */
public final class LssListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LssListener.class);

    private final ServerSocket server;
    private final LssReader.Counter counter;
    private final Consumer<? super TelemetryRecord> sink;
    /** How long closing goes on reading what connections had already sent, at most. */
    static final int DRAIN_MILLIS = 2_000;
    /** A connection silent this long while the listener closes has nothing left in flight. */
    static final int QUIET_MILLIS = 200;

    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Set<Thread> serving = ConcurrentHashMap.newKeySet();
    /** Set by {@link #close()}: a connection's next silence ends it. */
    private volatile boolean draining;
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
                serving.add(t);
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
        try (s; Quiet in = new Quiet(s.getInputStream())) {
            if (s instanceof javax.net.ssl.SSLSocket tls) {
                tls.startHandshake();   // before the timeout below: a slow handshake is no silence to end on
            }
            // wakes a silent connection now and then, so that a close finds it whatever the sender does
            s.setSoTimeout(QUIET_MILLIS);
            LssReader.read(in, counter, sink, in::stopped);
        } catch (SocketException e) {
            if (!closed) {
                LOG.info("LSS connection from {} ended: {}", peer, e.getMessage());
            }
        } catch (IOException e) {
            if (closed) {
                LOG.info("LSS connection from {} ended as the receiver closed: {}", peer, e.getMessage());
            } else {
                LOG.warn("LSS connection from {} failed: {}", peer, e.getMessage());
            }
        } finally {
            open.remove(s);
            serving.remove(Thread.currentThread());
        }
    }

    /**
     * A connection's bytes, where a read that times out waits on, unless the listener is closing: then the
     * silence is the end of what the sender had sent, and the stream ends there.
     */
    private final class Quiet extends java.io.FilterInputStream {
        private boolean stopped;

        Quiet(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (true) {
                try {
                    return in.read(b, off, len);
                } catch (java.net.SocketTimeoutException e) {
                    if (draining) {
                        stopped = true;
                        return -1;
                    }
                }
            }
        }

        /** Whether the stream ended because the listener closed, not because the sender did. */
        boolean stopped() {
            return stopped;
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        draining = true;
        long end = System.nanoTime() + DRAIN_MILLIS * 1_000_000L;
        try {
            for (Thread t : serving) {
                long left = (end - System.nanoTime()) / 1_000_000;
                if (left > 0) {
                    t.join(left);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // a sender that never went quiet (or a sink that never took the record): its connection ends here
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
