package io.zpadoctor.examples.watch;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The webhook against a real HTTP server on loopback: one that fails, then recovers. */
class WebhookTest {
    private HttpServer server;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<Long> attemptNanos = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();

    private URI start(int failFirst) throws IOException {
        failuresLeft.set(failFirst);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/services/T000/B000/s3cr3tT0k3n", ex -> {
            attemptNanos.add(System.nanoTime());
            byte[] body = ex.getRequestBody().readAllBytes();
            int status = failuresLeft.getAndDecrement() > 0 ? 500 : 200;
            if (status == 200) {
                bodies.add(new String(body, StandardCharsets.UTF_8));
            }
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/services/T000/B000/s3cr3tT0k3n");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void aReceiverThatFailsThenRecoversGetsEveryMessageInOrderAfterGrowingPauses() throws Exception {
        URI url = start(3);
        Counts counts = new Counts();
        Webhook hook = new Webhook(url, 100, Duration.ofMillis(200), Duration.ofSeconds(5), counts);
        hook.offer("first \"quoted\"\nline");
        hook.offer("second");
        waitFor(() -> bodies.size() == 2, Duration.ofSeconds(20));
        hook.close();

        assertThat(bodies).containsExactly("{\"text\":\"first \\\"quoted\\\"\\nline\"}", "{\"text\":\"second\"}");
        assertThat(counts.failed.get()).isEqualTo(3);
        assertThat(counts.delivered.get()).isEqualTo(2);
        // attempts 1-4 carry the first message: pauses of 100-200, 200-400, 400-800 ms (jitter: half to all)
        long p1 = attemptNanos.get(1) - attemptNanos.get(0);
        long p3 = attemptNanos.get(3) - attemptNanos.get(2);
        assertThat(Duration.ofNanos(p1)).isBetween(Duration.ofMillis(90), Duration.ofMillis(400));
        assertThat(Duration.ofNanos(p3)).isGreaterThanOrEqualTo(Duration.ofMillis(390));
        assertThat(hook.host()).isEqualTo("127.0.0.1");
    }

    @Test
    void offeringNeverWaitsAndAFullQueueDropsTheOldestCounted() throws Exception {
        URI url = start(Integer.MAX_VALUE);       // down for the whole test
        Counts counts = new Counts();
        Webhook hook = new Webhook(url, 5, Duration.ofSeconds(10), Duration.ofSeconds(10), counts);
        long t0 = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
            hook.offer("message " + i);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(1));
        assertThat(hook.dropped()).isGreaterThanOrEqualTo(994);
        assertThat(counts.dropped.get()).isEqualTo(hook.dropped());
        assertThat(hook.pending()).isBetween(5, 6);

        long c0 = System.nanoTime();
        hook.close(Duration.ofMillis(500));       // the receiver stays down: closing gives up on time
        assertThat(Duration.ofNanos(System.nanoTime() - c0)).isLessThan(Duration.ofSeconds(3));
        assertThat(bodies).isEmpty();
    }

    @Test
    void closingDeliversWhatIsQueuedWhenTheReceiverAnswers() throws Exception {
        URI url = start(0);
        Webhook hook = new Webhook(url, 100, Duration.ofMillis(100), Duration.ofSeconds(1), new Counts());
        for (int i = 0; i < 20; i++) {
            hook.offer("m" + i);
        }
        hook.close(Duration.ofSeconds(10));
        assertThat(bodies).hasSize(20).endsWith("{\"text\":\"m19\"}");
        hook.offer("after close");
        assertThat(hook.pending()).isZero();
    }

    static void waitFor(java.util.function.BooleanSupplier done, Duration within) throws InterruptedException {
        long end = System.nanoTime() + within.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + within);
            }
            Thread.sleep(20);
        }
    }

    static final class Counts implements Webhook.Listener {
        final AtomicLong delivered = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final AtomicLong dropped = new AtomicLong();

        @Override
        public void delivered() {
            delivered.incrementAndGet();
        }

        @Override
        public void failed(String why) {
            failed.incrementAndGet();
        }

        @Override
        public void dropped(long total) {
            dropped.set(total);
        }
    }
}
