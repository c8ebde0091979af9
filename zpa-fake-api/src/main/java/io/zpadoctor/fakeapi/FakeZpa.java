package io.zpadoctor.fakeapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A ZPA management API on loopback, as {@code zpa-domain.md} sections 2 and 3 describe it: the OneAPI token
 * endpoint and the legacy {@code /signin}, {@code /zpa/mgmtconfig} or {@code /mgmtconfig} paths per customer,
 * string-typed pages of at most 500, 20 GET and 10 writes per 10 s with {@code 429} and {@code retry-after: 4s},
 * and the API's error bodies. Faults can be scripted per request, and every request is recorded.
 */
public final class FakeZpa implements AutoCloseable {
    /** The 429 body the API sends (zpa-domain.md 2.4). */
    public static final String TOO_MANY = "{\"exception\":\"invalid.toomanyrequests\",\"id\":\"invalid.toomanyrequests\","
            + "\"reason\":\"Exceeded the number of requests allowed.\"}";
    /** The OneAPI gateway's 401 body. */
    public static final String GATEWAY_401 = "{\"detail\":\"unauthorized\",\"type\":\"\",\"title\":\"\",\"status\":\"\"}";
    /** What a legacy endpoint answers a tenant migrated to OneAPI (the documented phrase, in a plain-text body). */
    public static final String ONEAPI_ONLY = "Access denied: this tenant can be managed only through Zscaler OneAPI.";
    /** A grace for requests already on the wire when a 429 was sent. */
    private static final long IN_FLIGHT_GRACE_NANOS = Duration.ofMillis(400).toNanos(); // generous: on a loaded 2-core CI box a sent request can take that long to arrive

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** How the fake authenticates and which path prefix it serves. */
    public enum Mode { ONEAPI, LEGACY, LEGACY_MIGRATED }

    /** How list pages look: as ZPA sends them, or as servers written from looser readings of the docs might. */
    public enum PageStyle {
        /** {@code {"totalPages":"3","totalCount":"1200","list":[...]}}, counts as strings. */
        WIRE,
        /** Counts as JSON numbers. */
        NUMBERS,
        /** Only {@code totalCount} and {@code list}. */
        COUNT_ONLY,
        /** Only {@code list}: the client must page until a short page. */
        LIST_ONLY
    }

    /** What a wrong customer id gets back. */
    public enum WrongCustomer { NOT_FOUND_404, UNAUTHORIZED_401 }

    /** One request as it arrived, and what it was answered. */
    public record Request(long arrivedNanos, String method, String path, Map<String, String> query,
                          boolean bearer, int status, String body) {
        public String param(String name) {
            return query.get(name);
        }

        public boolean isApi() {
            return path.contains("/admin/customers/");
        }
    }

    private final Mode mode;
    private final String customerId;
    private final String clientId;
    private final String clientSecret;
    private final Duration tokenLifetime;
    private final int getLimit;
    private final int writeLimit;
    private final Duration window;
    private final Duration fixedRetryAfter;
    private final boolean rateHeaders;
    private final WrongCustomer wrongCustomer;
    private final PageStyle pageStyle;
    private final int maxPageSize;
    private final boolean certificatesUnderV1;
    private final FakeTenant tenant;
    private final HttpServer server;
    private final ExecutorService executor;

    private final Map<String, Long> tokens = new ConcurrentHashMap<>();
    private final List<String> issued = new CopyOnWriteArrayList<>();
    private final List<Request> log = new CopyOnWriteArrayList<>();
    private final List<Fault.Rule> faults = new CopyOnWriteArrayList<>();
    private final Deque<Long> recentGets = new ArrayDeque<>();
    private final Deque<Long> recentWrites = new ArrayDeque<>();
    private final List<long[]> pauses = new CopyOnWriteArrayList<>();
    private final AtomicInteger violations = new AtomicInteger();
    private final AtomicInteger deletes = new AtomicInteger();
    private final AtomicInteger nextId = new AtomicInteger(900_000);

