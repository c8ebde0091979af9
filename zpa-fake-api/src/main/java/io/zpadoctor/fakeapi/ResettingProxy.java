package io.zpadoctor.fakeapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay in front of a {@link FakeZpa} that resets (TCP RST) the first {@code resets} connections once a
 * request has arrived on them, and relays the rest untouched: the "connection reset by peer" a flaky middlebox
 * gives.
 */
public final class ResettingProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final AtomicInteger resetsLeft;
    private final AtomicInteger resetsDone = new AtomicInteger();
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "resetting-proxy");
        t.setDaemon(true);
        return t;
    });

    public ResettingProxy(String targetBaseUrl, int resets) throws IOException {
        java.net.URI u = java.net.URI.create(targetBaseUrl);
        this.target = new InetSocketAddress(u.getHost(), u.getPort());
        this.resetsLeft = new AtomicInteger(resets);
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        pool.execute(this::accept);
    }

    /** {@code http://127.0.0.1:<port>}, to use as the base URL. */
    public String baseUrl() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    public int resetsDone() {
        return resetsDone.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                pool.execute(() -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try {
            if (resetsLeft.getAndDecrement() > 0) {
                client.getInputStream().read(new byte[1024]);   // let the request arrive, then reset
                client.setSoLinger(true, 0);
                client.close();
                resetsDone.incrementAndGet();
                return;
            }
            Socket upstream = new Socket(target.getAddress(), target.getPort());
            pool.execute(() -> pump(upstream, client));
            pump(client, upstream);
        } catch (IOException e) {
            closeQuietly(client);
        }
    }

    private static void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            byte[] buf = new byte[16_384];
            int n;
            while ((n = in.read(buf)) >= 0) {
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side went away; the other is closed below
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already gone
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        pool.shutdownNow();
    }
}
