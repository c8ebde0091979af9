package io.zpadoctor.client.api.internal;

import io.zpadoctor.client.api.AuthMode;
import io.zpadoctor.client.api.ZpaApiConfig;
import io.zpadoctor.client.api.ZpaApiException;
import io.zpadoctor.client.api.ZpaApiException.Kind;
import io.zpadoctor.client.internal.Redaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends API requests the way the ZPA API wants to be called: paced by the client's rate limiter, a fresh token
 * after a 401 (once), every worker paused after a 429 until {@code retry-after} has passed, 5xx answers,
 * timeouts, resets and cut-short bodies retried with backoff, all within a bounded time per request.
 */
public final class Requester {
    private static final Logger LOG = LoggerFactory.getLogger("io.zpadoctor.client.api");
    private static final Duration MIN_RATE_LIMIT_WAIT = Duration.ofMillis(500);

    /** What the caller hears about while it waits. */
    public interface Listener {
        default void paused(Duration wait, String why) {
        }

        default void retrying(String request, int attempt, String why, Duration wait) {
        }
    }

    /** Turns a 2xx body into a result; a {@link BadBody} is retried like a 5xx, then reported. */
    public interface BodyParser<T> {
        T parse(Http.Response r) throws BadBody;
    }

    /** A 2xx answer whose body is not what the API sends (cut short, not JSON...). */
    public static final class BadBody extends Exception {
        public BadBody(String message) {
            super(message, null, false, false);
        }
    }

    /** Counts of what was sent and what came back, for the read summary. */
    public static final class Counters {
        public final AtomicInteger requests = new AtomicInteger();
        public final AtomicInteger tokenRequests = new AtomicInteger();
        public final AtomicInteger rateLimited = new AtomicInteger();
        public final AtomicInteger retries = new AtomicInteger();
        public final AtomicLong pausedNanos = new AtomicLong();
    }

    private final ZpaApiConfig config;
    private final Http http;
    private final RateLimiter gets;
    private final RateLimiter writes;
    private final Tokens tokens;
    private final String clientSecret;
    private final Counters counters = new Counters();
    private volatile Listener listener = new Listener() { };

    public Requester(ZpaApiConfig config) {
        this.config = config;
        this.http = new Http(config.connectTimeout(), config.readTimeout(), config.proxySelector(), config.httpClient());
        this.gets = new RateLimiter(config.getsPerWindow(), config.rateWindow());
        this.writes = new RateLimiter(config.writesPerWindow(), config.rateWindow());
        this.tokens = new Tokens(config, this::sendToken);
        this.clientSecret = config.clientSecret();
    }

    public void listener(Listener l) {
        this.listener = l == null ? new Listener() { } : l;
    }

    public Counters counters() {
        return counters;
    }

    /** Secrets the client holds (its client secret and every token it was given), to cut out of anything a
     *  server echoes back. */
    public List<String> secrets() {
        List<String> all = new ArrayList<>(tokens.issued());
        all.add(clientSecret);
        return all;
    }

