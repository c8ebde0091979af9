package io.zpadoctor.client.api;

import io.zpadoctor.model.TenantLocation;
import io.zpadoctor.client.api.internal.Clouds;
import io.zpadoctor.client.api.internal.SafeUrls;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything needed to talk to one ZPA tenant: how to authenticate, where, and how politely.
 *
 * <pre>{@code
 * ZpaApiConfig config = ZpaApiConfig.fromEnvironment(System.getenv()).build();   // as the official SDKs
 * ZpaApiConfig config = ZpaApiConfig.builder().oneApi("client-id", secret).vanityDomain("acme")
 *         .customerId("72058304855015424").build();
 * }</pre>
 *
 * {@link Builder#build()} checks the whole configuration at once and names every missing or unsafe setting in one
 * {@link ZpaApiException} of kind {@code CONFIGURATION}. The client secret is kept out of {@link #toString()}.
 */
public final class ZpaApiConfig {
    /** The OAuth2 audience every OneAPI token is asked for. */
    public static final String ONEAPI_AUDIENCE = "https://api.zscaler.com";

    private final AuthMode mode;
    private final String clientId;
    private final String clientSecret;
    private final String customerId;
    private final String microtenantId;
    private final String partnerId;
    private final URI baseUrl;
    private final URI tokenUrl;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration retryBudget;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final int getsPerWindow;
    private final int writesPerWindow;
    private final Duration rateWindow;
    private final int concurrency;
    private final int pageSize;
    private final java.net.ProxySelector proxySelector;
    private final java.net.http.HttpClient httpClient;

    private ZpaApiConfig(Builder b, URI baseUrl, URI tokenUrl, java.net.ProxySelector proxySelector) {
        this.mode = b.mode;
        this.clientId = b.clientId;
        this.clientSecret = b.clientSecret;
        this.customerId = b.customerId;
        this.microtenantId = b.microtenantId;
        this.partnerId = b.partnerId;
        this.baseUrl = baseUrl;
        this.tokenUrl = tokenUrl;
        this.connectTimeout = b.connectTimeout;
        this.readTimeout = b.readTimeout;
        this.retryBudget = b.retryBudget;
        this.maxAttempts = b.maxAttempts;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.getsPerWindow = b.getsPerWindow;
        this.writesPerWindow = b.writesPerWindow;
        this.rateWindow = b.rateWindow;
        this.concurrency = b.concurrency;
        this.pageSize = b.pageSize;
        this.proxySelector = proxySelector;
        this.httpClient = b.httpClient;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder filled from the variables the official SDKs read: {@code ZSCALER_CLIENT_ID},
     * {@code ZSCALER_CLIENT_SECRET}, {@code ZSCALER_VANITY_DOMAIN}, {@code ZSCALER_CLOUD},
     * {@code ZSCALER_CUSTOMER_ID} or {@code ZPA_CUSTOMER_ID}, {@code ZPA_MICROTENANT_ID},
     * {@code ZSCALER_PARTNER_ID}; for legacy API keys {@code ZPA_CLIENT_ID}, {@code ZPA_CLIENT_SECRET},
     * {@code ZPA_CLOUD} (chosen when only those are set, or with {@code ZSCALER_USE_LEGACY_CLIENT=true}); and ZPA
     * Doctor's own {@code ZPA_DOCTOR_BASE_URL} and {@code ZPA_DOCTOR_TOKEN_URL}. Later builder calls override.
     */
    public static Builder fromEnvironment(Map<String, String> env) {
        Builder b = new Builder();
        boolean legacy = truthy(env.get("ZSCALER_USE_LEGACY_CLIENT"))
                || (blank(env.get("ZSCALER_CLIENT_ID")) && !blank(env.get("ZPA_CLIENT_ID")));
        if (legacy) {
            b.legacy(env.get("ZPA_CLIENT_ID"), env.get("ZPA_CLIENT_SECRET"));
            b.cloud(first(env.get("ZPA_CLOUD"), env.get("ZSCALER_CLOUD")));
        } else {
            b.oneApi(env.get("ZSCALER_CLIENT_ID"), env.get("ZSCALER_CLIENT_SECRET"));
            b.cloud(env.get("ZSCALER_CLOUD"));
            b.privateKeySet = !blank(env.get("ZSCALER_PRIVATE_KEY"));
        }
        b.vanityDomain(env.get("ZSCALER_VANITY_DOMAIN"));
        b.customerId(first(env.get("ZSCALER_CUSTOMER_ID"), env.get("ZPA_CUSTOMER_ID")));
        b.microtenantId(env.get("ZPA_MICROTENANT_ID"));
        b.partnerId(env.get("ZSCALER_PARTNER_ID"));
        b.baseUrl(env.get("ZPA_DOCTOR_BASE_URL"));
        b.tokenUrl(env.get("ZPA_DOCTOR_TOKEN_URL"));
        b.httpsProxy = first(env.get("HTTPS_PROXY"), env.get("https_proxy"));
        b.httpProxy = first(env.get("HTTP_PROXY"), env.get("http_proxy"));
        b.noProxy = first(env.get("NO_PROXY"), env.get("no_proxy"));
        b.fromEnvironment = true;
        return b;
    }

    public AuthMode mode() { return mode; }
    public String clientId() { return clientId; }
    /** The client secret; only the token request may use it. */
    public String clientSecret() { return clientSecret; }
    public String customerId() { return customerId; }
    public String microtenantId() { return microtenantId; }
    public String partnerId() { return partnerId; }
    /** The API host root, e.g. {@code https://api.zsapi.net}; the client appends the mgmtconfig path. */
    public URI baseUrl() { return baseUrl; }
    /** Where tokens come from: the ZIdentity token endpoint, or the legacy {@code /signin}. */
    public URI tokenUrl() { return tokenUrl; }
    public Duration connectTimeout() { return connectTimeout; }
    public Duration readTimeout() { return readTimeout; }
    public Duration retryBudget() { return retryBudget; }
    public int maxAttempts() { return maxAttempts; }
    public Duration initialBackoff() { return initialBackoff; }
    public Duration maxBackoff() { return maxBackoff; }
    public int getsPerWindow() { return getsPerWindow; }
    public int writesPerWindow() { return writesPerWindow; }
    public Duration rateWindow() { return rateWindow; }
    public int concurrency() { return concurrency; }
    public int pageSize() { return pageSize; }
    /** How requests find a proxy: the builder's selector, or one from HTTPS_PROXY / HTTP_PROXY / NO_PROXY; null: direct. */
    public java.net.ProxySelector proxySelector() { return proxySelector; }
    /** The embedder's own client, used as it is; null: ZPA Doctor builds one. */
    public java.net.http.HttpClient httpClient() { return httpClient; }

    /** The proxy requests to the API host go through, as {@code http://host:port} (never its password); null: direct. */
    public String proxyFor(URI uri) {
        if (httpClient != null || proxySelector == null) {
            return null;
        }
        java.util.List<java.net.Proxy> ps = proxySelector.select(uri);
        return ps.isEmpty() || ps.get(0).type() == java.net.Proxy.Type.DIRECT ? null
                : proxySelector instanceof io.zpadoctor.client.api.internal.Proxies p
                ? p.forScheme(uri.getScheme()).show() : ps.get(0).address().toString();
    }

    /**
     * The management API root every call goes under, {@code <base URL><path prefix>} (a base URL that already
     * ends with the prefix is taken as it is): what remediation steps address.
     */
    public String managementApi() {
        String base = baseUrl.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base.endsWith(pathPrefix()) ? base : base + pathPrefix();
    }

    /** Where the tenant this configuration reads lives: its customer id and management API root. */
    public TenantLocation location() {
        return TenantLocation.of(customerId, managementApi());
    }

    /** The tenant this configuration reads, as a report names where its facts came from (no credentials). */
    public String describe() {
        return "ZPA API " + baseUrl + " (" + (mode == AuthMode.ONEAPI ? "OneAPI" : "legacy API keys")
                + "), customer " + customerId + (microtenantId != null ? ", microtenant " + microtenantId : "");
    }

    /** The path every API call starts with: {@code /zpa/mgmtconfig} through OneAPI, {@code /mgmtconfig} legacy. */
    public String pathPrefix() {
        return mode == AuthMode.ONEAPI ? "/zpa/mgmtconfig" : "/mgmtconfig";
    }

    @Override
    public String toString() {
        return "ZpaApiConfig[" + mode + ", clientId=" + clientId + ", clientSecret=(hidden), customerId=" + customerId
                + (microtenantId != null ? ", microtenantId=" + microtenantId : "") + ", baseUrl=" + baseUrl
                + ", tokenUrl=" + tokenUrl + (proxyFor(baseUrl) != null ? ", proxy=" + proxyFor(baseUrl) : "") + "]";
    }

    private static boolean truthy(String s) {
        return s != null && (s.equalsIgnoreCase("true") || s.equals("1") || s.equalsIgnoreCase("yes"));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String first(String a, String b) {
        return !blank(a) ? a : b;
    }

    private static String clean(String s) {
        return blank(s) ? null : s.strip();
    }

    public static final class Builder {
        private AuthMode mode = AuthMode.ONEAPI;
        private String clientId;
        private String clientSecret;
        private String vanityDomain;
        private String cloud;
        private String customerId;
        private String microtenantId;
        private String partnerId;
        private String baseUrl;
        private String tokenUrl;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(60);
        private Duration retryBudget = Duration.ofMinutes(2);
        private int maxAttempts = 6;
        private Duration initialBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(15);
        private int getsPerWindow = 20;
        private int writesPerWindow = 10;
        private Duration rateWindow = Duration.ofSeconds(10);
        private int concurrency = 4;
        private int pageSize = 500;
        private boolean privateKeySet;
        private boolean fromEnvironment;
        private String httpsProxy;
        private String httpProxy;
        private String noProxy;
        private java.net.ProxySelector proxySelector;
        private java.net.http.HttpClient httpClient;

        private Builder() {
        }

        /** OneAPI: a ZIdentity API client's id and secret. */
        public Builder oneApi(String clientId, String clientSecret) {
            this.mode = AuthMode.ONEAPI;
            this.clientId = clean(clientId);
            this.clientSecret = clean(clientSecret);
            return this;
        }

        /** Legacy ZPA API keys (the portal's API Keys page). */
        public Builder legacy(String clientId, String clientSecret) {
            this.mode = AuthMode.LEGACY;
            this.clientId = clean(clientId);
            this.clientSecret = clean(clientSecret);
            return this;
        }

        /** Switches the mode, keeping the credentials (the command line's {@code --legacy}). */
        public Builder mode(AuthMode m) { this.mode = m; return this; }
        /** The {@code <vanity>} of {@code <vanity>.zslogin.net} (OneAPI). */
        public Builder vanityDomain(String v) { this.vanityDomain = clean(v); return this; }
        /** OneAPI: PRODUCTION (default), BETA, GOV, GOVUS...; legacy: PRODUCTION, ZPATWO, BETA, GOV, GOVUS, PREVIEW... */
        public Builder cloud(String v) { this.cloud = clean(v); return this; }
        /** The ZPA tenant id: a tenant scope, required, and not a credential. */
        public Builder customerId(String v) { this.customerId = clean(v); return this; }
        public Builder microtenantId(String v) { this.microtenantId = clean(v); return this; }
        public Builder partnerId(String v) { this.partnerId = clean(v); return this; }
        /** The API host root, overriding the cloud's ({@code https://api.zsapi.net}, {@code http://127.0.0.1:8080}). */
        public Builder baseUrl(String v) { this.baseUrl = clean(v); return this; }
        /** The token endpoint, overriding the one derived from the vanity domain (or the legacy {@code /signin}). */
        public Builder tokenUrl(String v) { this.tokenUrl = clean(v); return this; }
        public Builder connectTimeout(Duration v) { this.connectTimeout = v; return this; }
        /** How long to wait for a whole response once the request is sent. */
        public Builder readTimeout(Duration v) { this.readTimeout = v; return this; }
        /** The longest one request may spend on retries and waits before it fails. */
        public Builder retryBudget(Duration v) { this.retryBudget = v; return this; }
        public Builder maxAttempts(int v) { this.maxAttempts = v; return this; }
        /** The first retry waits about this long, each later one twice as long, up to {@code max}. */
        public Builder backoff(Duration initial, Duration max) {
            this.initialBackoff = initial;
            this.maxBackoff = max;
            return this;
        }
        /** The client's own pacing: at most {@code gets} GET and {@code writes} writes per {@code window}. */
        public Builder rateLimit(int gets, int writes, Duration window) {
            this.getsPerWindow = gets;
            this.writesPerWindow = writes;
            this.rateWindow = window;
            return this;
        }
        /** How many requests may be in flight at once. */
        public Builder concurrency(int v) { this.concurrency = v; return this; }
        /** Objects per page, 1-500; the API's maximum (500) needs the fewest requests. */
        public Builder pageSize(int v) { this.pageSize = v; return this; }

        /**
         * One HTTP proxy for every request ({@code http://[user:password@]host:port}), as {@code --proxy} gives it;
         * NO_PROXY from {@link #fromEnvironment} still sends its hosts direct. Overrides HTTPS_PROXY and HTTP_PROXY.
         */
        public Builder proxy(String url) {
            this.httpsProxy = clean(url);
            this.httpProxy = clean(url);
            return this;
        }

        /** Hosts that go direct, as NO_PROXY writes them ({@code localhost,.corp.example.com}). */
        public Builder noProxy(String hosts) { this.noProxy = clean(hosts); return this; }

        /** The embedder's own proxy selector, instead of the proxy settings above. */
        public Builder proxySelector(java.net.ProxySelector v) { this.proxySelector = v; return this; }

        /**
         * The embedder's own client, used as it is (its proxy, TLS and timeouts). It must not follow redirects:
         * a redirect would carry the token to another host.
         */
        public Builder httpClient(java.net.http.HttpClient v) { this.httpClient = v; return this; }

        /** Checks everything and names each missing or unsafe setting. */
        public ZpaApiConfig build() throws ZpaApiException {
            List<String> problems = new ArrayList<>();
            boolean legacy = mode == AuthMode.LEGACY;
            String idVar = legacy ? "ZPA_CLIENT_ID" : "ZSCALER_CLIENT_ID";
            String secretVar = legacy ? "ZPA_CLIENT_SECRET" : "ZSCALER_CLIENT_SECRET";
            if (clientId == null && clientSecret == null) {
                problems.add(fromEnvironment && !legacy
                        ? "no API credentials: set ZSCALER_CLIENT_ID and ZSCALER_CLIENT_SECRET (OneAPI), or"
                        + " ZPA_CLIENT_ID and ZPA_CLIENT_SECRET (legacy ZPA API keys)"
                        : "no API credentials: set " + idVar + " and " + secretVar);
            } else if (clientId == null) {
                problems.add("no client id: set " + idVar);
            } else if (clientSecret == null) {
                problems.add(privateKeySet
                        ? "ZSCALER_PRIVATE_KEY (private-key JWT) is not supported; set ZSCALER_CLIENT_SECRET"
                        : "no client secret: set " + secretVar);
            }
            if (customerId == null) {
                problems.add("no ZPA customer id: set ZSCALER_CUSTOMER_ID (or ZPA_CUSTOMER_ID) to the tenant id"
                        + " shown in the ZPA admin portal; it scopes every request and is not a credential");
            } else if (!customerId.matches("\\d{1,19}")) {
                problems.add("the customer id must be the numeric ZPA tenant id, not '" + customerId + "'");
            }
            if (microtenantId != null && !microtenantId.matches("\\d{1,19}")) {
                problems.add("ZPA_MICROTENANT_ID must be numeric, not '" + microtenantId + "'");
            }
            String c = cloud == null ? "PRODUCTION" : cloud.toUpperCase(Locale.ROOT);
            URI base = null;
            URI token = null;
            try {
                base = baseUrl != null ? SafeUrls.parse(baseUrl, "base URL") : legacy ? Clouds.legacyBase(c)
                        : Clouds.oneApiBase(c);
                if (tokenUrl != null) {
                    token = SafeUrls.parse(tokenUrl, "token URL");
                } else if (legacy) {
                    token = Clouds.legacySignin(c, base);
                } else if (vanityDomain != null) {
                    token = Clouds.oneApiToken(c, vanityDomain);
                } else {
                    problems.add("no token URL: set ZSCALER_VANITY_DOMAIN (the <vanity> of <vanity>.zslogin.net),"
                            + " or ZPA_DOCTOR_TOKEN_URL / --token-url");
                }
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
            if (base != null) {
                String unsafe = SafeUrls.unsafe(base, "base URL");
                if (unsafe != null) {
                    problems.add(unsafe);
                }
            }
            if (token != null) {
                String unsafe = SafeUrls.unsafe(token, "token URL");
                if (unsafe != null) {
                    problems.add(unsafe);
                }
            }
            if (pageSize < 1 || pageSize > 500) {
                problems.add("the page size must be 1-500, not " + pageSize);
            }
            if (concurrency < 1 || getsPerWindow < 1 || writesPerWindow < 1 || maxAttempts < 1) {
                problems.add("concurrency, rate limits and attempts must be at least 1");
            }
            java.net.ProxySelector selector = proxySelector;
            if (selector == null && (httpsProxy != null || httpProxy != null)) {
                try {
                    selector = new io.zpadoctor.client.api.internal.Proxies(
                            httpsProxy == null ? null : io.zpadoctor.client.api.internal.Proxies.parse(httpsProxy, "the HTTPS proxy"),
                            httpProxy == null ? null : io.zpadoctor.client.api.internal.Proxies.parse(httpProxy, "the HTTP proxy"),
                            io.zpadoctor.client.api.internal.Proxies.noProxyList(noProxy));
                } catch (IllegalArgumentException e) {
                    problems.add(e.getMessage());
                }
            }
            if (httpClient != null && httpClient.followRedirects() != java.net.http.HttpClient.Redirect.NEVER) {
                problems.add("the HttpClient must not follow redirects (HttpClient.Redirect.NEVER): a redirect would"
                        + " carry the token to another host");
            }
            if (!problems.isEmpty()) {
                throw new ZpaApiException(ZpaApiException.Kind.CONFIGURATION, String.join("; ", problems));
            }
            return new ZpaApiConfig(this, base, token, selector);
        }
    }
}
