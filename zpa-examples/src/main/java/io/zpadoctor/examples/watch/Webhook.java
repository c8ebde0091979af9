package io.zpadoctor.examples.watch;

import io.zpadoctor.report.Redactor;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Posts watch events to a chat webhook ({@code {"text": ...}}, as Slack, Mattermost and Teams workflows take it)
 * from its own thread. Messages wait in a bounded queue: offering never blocks the watch, and when the queue is full
 * the oldest message is dropped and counted. A failed post (an error status or no answer) is retried after an
 * exponential backoff with full jitter until it is delivered, so an outage delays messages instead of losing them
 * (until the queue overflows). The URL holds the webhook's token: it is never printed, only its host.
 */
public final class Webhook implements AutoCloseable {
    /** How the webhook's figures reach the metrics page and the log. */
    public interface Listener {
        void delivered();

        void failed(String why);

        void dropped(long total);
    }

    private final URI url;
    private final HttpClient http;
    private final int capacity;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final Listener listener;
    private final ArrayDeque<String> queue = new ArrayDeque<>();
    private final AtomicLong dropped = new AtomicLong();
    private final Thread thread;
    private volatile boolean closing;
    private volatile long deadlineNanos = Long.MAX_VALUE;
    private boolean sending;

    public Webhook(URI url, int capacity, Duration firstBackoff, Duration maxBackoff, Listener listener) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || url.getHost() == null) {
            throw new IllegalArgumentException("the webhook must be an http(s) URL with a host");
        }
        this.url = url;
        this.capacity = capacity;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
        this.listener = listener;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        this.thread = new Thread(this::deliver, "webhook");
        thread.setDaemon(true);
        thread.start();
    }

    /** The webhook's host, for messages: the path is its secret. */
    public String host() {
        return url.getHost();
    }

    /** Queues one message; never waits. */
    public void offer(String text) {
        synchronized (queue) {
            if (closing) {
                return;
            }
            if (queue.size() >= capacity) {
                queue.pollFirst();
                listener.dropped(dropped.incrementAndGet());
            }
            queue.addLast(text);
            queue.notifyAll();
        }
    }

    public long dropped() {
        return dropped.get();
    }

    /** Messages waiting (the one being sent included). */
    public int pending() {
        synchronized (queue) {
            return queue.size() + (sending ? 1 : 0);
        }
    }

    private void deliver() {
        while (true) {
            String text;
            synchronized (queue) {
                while (queue.isEmpty() && !closing) {
                    try {
                        queue.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (queue.isEmpty()) {
                    return;
                }
                text = queue.pollFirst();
                sending = true;
            }
            try {
                if (!send(text)) {
                    synchronized (queue) {
                        queue.addFirst(text);     // undelivered at the deadline: still counted as pending
                    }
                    return;
                }
            } finally {
                synchronized (queue) {
                    sending = false;
                    queue.notifyAll();
                }
            }
        }
    }

    /** Posts until delivered; false when the close deadline passed first. */
    private boolean send(String text) {
        String body = "{\"text\":" + jsonString(Redactor.scrub(text)) + "}";
        long backoff = firstBackoff.toMillis();
        while (true) {
            String why;
            try {
                HttpRequest req = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                HttpResponse<Void> r = http.send(req, HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() / 100 == 2) {
                    listener.delivered();
                    return true;
                }
                why = "HTTP " + r.statusCode();
            } catch (IOException e) {
                why = e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                return false;
            }
            listener.failed(why);
            long sleep = ThreadLocalRandom.current().nextLong(backoff / 2, backoff + 1);    // jitter: half to all of it
            if (System.nanoTime() + sleep * 1_000_000 > deadlineNanos) {
                return false;
            }
            try {
                Thread.sleep(sleep);
            } catch (InterruptedException e) {
                return false;
            }
            backoff = Math.min(maxBackoff.toMillis(), backoff * 2);
        }
    }

    /** Stops taking messages and tries to deliver those queued until {@code within} has passed. */
    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }

    public void close(Duration within) {
        deadlineNanos = System.nanoTime() + within.toNanos();
        synchronized (queue) {
            closing = true;
            queue.notifyAll();
        }
        try {
            thread.join(Math.max(1, within.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread.interrupt();
    }

    static String jsonString(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
