package io.zpadoctor.client.api;

import io.zpadoctor.fakeapi.FakeTenant;
import io.zpadoctor.fakeapi.FakeZpa;
import io.zpadoctor.fakeapi.Fault;
import io.zpadoctor.fakeapi.ResettingProxy;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What goes wrong on the wire, against a real server on loopback: limits, 5xx, timeouts, resets, cut bodies. */
class ZpaClientResilienceTest {
    static Predicate<FakeZpa.Request> connectorPage(int page) {
        return r -> r.path().endsWith("/connector") && String.valueOf(page).equals(r.param("page"));
    }

    @Test
    void a429PausesEveryWorkerUntilRetryAfterHasPassed() throws Exception {
        try (FakeZpa fake = Fakes.server().tenant(FakeTenant.generate(2_400, 3)).start()) {
            fake.fault(connectorPage(2), 1, Fault.tooManyRequests(2));
            List<Duration> pauses = new ArrayList<>();
            try (ZpaClient zpa = ZpaClient.create(Fakes.client(fake).concurrency(4).build())) {
                TenantRead read = zpa.readTenant(new ReadListener() {
                    @Override
                    public synchronized void paused(Duration wait, String why) {
                        pauses.add(wait);
                    }
                });
                assertThat(read.tenant().connectors()).hasSize(2_400);
                assertThat(read.stats().rateLimited()).isEqualTo(1);
            }
            assertThat(pauses).containsExactly(Duration.ofSeconds(2));
            FakeZpa.Request limited = fake.requests(r -> r.status() == 429).get(0);
            // nothing but what was already on the wire (400 ms of grace, for a loaded machine) may arrive in the 2 s asked for
            List<FakeZpa.Request> during = fake.requests(r -> r.isApi() && r.arrivedNanos() > limited.arrivedNanos()
                    + Duration.ofMillis(400).toNanos() && r.arrivedNanos() < limited.arrivedNanos()
                    + Duration.ofSeconds(2).toNanos());
            assertThat(during).isEmpty();
            assertThat(fake.pauseViolations()).isZero();
            assertThat(fake.requests(connectorPage(2))).hasSize(2);
        }
    }

    @Test
    void aPageThatRepeatsAnEarlierOneIsReadAgain() throws Exception {
        // issue 14: a page repeating the previous page's objects lost 500 connectors silently
        try (FakeZpa fake = Fakes.server().tenant(FakeTenant.generate(2_400, 3)).start()) {
            fake.fault(connectorPage(3), 1, Fault.pageInstead(2));
            try (ZpaClient zpa = ZpaClient.create(Fakes.client(fake).build())) {
                TenantRead read = zpa.readTenant(null);
                assertThat(read.tenant().connectors()).hasSize(2_400);
                assertThat(read.tenant().connectors().stream().map(c -> c.id()).distinct()).hasSize(2_400);
            }
            assertThat(fake.requests(connectorPage(3))).hasSize(2);
        }
    }

    @Test
    void pagesThatKeepOverlappingFailTheReadNamingThePage() throws Exception {
        try (FakeZpa fake = Fakes.server().tenant(FakeTenant.generate(2_400, 3)).start();
             ZpaClient zpa = ZpaClient.create(Fakes.client(fake).build())) {
            fake.fault(connectorPage(3), 5, Fault.pageInstead(2));
            assertThatThrownBy(() -> zpa.readTenant(null)).isInstanceOfSatisfying(ZpaApiException.class, e -> {
                assertThat(e.kind()).isEqualTo(ZpaApiException.Kind.INCONSISTENT);
                assertThat(e.getMessage()).contains("page 3", "repeats 500 object(s)", "page=3");
            });
        }
    }

    @Test
    void aStricterServerLimitIsObeyedToTheLastPage() throws Exception {
        // the server allows 4 GET per second, the client (not knowing) would send 20 per 10 s
        try (FakeZpa fake = Fakes.server().tenant(FakeTenant.generate(2_400, 3))
                .rateLimit(4, 4, Duration.ofSeconds(1)).start();
             ZpaClient zpa = ZpaClient.create(Fakes.client(fake).build())) {
            TenantRead read = zpa.readTenant(null);
            assertThat(read.tenant().connectors()).hasSize(2_400);
            assertThat(fake.tooManyRequests()).isPositive();
            assertThat(read.stats().rateLimited()).isEqualTo(fake.tooManyRequests());
            assertThat(fake.pauseViolations()).isZero();
            assertThat(fake.requests(r -> r.isApi() && r.status() == 200)).hasSize(10);
        }
    }

