package io.zpadoctor.examples.cli;

import io.zpadoctor.client.api.ReadListener;
import io.zpadoctor.client.api.ZpaApiConfig;
import io.zpadoctor.client.api.ZpaApiException;
import io.zpadoctor.client.api.ZpaClient;
import io.zpadoctor.fakeapi.FakeTenant;
import io.zpadoctor.fakeapi.FakeZpa;
import io.zpadoctor.fakeapi.ForwardProxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** --api through a proxy: HTTP(S)_PROXY, NO_PROXY, --proxy, and an embedder's selector or client (issue 19). */
class ProxyTest {
    static final String PASSWORD = "Pr0xy-Pa55-9f8e7d";

    @AfterEach
    void resetEnvironment() {
        LiveEnv.reset();
    }

    static FakeZpa fake() throws Exception {
        return LiveEnv.server().tenant(FakeTenant.generate(20, 5)).start();
    }

    @Test
    void theProxyVariableCarriesEveryRequestAndNoProxyBypassesIt() throws Exception {
        try (FakeZpa fake = fake(); ForwardProxy proxy = ForwardProxy.open()) {
            Map<String, String> env = new HashMap<>(LiveEnv.of(fake));
            env.put("HTTP_PROXY", proxy.url());   // the fake API is http on loopback; https URLs read HTTPS_PROXY
            LiveEnv.use(env);
            Cli r = Cli.run("diagnose", "--api", "--format", "json", "--fail-on", "never");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(proxy.seen()).as("the token request and every API read went through the proxy")
                    .anySatisfy(s -> assertThat(s).startsWith("POST " + fake.tokenUrl()))
                    .anySatisfy(s -> assertThat(s).startsWith("GET " + fake.baseUrl() + "/zpa/mgmtconfig/"))
                    .hasSize(fake.requests().size());

            env.put("NO_PROXY", "example.com, 127.0.0.1");
            int before = proxy.seen().size();
            Cli direct = Cli.run("diagnose", "--api", "--format", "json", "--fail-on", "never");
            assertThat(direct.code()).as(direct.err()).isZero();
            assertThat(proxy.seen()).as("NO_PROXY sends 127.0.0.1 direct").hasSize(before);
        }
    }

    @Test
    void theProxyOptionLogsInWithTheUrlsPasswordAndNeverShowsIt() throws Exception {
        try (FakeZpa fake = fake(); ForwardProxy proxy = ForwardProxy.withLogin("ops", PASSWORD)) {
            LiveEnv.use(LiveEnv.of(fake));
            String url = "http://ops:" + PASSWORD + "@127.0.0.1:" + proxy.port();
            Cli r = Cli.run("snapshot", "--api", "--proxy", url, "--out",
                    java.nio.file.Files.createTempDirectory("proxy-snap").resolve("s").toString());
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(proxy.seen()).as("the proxy let the requests through: it had the login").isNotEmpty();
            assertThat(proxy.challenges()).isZero();
            assertThat(r.out() + r.err()).doesNotContain(PASSWORD);

            Cli wrong = Cli.run("diagnose", "--api", "--proxy", "http://ops:not-" + PASSWORD + "@127.0.0.1:" + proxy.port());
            assertThat(wrong.code()).isEqualTo(69);
            assertThat(proxy.challenges()).as("a wrong login is refused").isPositive();
            assertThat(wrong.out() + wrong.err()).doesNotContain(PASSWORD);

            Cli down = Cli.run("diagnose", "--api", "--proxy", "http://ops:" + PASSWORD + "@127.0.0.1:1");
            assertThat(down.code()).isEqualTo(69);
            assertThat(down.out() + down.err()).doesNotContain(PASSWORD);
            Cli bad = Cli.run("diagnose", "--api", "--proxy", "socks5://ops:" + PASSWORD + "@127.0.0.1:1080");
            assertThat(bad.code()).isEqualTo(64);
            assertThat(bad.err()).contains("must be an HTTP proxy").doesNotContain(PASSWORD);
        }
    }

    @Test
    void anEmbedderGivesAProxySelectorOrItsOwnHttpClient() throws Exception {
        try (FakeZpa fake = fake(); ForwardProxy proxy = ForwardProxy.open()) {
            ProxySelector selector = ProxySelector.of(new InetSocketAddress("127.0.0.1", proxy.port()));
            ZpaApiConfig viaSelector = ZpaApiConfig.fromEnvironment(LiveEnv.of(fake)).proxySelector(selector).build();
            try (ZpaClient zpa = ZpaClient.create(viaSelector)) {
                assertThat(zpa.readTenant(new ReadListener() { }).tenant().connectors()).hasSize(20);
            }
            int bySelector = proxy.seen().size();
            assertThat(bySelector).isPositive();

            HttpClient own = HttpClient.newBuilder().proxy(selector).followRedirects(HttpClient.Redirect.NEVER).build();
            ZpaApiConfig viaClient = ZpaApiConfig.fromEnvironment(LiveEnv.of(fake)).httpClient(own).build();
            assertThat(viaClient.httpClient()).isSameAs(own);
            try (ZpaClient zpa = ZpaClient.create(viaClient)) {
                assertThat(zpa.readTenant(new ReadListener() { }).tenant().connectors()).hasSize(20);
            }
            assertThat(proxy.seen().size()).as("the embedder's client carried the requests").isGreaterThan(bySelector);

            HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
            assertThatThrownBy(() -> ZpaApiConfig.fromEnvironment(LiveEnv.of(fake)).httpClient(following).build())
                    .isInstanceOf(ZpaApiException.class).hasMessageContaining("must not follow redirects");
        }
    }

    @Test
    void httpsUrlsUseHttpsProxyUnlessNoProxyNamesTheirDomain() throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("ZSCALER_CLIENT_ID", "id", "ZSCALER_CLIENT_SECRET", "s",
                "ZSCALER_CUSTOMER_ID", "72058304855015424", "ZSCALER_VANITY_DOMAIN", "acme",
                "https_proxy", "http://ops:" + PASSWORD + "@proxy.corp.example.com:3128",
                "NO_PROXY", ".zslogin.net,localhost"));
        ZpaApiConfig c = ZpaApiConfig.fromEnvironment(env).build();
        assertThat(c.proxyFor(java.net.URI.create("https://api.zsapi.net/zpa"))).isEqualTo("http://proxy.corp.example.com:3128");
        assertThat(c.proxyFor(c.tokenUrl())).as(c.tokenUrl().toString()).isNull();
        assertThat(c.proxySelector().select(java.net.URI.create("https://api.zsapi.net/zpa")).get(0).address())
                .hasToString("proxy.corp.example.com/<unresolved>:3128");
        assertThat(c.toString()).contains("proxy=http://proxy.corp.example.com:3128").doesNotContain(PASSWORD);
        env.put("NO_PROXY", "*");
        assertThat(ZpaApiConfig.fromEnvironment(env).build().proxyFor(java.net.URI.create("https://api.zsapi.net")))
                .isNull();
    }
}
