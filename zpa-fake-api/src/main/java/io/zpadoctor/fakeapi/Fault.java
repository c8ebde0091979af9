package io.zpadoctor.fakeapi;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** Something going wrong with one answer: another status, a stall, a cut-short body, a dropped connection. */
public final class Fault {
    private enum Kind { REPLACE, STALL, TRUNCATE_JSON, SHORT_BODY, DROP }

    private final Kind kind;
    private final FakeZpa.Answer replacement;
    private final Duration stall;
    private final int keep;

    private Fault(Kind kind, FakeZpa.Answer replacement, Duration stall, int keep) {
        this.kind = kind;
        this.replacement = replacement;
        this.stall = stall;
        this.keep = keep;
    }

    /** Answer with this status, body and headers (pairs of name, value) instead. */
    public static Fault status(int status, String body, String... headers) {
        FakeZpa.Answer a = body.strip().startsWith("{") ? FakeZpa.Answer.json(status, body)
                : FakeZpa.Answer.text(status, body);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            a.header(headers[i], headers[i + 1]);
        }
        return new Fault(Kind.REPLACE, a, null, 0);
    }

    /** 429 with {@code retry-after: <n>s}, as ZPA sends it. */
    public static Fault tooManyRequests(int seconds) {
        return status(429, FakeZpa.TOO_MANY, "retry-after", seconds + "s");
    }

    /** Wait this long before answering normally (longer than the client's read timeout, to time it out). */
    public static Fault stall(Duration d) {
        return new Fault(Kind.STALL, null, d, 0);
    }

    /** A complete HTTP answer whose JSON body stops after {@code keep} bytes. */
    public static Fault truncatedJson(int keep) {
        return new Fault(Kind.TRUNCATE_JSON, null, null, keep);
    }

    /** Promise the whole body in Content-Length, send half, and hang up. */
    public static Fault shortBody() {
        return new Fault(Kind.SHORT_BODY, null, null, 0);
    }

    /** Answer with another page of the same list (a server whose order shifted while it was paged through). */
    public static Fault pageInstead(int page) {
        Fault f = new Fault(Kind.REPLACE, null, null, page);
        return f;
    }

    /** The page to answer with instead, or null. */
    Integer pageInsteadOf() {
        return kind == Kind.REPLACE && replacement == null ? keep : null;
    }

    /** Hang up without answering. */
    public static Fault drop() {
        return new Fault(Kind.DROP, null, null, 0);
    }

    FakeZpa.Answer replacement() {
        return replacement;
    }

    void spoil(HttpExchange ex, FakeZpa.Answer a) throws IOException {
        try {
            switch (kind) {
                case STALL -> {
                    try {
                        Thread.sleep(stall.toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    a.send(ex);
                }
                case TRUNCATE_JSON -> {
                    int n = Math.min(keep, a.body.length);
                    a.sendHeaders(ex, n == 0 ? -1 : n);
                    try (OutputStream os = ex.getResponseBody()) {
                        os.write(a.body, 0, n);
                    }
                }
                case SHORT_BODY -> {
                    a.sendHeaders(ex, a.body.length);
                    OutputStream os = ex.getResponseBody();
                    os.write(a.body, 0, a.body.length / 2);
                    os.flush();
                }
                case DROP -> {
                    // closing without a status line: the client sees the connection end
                }
                default -> a.send(ex);
            }
        } catch (IOException e) {
            // the client may have gone (timed out); nothing to tell it
        } finally {
            ex.close();
        }
    }

    /** Applies a fault to the next {@code times} requests that match. */
    record Rule(Predicate<FakeZpa.Request> when, AtomicInteger left, Fault fault) {
        Rule(Predicate<FakeZpa.Request> when, int times, Fault fault) {
            this(when, new AtomicInteger(times), fault);
        }

        boolean take(FakeZpa.Request r) {
            if (!when.test(r)) {
                return false;
            }
            while (true) {
                int n = left.get();
                if (n <= 0) {
                    return false;
                }
                if (left.compareAndSet(n, n - 1)) {
                    return true;
                }
            }
        }
    }
}