    @Test
    void theClientPacesItselfSoAServerWithTheSameLimitNeverSays429() throws Exception {
        try (FakeZpa fake = Fakes.server().tenant(FakeTenant.generate(4_000, 3))
                .rateLimit(5, 5, Duration.ofSeconds(1)).start();
             ZpaClient zpa = ZpaClient.create(Fakes.client(fake).rateLimit(5, 5, Duration.ofSeconds(1)).build())) {
            long start = System.nanoTime();
            zpa.readTenant(null);
            assertThat(fake.apiRequests()).isEqualTo(13);
            assertThat(fake.tooManyRequests()).isZero();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("13 requests at 5 per second")
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        }
    }

    @Test
    void anExhaustedQuotaInTheHeadersIsWaitedOutBeforeTheServerHasToSay429() throws Exception {
        try (FakeZpa fake = Fakes.server().tenant(FakeTenant.generate(2_400, 3)).rateHeaders(true)
                .rateLimit(3, 3, Duration.ofSeconds(1)).start();
             ZpaClient zpa = ZpaClient.create(Fakes.client(fake).concurrency(1).build())) {
            List<String> why = new ArrayList<>();
            TenantRead read = zpa.readTenant(new ReadListener() {
                @Override
                public synchronized void paused(Duration wait, String reason) {
                    why.add(reason);
                }
            });
            assertThat(read.tenant().connectors()).hasSize(2_400);
            assertThat(why).isNotEmpty().allSatisfy(w -> assertThat(w).contains("x-ratelimit-remaining"));
            assertThat(fake.tooManyRequests()).isZero();
        }
    }

    @Test
    void a5xxBurstIsRetriedWithBackoff() throws Exception {
        try (FakeZpa fake = Fakes.server().tenant(FakeTenant.generate(2_400, 3)).start()) {
            fake.fault(connectorPage(3), 1, Fault.status(500, "{\"id\":\"internal.error\",\"reason\":\"boom\"}"));
            fake.fault(connectorPage(3), 1, Fault.status(502, "<html>Bad Gateway</html>"));
            fake.fault(connectorPage(3), 1, Fault.status(503, "{\"id\":\"service.unavailable\"}"));
            fake.fault(connectorPage(3), 1, Fault.status(504, ""));
            try (ZpaClient zpa = ZpaClient.create(Fakes.client(fake).build())) {
                TenantRead read = zpa.readTenant(null);
                assertThat(read.tenant().connectors()).hasSize(2_400);
                assertThat(read.stats().retries()).isEqualTo(4);
            }
            assertThat(fake.requests(connectorPage(3))).extracting(FakeZpa.Request::status)
                    .containsExactly(500, 502, 503, 504, 200);
        }
    }