    private FakeZpa(Builder b) throws IOException {
        this.mode = b.mode;
        this.customerId = b.customerId;
        this.clientId = b.clientId;
        this.clientSecret = b.clientSecret;
        this.tokenLifetime = b.tokenLifetime;
        this.getLimit = b.getLimit;
        this.writeLimit = b.writeLimit;
        this.window = b.window;
        this.fixedRetryAfter = b.fixedRetryAfter;
        this.rateHeaders = b.rateHeaders;
        this.wrongCustomer = b.wrongCustomer;
        this.pageStyle = b.pageStyle;
        this.maxPageSize = b.maxPageSize;
        this.certificatesUnderV1 = b.certificatesUnderV1;
        this.tenant = b.tenant;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), b.port), 64);
        this.executor = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "fake-zpa");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code http://127.0.0.1:<port>}: the host root, as {@code --base-url} takes it. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The token endpoint: {@code /oauth2/v1/token} (OneAPI) or {@code /signin} (legacy). */
    public String tokenUrl() {
        return baseUrl() + (mode == Mode.ONEAPI ? "/oauth2/v1/token" : "/signin");
    }

    public FakeTenant tenant() {
        return tenant;
    }

    /** Every request so far, in arrival order. */
    public List<Request> requests() {
        return List.copyOf(log);
    }

    public List<Request> requests(Predicate<Request> which) {
        return log.stream().filter(which).toList();
    }

    /** API requests (not token requests). */
    public int apiRequests() {
        return (int) log.stream().filter(Request::isApi).count();
    }

    public int tokenRequests() {
        return (int) log.stream().filter(r -> !r.isApi()).count();
    }

    /** 429 answers sent. */
    public int tooManyRequests() {
        return (int) log.stream().filter(r -> r.status() == 429).count();
    }

    /** Requests that arrived while a 429's retry-after was still running (beyond requests already on the wire). */
    public int pauseViolations() {
        return violations.get();
    }

    public int deleteRequests() {
        return deletes.get();
    }

    /** Scripts a fault for the next {@code times} requests that match. */
    public FakeZpa fault(Predicate<Request> when, int times, Fault fault) {
        faults.add(new Fault.Rule(when, times, fault));
        return this;
    }

    /** Every token handed out: secrets a client must never print. */
    public List<String> issuedTokens() {
        return List.copyOf(issued);
    }

    /** Revokes every token issued so far, as an expired or revoked session looks to the client. */
    public void revokeTokens() {
        tokens.clear();
    }

    public void clearLog() {
        log.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---------------------------------------------------------------------------------------------------------

    private void handle(HttpExchange ex) throws IOException {
        long arrived = System.nanoTime();
        String method = ex.getRequestMethod();
        URI uri = ex.getRequestURI();
        String path = uri.getPath();
        Map<String, String> query = query(uri.getRawQuery());
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        byte[] reqBody = ex.getRequestBody().readAllBytes();
        Answer a;
        try {
            a = answer(arrived, method, path, query, auth, reqBody);
        } catch (RuntimeException e) {
            a = Answer.json(500, "{\"id\":\"internal\",\"reason\":\"" + e.getClass().getSimpleName() + "\"}");
        }
        Fault f = null;
        Request probe = new Request(arrived, method, path, query, auth != null && auth.startsWith("Bearer "),
                a.status, method.equals("GET") ? null : new String(reqBody, StandardCharsets.UTF_8));
        for (Fault.Rule rule : faults) {
            if (rule.take(probe)) {
                f = rule.fault();
                break;
            }
        }
        if (f != null && f.pageInsteadOf() != null) {
            Map<String, String> other = new java.util.HashMap<>(query);
            other.put("page", Integer.toString(f.pageInsteadOf()));
            a = answer(arrived, method, path, other, auth, reqBody);
            f = null;
        }
        if (f != null && f.replacement() != null) {
            a = f.replacement();
            if (a.status == 429) {
                Long wait = retryAfterSeconds(a.headers.get("retry-after"));
                if (wait != null) {
                    pauses.add(new long[] {arrived, arrived + Duration.ofSeconds(wait).toNanos()});
                }
            }
        }
        log.add(new Request(arrived, method, path, query, probe.bearer(), f != null && f.replacement() == null
                ? -1 : a.status, probe.body()));
        if (f != null && f.replacement() == null) {
            f.spoil(ex, a);
            return;
        }
        a.send(ex);
    }

    private static Long retryAfterSeconds(String v) {
        if (v == null) {
            return null;
        }
        try {
            return Long.parseLong(v.replace("\"", "").replace("s", "").strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Answer answer(long arrived, String method, String path, Map<String, String> query, String auth,
                          byte[] body) {
        if (path.equals("/oauth2/v1/token") && method.equals("POST")) {
            return mode == Mode.ONEAPI ? oneApiToken(form(body)) : Answer.json(404, notFound("token endpoint"));
        }
        if (path.equals("/signin") && method.equals("POST")) {
            if (mode == Mode.LEGACY_MIGRATED) {
                return Answer.text(401, ONEAPI_ONLY);
            }
            return mode == Mode.LEGACY ? legacyToken(form(body)) : Answer.json(404, notFound("signin"));
        }
        String prefix = mode == Mode.ONEAPI ? "/zpa/mgmtconfig/" : "/mgmtconfig/";
        if (!path.startsWith(prefix)) {
            return Answer.json(404, notFound(path));
        }
        String rest = path.substring(prefix.length());           // v1/admin/customers/{cid}/...
        String[] parts = rest.split("/", 5);
        if (parts.length < 5 || !parts[1].equals("admin") || !parts[2].equals("customers")) {
            return Answer.json(404, notFound(path));
        }
        if (!authorised(auth)) {
            return mode == Mode.ONEAPI ? Answer.json(401, GATEWAY_401)
                    : mode == Mode.LEGACY_MIGRATED ? Answer.text(401, ONEAPI_ONLY)
                    : Answer.json(401, "{\"id\":\"authentication.failed\",\"reason\":\"Invalid or expired token\"}");
        }
        boolean get = method.equals("GET");
        Answer limited = rateLimit(arrived, get);
        if (limited != null) {
            return limited;
        }
        noteViolation(arrived);
        if (!parts[3].equals(customerId)) {
            return wrongCustomer == WrongCustomer.NOT_FOUND_404 ? Answer.json(404, notFound("customer " + parts[3]))
                    : Answer.json(401, GATEWAY_401);
        }
        String version = parts[0];
        String resource = parts[4];
        Answer a = switch (method) {
            case "GET" -> get(version, resource, query);
            case "PUT" -> put(resource, body);
            case "POST" -> post(resource, body);
            case "DELETE" -> {
                deletes.incrementAndGet();
                yield Answer.json(405, "{\"id\":\"not.allowed\",\"reason\":\"the fake never deletes\"}");
            }
            default -> Answer.json(405, "{\"id\":\"method.not.allowed\",\"reason\":\"" + method + "\"}");
        };
        return rateHeaders ? a.withQuotaHeaders(quotaHeaders(arrived, get)) : a;
    }

    private Answer oneApiToken(Map<String, String> form) {
        if (!"client_credentials".equals(form.get("grant_type"))
                || !"https://api.zscaler.com".equals(form.get("audience"))) {
            return Answer.json(400, "{\"error\":\"invalid_request\",\"error_description\":\"grant_type"
                    + " client_credentials and audience https://api.zscaler.com are required\"}");
        }
        if (!clientId.equals(form.get("client_id")) || !clientSecret.equals(form.get("client_secret"))) {
            return Answer.json(401, "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}");
        }
        return Answer.json(200, "{\"access_token\":\"" + issue() + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                + tokenLifetime.toSeconds() + "}");
    }

    private Answer legacyToken(Map<String, String> form) {
        if (!clientId.equals(form.get("client_id")) || !clientSecret.equals(form.get("client_secret"))) {
            return Answer.json(401, "{\"id\":\"authentication.failed\",\"reason\":\"Invalid client credentials\"}");
        }
        return Answer.json(200, "{\"token_type\":\"Bearer\",\"access_token\":\"" + issue() + "\",\"expires_in\":\""
                + tokenLifetime.toSeconds() + "\"}");
    }

    private String issue() {
        String t = "fake-token-" + UUID.randomUUID();
        tokens.put(t, System.nanoTime() + tokenLifetime.toNanos());
        issued.add(t);
        return t;
    }

    private boolean authorised(String auth) {
        if (auth == null || !auth.startsWith("Bearer ")) {
            return false;
        }
        Long expires = tokens.get(auth.substring(7).strip());
        return expires != null && System.nanoTime() - expires < 0;
    }

    /** A sliding window over arrivals; a refused request does not count. */
    private synchronized Answer rateLimit(long now, boolean get) {
        if (getLimit <= 0) {
            return null;
        }
        Deque<Long> recent = get ? recentGets : recentWrites;
        int limit = get ? getLimit : writeLimit;
        while (!recent.isEmpty() && now - recent.peekFirst() >= window.toNanos()) {
            recent.pollFirst();
        }
        if (recent.size() < limit) {
            recent.addLast(now);
            return null;
        }
        long freeIn = recent.peekFirst() + window.toNanos() - now;
        long seconds = fixedRetryAfter != null ? fixedRetryAfter.toSeconds()
                : Math.max(1, (freeIn + 999_999_999L) / 1_000_000_000L);
        pauses.add(new long[] {now, now + Duration.ofSeconds(seconds).toNanos()});
        Answer a = Answer.json(429, TOO_MANY).header("retry-after", seconds + "s");
        return rateHeaders ? a.withQuotaHeaders(Map.of("x-ratelimit-limit", limit + ", " + limit + ";w="
                + window.toSeconds(), "x-ratelimit-remaining", "0", "x-ratelimit-reset", String.valueOf(seconds))) : a;
    }

    private synchronized Map<String, String> quotaHeaders(long now, boolean get) {
        Deque<Long> recent = get ? recentGets : recentWrites;
        int limit = get ? getLimit : writeLimit;
        long reset = recent.isEmpty() ? 0 : Math.max(1, (recent.peekFirst() + window.toNanos() - now + 999_999_999L)
                / 1_000_000_000L);
        return Map.of("x-ratelimit-limit", limit + ", " + limit + ";w=" + window.toSeconds(),
                "x-ratelimit-remaining", String.valueOf(Math.max(0, limit - recent.size())),
                "x-ratelimit-reset", String.valueOf(reset));
    }

    private void noteViolation(long arrived) {
        for (long[] p : pauses) {
            if (arrived - (p[0] + IN_FLIGHT_GRACE_NANOS) > 0 && arrived - p[1] < 0) {
                violations.incrementAndGet();
                return;
            }
        }
    }

    private Answer get(String version, String resource, Map<String, String> query) {
        String collection = FakeTenant.collectionOf(resource);
        if (collection != null && collection.equals(resource)) {
            boolean v2Only = collection.equals("enrollmentCert") && !certificatesUnderV1;
            if (v2Only != version.equals("v2")) {
                return Answer.json(404, notFound(version + "/" + resource));
            }
            return page(tenant.list(collection), query);
        }
        if (collection != null && version.equals("v1")) {
            String id = resource.substring(collection.length() + 1);
            ObjectNode o = tenant.get(collection, id);
            return o == null ? Answer.json(404, notFound(resource)) : Answer.json(200, write(o));
        }
        return Answer.json(404, notFound(resource));
    }

    private Answer page(List<ObjectNode> all, Map<String, String> query) {
        int size = clamp(parseInt(query.get("pagesize"), 20), 1, maxPageSize);
        int page = Math.max(1, parseInt(query.get("page"), 1));
        int totalPages = (all.size() + size - 1) / size;
        ObjectNode out = MAPPER.createObjectNode();
        switch (pageStyle) {
            case WIRE -> {
                out.put("totalPages", String.valueOf(totalPages));
                out.put("totalCount", String.valueOf(all.size()));
            }
            case NUMBERS -> {
                out.put("totalPages", totalPages);
                out.put("totalCount", all.size());
            }
            case COUNT_ONLY -> out.put("totalCount", all.size());
            case LIST_ONLY -> out.putArray("list");
        }
        int from = (page - 1) * size;
        if (from < all.size()) {
            ArrayNode list = out.has("list") ? (ArrayNode) out.get("list") : out.putArray("list");
            for (int i = from; i < Math.min(all.size(), from + size); i++) {
                list.add(all.get(i));
            }
        }
        return Answer.json(200, write(out));
    }

    private Answer put(String resource, byte[] body) {
        String collection = FakeTenant.collectionOf(resource);
        if (collection == null || collection.equals(resource)) {
            return Answer.json(405, "{\"id\":\"method.not.allowed\",\"reason\":\"PUT needs an object id\"}");
        }
        String id = resource.substring(collection.length() + 1);
        ObjectNode current = tenant.get(collection, id);
        if (current == null) {
            return Answer.json(404, notFound(resource));
        }
        JsonNode n;
        try {
            n = MAPPER.readTree(body);
        } catch (IOException e) {
            return Answer.json(400, "{\"id\":\"bad.request\",\"reason\":\"the body is not JSON\"}");
        }
        if (!(n instanceof ObjectNode o) || !o.path("name").isTextual()) {
            return Answer.json(400, "{\"id\":\"bad.request\",\"reason\":\"PUT replaces the object: send it whole,"
                    + " name included\"}");
        }
        ObjectNode replaced = o.deepCopy();
        replaced.put("id", id);
        if (current.has("provisioningKey")) {
            replaced.set("provisioningKey", current.get("provisioningKey"));   // generated; never set by a PUT
        }
        replaced.put("modifiedTime", String.valueOf(System.currentTimeMillis() / 1000));
        tenant.put(collection, replaced);
        return Answer.empty(204);
    }

    private Answer post(String resource, byte[] body) {
        if (!resource.equals("associationType/CONNECTOR_GRP/provisioningKey")) {
            return Answer.json(405, "{\"id\":\"method.not.allowed\",\"reason\":\"the fake creates only keys\"}");
        }
        JsonNode n;
        try {
            n = MAPPER.readTree(body);
        } catch (IOException e) {
            return Answer.json(400, "{\"id\":\"bad.request\",\"reason\":\"the body is not JSON\"}");
        }
        if (!(n instanceof ObjectNode o) || !o.path("name").isTextual() || !o.hasNonNull("maxUsage")
                || !o.hasNonNull("zcomponentId")) {
            return Answer.json(400, "{\"id\":\"bad.request\",\"reason\":\"name, maxUsage and zcomponentId are required\"}");
        }
        String group = o.get("zcomponentId").asText();
        ObjectNode g = tenant.get("appConnectorGroup", group);
        if (g == null) {
            return Answer.json(400, "{\"id\":\"bad.request\",\"reason\":\"no connector group " + group + "\"}");
        }
        ObjectNode k = o.deepCopy();
        String id = String.valueOf(nextId.incrementAndGet());
        k.put("id", id);
        k.put("maxUsage", o.get("maxUsage").asText());
        k.put("usageCount", "0");
        k.put("zcomponentName", g.path("name").asText());
        k.put("associationType", "CONNECTOR_GRP");
        if (!k.has("enabled")) {
            k.put("enabled", true);
        }
        k.put("provisioningKey", FakeTenant.keyString(id));
        tenant.put("associationType/CONNECTOR_GRP/provisioningKey", k);
        return Answer.json(200, write(k));
    }

    private static String notFound(String what) {
        return "{\"id\":\"resource.not.found\",\"reason\":\"Resource not found: " + what.replace("\"", "") + "\"}";
    }

    private static String write(JsonNode n) {
        try {
            return MAPPER.writeValueAsString(n);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw != null) {
            for (String kv : raw.split("&")) {
                int i = kv.indexOf('=');
                String k = URLDecoder.decode(i < 0 ? kv : kv.substring(0, i), StandardCharsets.UTF_8);
                q.put(k, i < 0 ? "" : URLDecoder.decode(kv.substring(i + 1), StandardCharsets.UTF_8));
            }
        }
        return Collections.unmodifiableMap(q);
    }

    private static Map<String, String> form(byte[] body) {
        return query(new String(body, StandardCharsets.UTF_8));
    }

    private static int parseInt(String s, int dflt) {
        try {
            return s == null ? dflt : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /** An answer ready to send (or to be spoiled by a fault). */
    public static final class Answer {
        final int status;
        final byte[] body;
        final String contentType;
        final Map<String, String> headers = new HashMap<>();

        private Answer(int status, byte[] body, String contentType) {
            this.status = status;
            this.body = body;
            this.contentType = contentType;
        }

        static Answer json(int status, String body) {
            return new Answer(status, body.getBytes(StandardCharsets.UTF_8), "application/json");
        }

        static Answer text(int status, String body) {
            return new Answer(status, body.getBytes(StandardCharsets.UTF_8), "text/plain");
        }

        static Answer empty(int status) {
            return new Answer(status, new byte[0], null);
        }

        Answer header(String k, String v) {
            headers.put(k, v);
            return this;
        }

        Answer withQuotaHeaders(Map<String, String> h) {
            headers.putAll(h);
            return this;
        }

        public int status() {
            return status;
        }

        public byte[] body() {
            return body;
        }

        void sendHeaders(HttpExchange ex, long length) throws IOException {
            headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            if (contentType != null) {
                ex.getResponseHeaders().add("Content-Type", contentType);
            }
            ex.sendResponseHeaders(status, length);
        }

        void send(HttpExchange ex) throws IOException {
            try {
                sendHeaders(ex, body.length == 0 ? -1 : body.length);
                if (body.length > 0) {
                    try (OutputStream os = ex.getResponseBody()) {
                        os.write(body);
                    }
                }
            } finally {
                ex.close();
            }
        }
    }

    public static final class Builder {
        private Mode mode = Mode.ONEAPI;
        private String customerId = "72058304855015424";
        private String clientId = "fake-client-id";
        private String clientSecret = "fake-client-secret";
        private Duration tokenLifetime = Duration.ofSeconds(86_399);
        private int getLimit = 20;
        private int writeLimit = 10;
        private Duration window = Duration.ofSeconds(10);
        private Duration fixedRetryAfter;
        private boolean rateHeaders;
        private WrongCustomer wrongCustomer = WrongCustomer.NOT_FOUND_404;
        private PageStyle pageStyle = PageStyle.WIRE;
        private int maxPageSize = 500;
        private boolean certificatesUnderV1;
        private FakeTenant tenant = FakeTenant.generate(12, 1);
        private int port;

        public Builder mode(Mode v) { this.mode = v; return this; }
        public Builder customerId(String v) { this.customerId = v; return this; }
        public Builder credentials(String id, String secret) { this.clientId = id; this.clientSecret = secret; return this; }
        public Builder tokenLifetime(Duration v) { this.tokenLifetime = v; return this; }
        /** At most {@code gets} GET and {@code writes} writes per {@code window}; 0 gets switches limiting off. */
        public Builder rateLimit(int gets, int writes, Duration window) {
            this.getLimit = gets;
            this.writeLimit = writes;
            this.window = window;
            return this;
        }
        /** Always answer 429 with this retry-after (ZPA's wire shows "4s"); by default, the time until a slot frees. */
        public Builder fixedRetryAfter(Duration v) { this.fixedRetryAfter = v; return this; }
        /** Send OneAPI's x-ratelimit-limit / -remaining / -reset headers. */
        public Builder rateHeaders(boolean v) { this.rateHeaders = v; return this; }
        public Builder wrongCustomer(WrongCustomer v) { this.wrongCustomer = v; return this; }
        public Builder tenant(FakeTenant v) { this.tenant = v; return this; }
        public Builder pageStyle(PageStyle v) { this.pageStyle = v; return this; }
        /** List enrollment certificates under v1 only (the SDKs and the recorded traffic use v2). */
        public Builder certificatesUnderV1(boolean v) { this.certificatesUnderV1 = v; return this; }
        /** The largest page the server hands out, whatever pagesize asks (ZPA's is 500). */
        public Builder maxPageSize(int v) { this.maxPageSize = v; return this; }
        public Builder port(int v) { this.port = v; return this; }

        public FakeZpa start() throws IOException {
            return new FakeZpa(this);
        }
    }
}
