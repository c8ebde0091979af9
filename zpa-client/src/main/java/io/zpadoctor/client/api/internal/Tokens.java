package io.zpadoctor.client.api.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zpadoctor.client.api.AuthMode;
import io.zpadoctor.client.api.ZpaApiConfig;
import io.zpadoctor.client.api.ZpaApiException;
import io.zpadoctor.client.api.ZpaApiException.Kind;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The bearer token: fetched on first use (OneAPI client credentials or legacy {@code /signin}), reused until
 * shortly before {@code expires_in} runs out, and dropped when the API answers 401 so the next call fetches a
 * fresh one. One token request at a time, however many workers ask.
 */
public final class Tokens {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Legacy sign-in answers do not always say how long a token lives; the SDKs assume an hour. */
    private static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);

    private final ZpaApiConfig config;
    private final Exchange exchange;
    private String token;
    /** Every token this client was given, also the replaced ones: a server may echo any of them back. */
    private final List<String> issued = new ArrayList<>();
    private long refreshAt;
    /** A refusal of the credentials: they will not change while the client lives, so it is not asked again. */
    private ZpaApiException refused;

    /** Sends the token request with the client's retry rules; implemented by the requester. */
    public interface Exchange {
        Http.Response send(String label, HttpRequest.Builder request) throws ZpaApiException;
    }

    public Tokens(ZpaApiConfig config, Exchange exchange) {
        this.config = config;
        this.exchange = exchange;
    }

    /** A token valid for a while yet. */
    public synchronized String token() throws ZpaApiException {
        if (refused != null) {
            throw new ZpaApiException(refused.kind(), refused.request(), refused.status(), strip(refused));
        }
        if (token == null || System.nanoTime() - refreshAt >= 0) {
            try {
                fetch();
            } catch (ZpaApiException e) {
                if (e.kind() == Kind.AUTHENTICATION || e.kind() == Kind.LEGACY_REFUSED
                        || e.kind() == Kind.CONFIGURATION) {
                    refused = e;
                }
                throw e;
            }
        }
        return token;
    }

    private static String strip(ZpaApiException e) {
        String m = e.getMessage();
        String prefix = e.request() == null ? "" : e.request() + ": ";
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }

    /** Every token fetched so far, to cut out of whatever a server echoes back. */
    public synchronized List<String> issued() {
        return List.copyOf(issued);
    }

    /** Forgets {@code used} after a 401; a token another worker already replaced is left alone. */
    public synchronized void invalidate(String used) {
        if (used != null && used.equals(token)) {
            token = null;
        }
    }

    private void fetch() throws ZpaApiException {
        boolean legacy = config.mode() == AuthMode.LEGACY;
        Map<String, String> form = new LinkedHashMap<>();
        if (!legacy) {
            form.put("grant_type", "client_credentials");
        }
        form.put("client_id", config.clientId());
        form.put("client_secret", config.clientSecret());
        if (!legacy) {
            form.put("audience", ZpaApiConfig.ONEAPI_AUDIENCE);
        }
        HttpRequest.Builder rb = HttpRequest.newBuilder(config.tokenUrl())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form(form)));
        if (legacy && config.partnerId() != null) {
            rb.header("x-partner-id", config.partnerId());
        }
        String label = "POST " + config.tokenUrl();
        Http.Response r = exchange.send(label, rb);
        JsonNode n;
        try {
            n = MAPPER.readTree(r.body());
        } catch (Exception e) {
            throw new ZpaApiException(Kind.BAD_RESPONSE, label, r.status(), "the token answer is not JSON");
        }
        JsonNode t = n == null ? null : n.get("access_token");
        if (t == null || !t.isTextual() || t.asText().isBlank()) {
            throw new ZpaApiException(Kind.BAD_RESPONSE, label, r.status(), "the token answer has no access_token");
        }
        Duration lifetime = lifetime(n.get("expires_in"));
        token = t.asText();
        issued.add(token);
        // renew a tenth of the lifetime early (at most five minutes), so a token never expires mid-read
        long margin = Math.min(Duration.ofMinutes(5).toNanos(), lifetime.toNanos() / 10);
        refreshAt = System.nanoTime() + lifetime.toNanos() - margin;
    }

    private static Duration lifetime(JsonNode v) {
        if (v == null || v.isNull()) {
            return DEFAULT_LIFETIME;
        }
        try {
            double s = v.isNumber() ? v.asDouble() : Double.parseDouble(v.asText().strip());
            return s > 0 ? Duration.ofMillis(Math.round(s * 1000)) : DEFAULT_LIFETIME;
        } catch (NumberFormatException e) {
            return DEFAULT_LIFETIME;
        }
    }

    private static String form(Map<String, String> fields) {
        StringJoiner j = new StringJoiner("&");
        fields.forEach((k, v) -> j.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return j.toString();
    }
}