    @Test
    void aPageThatKeepsFailingFailsTheReadNamingTheEndpoint() throws Exception {
        try (FakeZpa fake = Fakes.server().tenant(FakeTenant.generate(2_400, 3)).start()) {
            fake.fault(connectorPage(4), 100, Fault.status(503, "{\"id\":\"service.unavailable\",\"reason\":\"down\"}"));
            try (ZpaClient zpa = ZpaClient.create(Fakes.client(fake).maxAttempts(3).build())) {
                assertThatThrownBy(() -> zpa.readTenant(null)).isInstanceOfSatisfying(ZpaApiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ZpaApiException.Kind.UNAVAILABLE);
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.getMessage()).startsWith("GET " + fake.baseUrl()
                                    + "/zpa/mgmtconfig/v1/admin/customers/72058304855015424/connector?page=4&pagesize=500: ")
                            .contains("HTTP 503 (service.unavailable: down)", "3 attempts");
                });
            }
            assertThat(fake.requests(connectorPage(4))).hasSize(3);
        }
    }

    @Test
    void theRetryTimeIsBounded() throws Exception {
        try (FakeZpa fake = Fakes.server().start()) {
            fake.fault(r -> r.isApi(), 1000, Fault.tooManyRequests(2));
            try (ZpaClient zpa = ZpaClient.create(Fakes.client(fake).retryBudget(Duration.ofSeconds(1)).build())) {
                long start = System.nanoTime();
                assertThatThrownBy(() -> zpa.readTenant(null)).isInstanceOfSatisfying(ZpaApiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ZpaApiException.Kind.RATE_LIMITED);
                    assertThat(e.getMessage()).contains("still rate limited after 1 request in", "wait 2 s");
                });
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            }
        }
    }

    @Test
    void aTimeoutIsRetriedAndOneThatLastsFailsTheRead() throws Exception {
        try (FakeZpa fake = Fakes.server().tenant(FakeTenant.generate(2_400, 3)).start()) {
            fake.fault(connectorPage(2), 1, Fault.stall(Duration.ofSeconds(2)));
            try (ZpaClient zpa = ZpaClient.create(Fakes.client(fake).readTimeout(Duration.ofMillis(400)).build())) {
                assertThat(zpa.readTenant(null).tenant().connectors()).hasSize(2_400);
            }
            fake.fault(connectorPage(5), 100, Fault.stall(Duration.ofSeconds(2)));
            try (ZpaClient zpa = ZpaClient.create(Fakes.client(fake).readTimeout(Duration.ofMillis(300))
                    .maxAttempts(2).build())) {
                assertThatThrownBy(() -> zpa.readTenant(null)).isInstanceOfSatisfying(ZpaApiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ZpaApiException.Kind.UNAVAILABLE);
                    assertThat(e.getMessage()).contains("connector?page=5&pagesize=500", "read timeout", "2 attempts");
                });
            }
        }
    }

    @Test
    void aConnectionResetIsRetried() throws Exception {
        // four resets in a row: more than the JDK's own single repeat of a GET can absorb
        try (FakeZpa fake = Fakes.server().tenant(FakeTenant.generate(2_400, 3)).start();
             ResettingProxy proxy = new ResettingProxy(fake.baseUrl(), 4);
             ZpaClient zpa = ZpaClient.create(Fakes.client(fake).baseUrl(proxy.baseUrl()).concurrency(1).build())) {
            TenantRead read = zpa.readTenant(null);
            assertThat(proxy.resetsDone()).isEqualTo(4);
            assertThat(read.tenant().connectors()).hasSize(2_400);
            assertThat(read.stats().retries()).isBetween(2, 4);
        }
    }

    @Test
    void aHangUpAndABodyCutShortAreRetried() throws Exception {
        try (FakeZpa fake = Fakes.server().tenant(FakeTenant.generate(2_400, 3)).start()) {
            fake.fault(connectorPage(2), 1, Fault.drop());
            fake.fault(connectorPage(3), 1, Fault.shortBody());
            fake.fault(connectorPage(4), 1, Fault.truncatedJson(40_000));
            try (ZpaClient zpa = ZpaClient.create(Fakes.client(fake).build())) {
                TenantRead read = zpa.readTenant(null);
                assertThat(read.tenant().connectors()).hasSize(2_400);
                // the JDK's client may itself repeat a GET once after a hang-up; the cut bodies are the client's to retry
                assertThat(read.stats().retries()).isBetween(2, 3);
            }
            for (int page = 2; page <= 4; page++) {
                assertThat(fake.requests(connectorPage(page))).as("page " + page).hasSize(2);
            }
        }
    }

    @Test
    void truncatedJsonThatStaysTruncatedIsReportedWithItsPage() throws Exception {
        try (FakeZpa fake = Fakes.server().tenant(FakeTenant.generate(2_400, 3)).start()) {
            fake.fault(connectorPage(2), 100, Fault.truncatedJson(12_345));
            try (ZpaClient zpa = ZpaClient.create(Fakes.client(fake).maxAttempts(2).build())) {
                assertThatThrownBy(() -> zpa.readTenant(null)).isInstanceOfSatisfying(ZpaApiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ZpaApiException.Kind.BAD_RESPONSE);
                    assertThat(e.getMessage()).contains("connector?page=2&pagesize=500",
                            "the answer ends in the middle of a JSON value", "2 attempts");
                });
            }
        }
    }

    @Test
    void aWrongValueInAPageIsReportedWithItsPageAndField() throws Exception {
        FakeTenant t = FakeTenant.generate(30, 3);
        var c = t.list("connector").get(7);
        c.put("upgradeAttempt", "many");
        t.put("connector", c);
        try (FakeZpa fake = Fakes.server().tenant(t).start();
             ZpaClient zpa = ZpaClient.create(Fakes.client(fake).build())) {
            assertThatThrownBy(() -> zpa.readTenant(null)).isInstanceOfSatisfying(ZpaApiException.class, e -> {
                assertThat(e.kind()).isEqualTo(ZpaApiException.Kind.BAD_RESPONSE);
                assertThat(e.getMessage()).contains("connector?page=1", "connector #8", "\"upgradeAttempt\"",
                        "expected a whole number, found \"many\"");
            });
        }
    }
}
