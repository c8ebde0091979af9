package io.zpadoctor.client.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zpadoctor.client.internal.JsonApiObject;
import io.zpadoctor.client.api.internal.Call;
import io.zpadoctor.client.api.internal.Endpoints;
import io.zpadoctor.client.api.internal.Http;
import io.zpadoctor.client.api.internal.Requester;
import io.zpadoctor.client.api.internal.TenantLoader;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/**
 * A client of one tenant's ZPA management API.
 *
 * <pre>{@code
 * try (ZpaClient zpa = ZpaClient.create(ZpaApiConfig.fromEnvironment(System.getenv()).build())) {
 *     TenantRead read = zpa.readTenant(ReadListener.NONE);
 *     Diagnosis d = doctor.diagnose(Facts.builder().tenant(read.tenant()).build());
 * }
 * }</pre>
 *
 * Thread-safe. Every request shares one rate limiter (the SDKs' 20 GET and 10 writes per 10 s by default), one
 * token, and one pause after a 429. Provisioning key strings never leave the client: {@link #get} drops them and a
 * {@link TenantRead} holds only their public prefix.
 */
public final class ZpaClient implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ZpaApiConfig config;
    private final Requester requester;
    private final Endpoints endpoints;

    private ZpaClient(ZpaApiConfig config) {
        this.config = config;
        this.requester = new Requester(config);
        this.endpoints = new Endpoints(config);
    }

    public static ZpaClient create(ZpaApiConfig config) {
        return new ZpaClient(config);
    }

    public ZpaApiConfig config() {
        return config;
    }

    /**
     * Reads connectors, connector groups, App Connector provisioning keys, enrollment certificates, server groups
     * and application segments: every page, as few pages as the API allows ({@code pagesize=500}), several at
     * once within the rate limit. Fails, naming the request, if any page cannot be read.
     */
    public TenantRead readTenant(ReadListener listener) throws ZpaApiException {
        ReadListener l = listener == null ? new ReadListener() { } : listener;
        long start = System.nanoTime();
        Requester.Counters c = requester.counters();
        int requests = c.requests.get();
        int tokens = c.tokenRequests.get();
        int limited = c.rateLimited.get();
        int retries = c.retries.get();
        long paused = c.pausedNanos.get();
        requester.listener(new Requester.Listener() {
            @Override
            public void paused(Duration wait, String why) {
                l.paused(wait, why);
            }

            @Override
            public void retrying(String request, int attempt, String why, Duration wait) {
                l.retrying(request, attempt, why, wait);
            }
        });
        try {
            TenantLoader.Result r = new TenantLoader(config, requester, endpoints, l).load();
            ReadStats stats = new ReadStats(c.requests.get() - requests, r.pages(), c.tokenRequests.get() - tokens,
                    c.rateLimited.get() - limited, c.retries.get() - retries,
                    Duration.ofNanos(c.pausedNanos.get() - paused), Duration.ofNanos(System.nanoTime() - start));
            return new TenantRead(r.tenant(), r.objects(), r.warnings(), Instant.now(), stats);
        } finally {
            requester.listener(null);
        }
    }

    /** {@code GET} one object, e.g. {@code get("connector/72058304855090012")}, without its key string if it has one. */
    public ApiObject get(String resource) throws ZpaApiException {
        Call call = Call.get(endpoints.resource(resource), false);
        ObjectNode n = requester.execute(call, r -> object(r, call, true));
        n.remove("provisioningKey");
        return JsonApiObject.of(n);
    }

    /** {@code PUT} a whole object back (ZPA replaces the object with what is sent; the answer is 204). */
    public void put(String resource, ApiObject body) throws ZpaApiException {
        Call call = new Call("PUT", endpoints.resource(resource), bytes(body), false);
        requester.execute(call, r -> null);
    }

    /**
     * {@code POST} a new object and return what the API answered (the created object, its key string removed), or
     * an empty object when the answer had no body.
     */
    public ApiObject post(String resource, ApiObject body) throws ZpaApiException {
        Call call = new Call("POST", endpoints.resource(resource), bytes(body), false);
        ObjectNode n = requester.execute(call, r -> object(r, call, false));
        n.remove("provisioningKey");
        return JsonApiObject.of(n);
    }

    /** The full URL a resource has, as a dry run prints it. */
    public URI uri(String resource) {
        return endpoints.resource(resource);
    }

    /** Counts since the client was created. */
    public ReadStats stats() {
        Requester.Counters c = requester.counters();
        return new ReadStats(c.requests.get(), 0, c.tokenRequests.get(), c.rateLimited.get(), c.retries.get(),
                Duration.ofNanos(c.pausedNanos.get()), Duration.ZERO);
    }

    @Override
    public void close() {
        // nothing pooled outlives a read; the JDK client's connections close with it
    }

    private static byte[] bytes(ApiObject body) {
        try {
            return MAPPER.writeValueAsBytes(JsonApiObject.node(body));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write the request body", e);
        }
    }

    private static ObjectNode object(Http.Response r, Call call, boolean required) throws Requester.BadBody {
        if (r.body().length == 0 && !required) {
            return MAPPER.createObjectNode();
        }
        try {
            JsonNode n = MAPPER.readTree(r.body());
            if (n instanceof ObjectNode o) {
                return o;
            }
            if (n == null && !required) {
                return MAPPER.createObjectNode();
            }
            throw new Requester.BadBody("expected a JSON object, found " + (n == null ? "nothing" : n.getNodeType()));
        } catch (IOException e) {
            throw new Requester.BadBody("the answer is not valid JSON" + (e.getMessage() != null
                    && e.getMessage().contains("end-of-input") ? " (cut short?)" : ""));
        }
    }
}
