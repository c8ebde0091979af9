package io.zpadoctor.client.api.internal;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Sends one request and waits, at most the read timeout, for its whole answer. Redirects are never followed. */
public final class Http {
    /** One answer, body read in full. */
    public record Response(int status, HttpHeaders headers, byte[] body) {
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private final HttpClient client;
    private final Duration readTimeout;

    public Http(Duration connectTimeout, Duration readTimeout) {
        this(connectTimeout, readTimeout, null, null);
    }

    /**
     * With the embedder's own client when one is given (it is used as it is), else one of ours through the proxy
     * selector (none: direct).
     */
    public Http(Duration connectTimeout, Duration readTimeout, java.net.ProxySelector proxy, HttpClient given) {
        if (given != null) {
            this.client = given;
        } else {
            HttpClient.Builder b = HttpClient.newBuilder()
                    .connectTimeout(connectTimeout)
                    .followRedirects(HttpClient.Redirect.NEVER)   // a redirect must not carry the token elsewhere
                    .version(HttpClient.Version.HTTP_1_1);
            if (proxy != null) {
                b.proxy(proxy);
            }
            this.client = b.build();
        }
        this.proxies = given == null && proxy instanceof Proxies p ? p : null;
        this.readTimeout = readTimeout;
    }

    private final Proxies proxies;

    /**
     * The request with the proxy's login when its URL had one: sent as a header, since a java.net.Authenticator on
     * the client would also take over the API's own 401 answers (token expiry) and fail them.
     */
    private HttpRequest withProxyLogin(HttpRequest request) {
        if (proxies == null) {
            return request;
        }
        Proxies.Endpoint e = proxies.forScheme(request.uri().getScheme());
        if (e == null || e.user() == null || proxies.bypassed(request.uri().getHost())) {
            return request;
        }
        String login = java.util.Base64.getEncoder().encodeToString((e.user() + ":" + new String(e.password()))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(request, (n, v) -> true).header("Proxy-Authorization", "Basic " + login).build();
    }

    public Response send(HttpRequest request) throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<byte[]>> f = client.sendAsync(withProxyLogin(request), HttpResponse.BodyHandlers.ofByteArray());
        try {
            // the deadline covers the body too: the request timeout alone stops at the headers
            HttpResponse<byte[]> r = f.get(readTimeout.toMillis() + 50, TimeUnit.MILLISECONDS);
            return new Response(r.statusCode(), r.headers(), r.body());
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new HttpTimeoutException("no complete answer within " + Durations.show(readTimeout) + " (read timeout)");
        } catch (InterruptedException e) {
            f.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                throw io;
            }
            throw new IOException(c == null ? "request failed" : c.getClass().getSimpleName(), c);
        }
    }

    public Duration readTimeout() {
        return readTimeout;
    }
}