    public <T> T execute(Call call, BodyParser<T> parser) throws ZpaApiException {
        long start = System.nanoTime();
        long deadline = start + config.retryBudget().toNanos();
        int attempt = 0;
        int sends = 0;   // every request sent, 429s included (which do not count as failed attempts)
        boolean reauthenticated = false;
        String lastProblem = null;
        int lastStatus = -1;
        RateLimiter limiter = call.isGet() ? gets : writes;
        while (true) {
            attempt++;
            String token = tokens.token();
            HttpRequest request = build(call, token);
            Http.Response r;
            try (RateLimiter.Permit ignored = limiter.acquire()) {
                counters.requests.incrementAndGet();
                sends++;
                long sent = System.nanoTime();
                r = http.send(request);
                LOG.debug("{} -> {} ({} bytes, {} ms)", call.label(), r.status(), r.body().length,
                        (System.nanoTime() - sent) / 1_000_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ZpaApiException(Kind.INTERRUPTED, call.label(), lastStatus, "interrupted");
            } catch (IOException e) {
                lastProblem = describe(e);
                // a request that never reached the server may always be sent again
                boolean notSent = e instanceof ConnectException || e instanceof HttpConnectTimeoutException;
                if (!call.idempotent() && !notSent) {
                    throw new ZpaApiException(Kind.UNAVAILABLE, call.label(), -1, lastProblem
                            + "; it may or may not have been applied, so read the object before trying again");
                }
                if (!retry(call, attempt, deadline, lastProblem, backoff(attempt), start)) {
                    throw gaveUp(call, attempt, start, lastStatus, lastProblem);
                }
                continue;
            }
            lastStatus = r.status();
            observeQuota(call, r);
            int s = r.status();
            if (s >= 200 && s < 300) {
                try {
                    return parser.parse(r);
                } catch (BadBody e) {
                    // a parser may quote the body it could not read: never a token or key string it held
                    lastProblem = Redaction.scrub(e.getMessage(), secrets());
                    if (!call.idempotent() || !retry(call, attempt, deadline, lastProblem, backoff(attempt), start)) {
                        throw new ZpaApiException(Kind.BAD_RESPONSE, call.label(), s, lastProblem
                                + (attempt > 1 ? " (" + attempts(attempt, start) + ")" : ""));
                    }
                    continue;
                }
            }
            ErrorBody err = ErrorBody.of(r.body(), secrets());
            if (s == 401 && !err.oneApiOnly() && !reauthenticated) {
                // the token may have expired or been revoked early: one fresh token, then believe the 401
                reauthenticated = true;
                tokens.invalidate(token);
                LOG.info("{} answered 401; fetching a new token and trying once more", call.label());
                attempt--;
                continue;
            }
            if (s == 429) {
                counters.rateLimited.incrementAndGet();
                Duration wait = firstOf(Durations.parseWait(r.header("retry-after")),
                        Durations.parseWait(r.header("x-ratelimit-reset")), backoff(Math.min(attempt, 5)));
                if (wait.compareTo(MIN_RATE_LIMIT_WAIT) < 0) {
                    wait = MIN_RATE_LIMIT_WAIT;   // "retry after 0 s" would only be refused again at once
                }
                lastProblem = "HTTP 429 rate limited" + err.inParens();
                if (System.nanoTime() + wait.toNanos() - deadline > 0) {
                    throw new ZpaApiException(Kind.RATE_LIMITED, call.label(), s, "still rate limited after "
                            + count(sends, "request", start) + "; the server asks to wait " + Durations.show(wait)
                            + " more, beyond the retry time of " + Durations.show(config.retryBudget()));
                }
                pauseAll(wait, "rate limited (HTTP 429) by " + call.method() + " " + call.uri().getPath());
                attempt--;   // a 429 is obeyed, not counted as a failed attempt; the time budget bounds it
                continue;
            }
            if (s == 500 || s == 502 || s == 503 || s == 504 || s == 409 && call.idempotent() && !call.isGet()) {
                lastProblem = "HTTP " + s + err.inParens();
                Duration wait = firstOf(Durations.parseWait(r.header("retry-after")), backoff(attempt), null);
                if (call.idempotent() && retry(call, attempt, deadline, lastProblem, wait, start)) {
                    continue;
                }
                if (!call.idempotent()) {
                    throw new ZpaApiException(Kind.UNAVAILABLE, call.label(), s, lastProblem
                            + "; it may or may not have been applied, so read the object before trying again");
                }
                throw gaveUp(call, attempt, start, s, lastProblem);
            }
            throw refused(call, r, err);
        }
    }

    /** The token request: retried like a read, never sent with a bearer token. */
    private Http.Response sendToken(String label, HttpRequest.Builder rb) throws ZpaApiException {
        long start = System.nanoTime();
        long deadline = start + config.retryBudget().toNanos();
        String idVar = config.mode() == AuthMode.LEGACY ? "ZPA_CLIENT_ID" : "ZSCALER_CLIENT_ID";
        String secretVar = config.mode() == AuthMode.LEGACY ? "ZPA_CLIENT_SECRET" : "ZSCALER_CLIENT_SECRET";
        int attempt = 0;
        while (true) {
            attempt++;
            Duration pause = gets.pausedFor();
            if (!pause.isZero()) {
                sleep(pause, label);
            }
            Http.Response r;
            counters.tokenRequests.incrementAndGet();
            try {
                r = http.send(rb.timeout(config.readTimeout()).build());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ZpaApiException(Kind.INTERRUPTED, label, -1, "interrupted");
            } catch (IOException e) {
                String problem = describe(e);
                if (!retry(null, attempt, deadline, problem, backoff(attempt), start, label)) {
                    throw new ZpaApiException(Kind.UNAVAILABLE, label, -1, "cannot get a token: " + problem
                            + " (" + attempts(attempt, start) + ")");
                }
                continue;
            }
            int s = r.status();
            if (s >= 200 && s < 300) {
                return r;
            }
            ErrorBody err = ErrorBody.of(r.body(), secrets());
            if (err.oneApiOnly()) {
                throw legacyRefused(label, s);
            }
            if (s == 429 || s >= 500) {
                Duration wait = firstOf(Durations.parseWait(r.header("retry-after")), backoff(attempt), null);
                String problem = "HTTP " + s + err.inParens();
                if (s == 429) {
                    counters.rateLimited.incrementAndGet();
                }
                if (!retry(null, attempt, deadline, problem, wait, start, label)) {
                    throw new ZpaApiException(s == 429 ? Kind.RATE_LIMITED : Kind.UNAVAILABLE, label, s,
                            "cannot get a token: " + problem + " (" + attempts(attempt, start) + ")");
                }
                continue;
            }
            if (s == 404 || s == 405 || s >= 300 && s < 400) {
                throw new ZpaApiException(Kind.CONFIGURATION, label, s, "HTTP " + s + err.inParens()
                        + ": no token endpoint answers at this URL; check "
                        + (config.mode() == AuthMode.LEGACY ? "ZPA_CLOUD" : "ZSCALER_VANITY_DOMAIN and ZSCALER_CLOUD")
                        + ", or ZPA_DOCTOR_TOKEN_URL / --token-url");
            }
            throw new ZpaApiException(Kind.AUTHENTICATION, label, s, "the token endpoint refused the client"
                    + " credentials (HTTP " + s + err.inParens() + "); check " + idVar + " and " + secretVar);
        }
    }

    private HttpRequest build(Call call, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(call.uri())
                .timeout(config.readTimeout())
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .header("User-Agent", "zpa-doctor");
        if (config.partnerId() != null) {
            b.header("x-partner-id", config.partnerId());
        }
        if (call.body() != null) {
            b.header("Content-Type", "application/json").method(call.method(),
                    HttpRequest.BodyPublishers.ofByteArray(call.body()));
        } else {
            b.method(call.method(), HttpRequest.BodyPublishers.noBody());
        }
        return b.build();
    }

    /** {@code x-ratelimit-remaining: 0} means the next request would be refused: wait for the reset instead. */
    private void observeQuota(Call call, Http.Response r) {
        String remaining = r.header("x-ratelimit-remaining");
        if (remaining == null || r.status() == 429) {
            return;
        }
        try {
            if (Long.parseLong(remaining.split(",")[0].strip()) <= 0) {
                Duration reset = Durations.parseWait(r.header("x-ratelimit-reset"));
                if (reset != null && !reset.isZero()) {
                    pauseAll(reset, "the request quota is used up (x-ratelimit-remaining 0) until x-ratelimit-reset");
                }
            }
        } catch (NumberFormatException e) {
            LOG.debug("{}: x-ratelimit-remaining not understood", call.label());
        }
    }

    private void pauseAll(Duration wait, String why) {
        Duration before = gets.pausedFor();
        gets.pause(wait);
        writes.pause(wait);
        if (wait.compareTo(before) > 0) {
            counters.pausedNanos.addAndGet(wait.minus(before).toNanos());
        }
        LOG.info("pausing every request for {}: {}", Durations.show(wait), why);
        listener.paused(wait, why);
    }

    private boolean retry(Call call, int attempt, long deadline, String problem, Duration wait, long start) {
        return retry(call, attempt, deadline, problem, wait, start, call.label());
    }

    /** Sleeps before the next attempt, or says there is none (attempts or time used up). */
    private boolean retry(Call call, int attempt, long deadline, String problem, Duration wait, long start,
                          String label) {
        if (attempt >= config.maxAttempts() || System.nanoTime() + wait.toNanos() - deadline > 0) {
            return false;
        }
        counters.retries.incrementAndGet();
        LOG.info("{}: {}; attempt {} of {}, next in {}", label, problem, attempt, config.maxAttempts(),
                Durations.show(wait));
        listener.retrying(label, attempt, problem, wait);
        try {
            sleep(wait, label);
        } catch (ZpaApiException e) {
            return false;
        }
        return true;
    }

    private static void sleep(Duration d, String label) throws ZpaApiException {
        try {
            Thread.sleep(Math.max(0, d.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ZpaApiException(Kind.INTERRUPTED, label, -1, "interrupted");
        }
    }

    /** Doubling from the initial backoff, capped, with jitter so workers do not retry in step. */
    private Duration backoff(int attempt) {
        long base = config.initialBackoff().toMillis() << Math.min(attempt - 1, 16);
        long capped = Math.min(base, config.maxBackoff().toMillis());
        long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        return Duration.ofMillis(jittered);
    }

    private ZpaApiException gaveUp(Call call, int attempt, long start, int status, String problem) {
        return new ZpaApiException(Kind.UNAVAILABLE, call.label(), status, problem + " (" + attempts(attempt, start) + ")");
    }

    private static String attempts(int attempt, long start) {
        return count(attempt, "attempt", start);
    }

    private static String count(int n, String noun, long start) {
        return n + " " + noun + (n == 1 ? "" : "s") + " in " + Durations.show(Duration.ofNanos(System.nanoTime() - start));
    }

    private ZpaApiException refused(Call call, Http.Response r, ErrorBody err) {
        int s = r.status();
        String customer = config.customerId();
        if (err.oneApiOnly()) {
            return legacyRefused(call.label(), s);
        }
        if (s == 401) {
            return new ZpaApiException(Kind.CUSTOMER, call.label(), s, "HTTP 401" + err.inParens() + " even with a"
                    + " fresh token: these credentials may not read customer " + customer + "; check"
                    + " ZSCALER_CUSTOMER_ID (or ZPA_CUSTOMER_ID) and that the API client has a ZPA role");
        }
        if (s == 403) {
            return new ZpaApiException(Kind.AUTHENTICATION, call.label(), s, "HTTP 403" + err.inParens()
                    + ": the API client's role does not allow this request");
        }
        if (s == 404 && call.list()) {
            return new ZpaApiException(Kind.CUSTOMER, call.label(), s, "HTTP 404" + err.inParens()
                    + ": no tenant with customer id " + customer + " answers here; check ZSCALER_CUSTOMER_ID"
                    + " (or ZPA_CUSTOMER_ID) and the base URL");
        }
        if (s == 404) {
            return new ZpaApiException(Kind.NOT_FOUND, call.label(), s, "HTTP 404" + err.inParens()
                    + ": no such object");
        }
        if (s >= 300 && s < 400) {
            String to = r.header("location");
            String where = "";
            try {
                java.net.URI u = to == null ? null : call.uri().resolve(to);
                where = u == null || u.getHost() == null ? "" : " to " + u.getScheme() + "://" + u.getHost();
            } catch (IllegalArgumentException e) {
                // an unparseable location is not worth naming
            }
            return new ZpaApiException(Kind.CONFIGURATION, call.label(), s, "HTTP " + s + ": redirected" + where
                    + ", which is not followed with credentials; set the base URL to the host that answers");
        }
        return new ZpaApiException(s >= 500 ? Kind.UNAVAILABLE : Kind.REJECTED, call.label(), s, "HTTP " + s
                + err.inParens());
    }

    private ZpaApiException legacyRefused(String label, int status) {
        return new ZpaApiException(Kind.LEGACY_REFUSED, label, status, "this tenant answers only through Zscaler"
                + " OneAPI, so legacy ZPA API keys (ZPA_CLIENT_ID) are refused; create an API client in ZIdentity"
                + " and set ZSCALER_CLIENT_ID, ZSCALER_CLIENT_SECRET and ZSCALER_VANITY_DOMAIN instead");
    }

    private static String describe(IOException e) {
        if (e instanceof HttpConnectTimeoutException) {
            return "no connection within the connect timeout";
        }
        if (e instanceof HttpTimeoutException) {
            return e.getMessage() != null && e.getMessage().startsWith("no complete answer") ? e.getMessage()
                    : "no answer within the read timeout";
        }
        if (e instanceof ConnectException) {
            return "connection refused or unreachable";
        }
        String m = e.getMessage();
        String lower = m == null ? "" : m.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("reset")) {
            return "the connection was reset";
        }
        if (lower.contains("eof") || lower.contains("closed") || lower.contains("no bytes")
                || lower.contains("bytes received")) {
            return "the connection closed before the answer was complete";
        }
        return "network error (" + e.getClass().getSimpleName() + ")";
    }

    private static Duration firstOf(Duration a, Duration b, Duration c) {
        return a != null ? a : b != null ? b : c;
    }
}
