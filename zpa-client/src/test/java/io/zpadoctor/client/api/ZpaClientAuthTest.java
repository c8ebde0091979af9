package io.zpadoctor.client.api;

import io.zpadoctor.fakeapi.FakeZpa;
import io.zpadoctor.fakeapi.Fault;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tokens, their reuse and renewal, and every way the API says no. */
class ZpaClientAuthTest {
    @Test
    void theTokenIsReusedUntilShortlyBeforeItExpiresThenRenewed() throws Exception {
        try (FakeZpa fake = Fakes.server().tokenLifetime(Duration.ofSeconds(2)).start();
             ZpaClient zpa = ZpaClient.create(Fakes.client(fake).build())) {
            zpa.readTenant(null);
            zpa.readTenant(null);
            assertThat(fake.tokenRequests()).as("reused within its lifetime").isEqualTo(1);
            Thread.sleep(1_850);   // inside the last tenth of the 2 s lifetime: renewed before the server refuses it
            zpa.readTenant(null);
            assertThat(fake.tokenRequests()).isEqualTo(2);
            assertThat(fake.requests(r -> r.status() == 401)).as("never sent an expired token").isEmpty();
            Secrets.assertNoneIn(fake);
        }
    }

    @Test
    void a401GetsOneFreshTokenAndTheRequestIsRepeated() throws Exception {
        try (FakeZpa fake = Fakes.server().start();
             ZpaClient zpa = ZpaClient.create(Fakes.client(fake).concurrency(1).build())) {
            zpa.readTenant(null);
            fake.revokeTokens();   // as if the token had been revoked or had expired early
            TenantRead again = zpa.readTenant(null);
            assertThat(again.tenant().connectors()).hasSize(12);
            assertThat(fake.tokenRequests()).isEqualTo(2);
            assertThat(fake.requests(r -> r.status() == 401)).hasSize(1);
        }
    }

    @Test
    void wrongCredentialsAreRefusedWithoutEchoingTheSecret() throws Exception {
        try (FakeZpa fake = Fakes.server().start();
             ZpaClient zpa = ZpaClient.create(Fakes.client(fake).oneApi(Secrets.CLIENT_ID, "Wrong-" + Secrets.CLIENT_SECRET)
                     .build())) {
            assertThatThrownBy(() -> zpa.readTenant(null)).isInstanceOfSatisfying(ZpaApiException.class, e -> {
                assertThat(e.kind()).isEqualTo(ZpaApiException.Kind.AUTHENTICATION);
                assertThat(e.getMessage()).startsWith("POST " + fake.tokenUrl() + ": ")
                        .contains("refused the client credentials", "HTTP 401", "invalid_client",
                                "ZSCALER_CLIENT_ID and ZSCALER_CLIENT_SECRET")
                        .doesNotContain("Wrong-");
            });
            assertThat(fake.tokenRequests()).as("a refusal is not retried").isEqualTo(1);
            assertThat(fake.apiRequests()).isZero();
        }
    }

    @Test
    void aLegacyKeyOnATenantMigratedToOneApiIsToldSo() throws Exception {
        try (FakeZpa fake = Fakes.server().mode(FakeZpa.Mode.LEGACY_MIGRATED).start();
             ZpaClient zpa = ZpaClient.create(Fakes.legacyClient(fake).build())) {
            assertThatThrownBy(() -> zpa.readTenant(null)).isInstanceOfSatisfying(ZpaApiException.class, e -> {
                assertThat(e.kind()).isEqualTo(ZpaApiException.Kind.LEGACY_REFUSED);
                assertThat(e.getMessage()).contains("/signin", "only through Zscaler OneAPI", "ZSCALER_CLIENT_ID",
                        "ZSCALER_VANITY_DOMAIN");
            });
        }
    }

    @Test
    void aMigratedTenantRefusingAnApiCallIsToldSoToo() throws Exception {
        try (FakeZpa fake = Fakes.server().mode(FakeZpa.Mode.LEGACY).start();
             ZpaClient zpa = ZpaClient.create(Fakes.legacyClient(fake).build())) {
            fake.fault(FakeZpa.Request::isApi, 10, Fault.status(401, FakeZpa.ONEAPI_ONLY));
            assertThatThrownBy(() -> zpa.readTenant(null)).isInstanceOfSatisfying(ZpaApiException.class, e ->
                    assertThat(e.kind()).isEqualTo(ZpaApiException.Kind.LEGACY_REFUSED));
            assertThat(fake.tokenRequests()).as("no pointless re-authentication").isEqualTo(1);
        }
    }

    @Test
    void aWrongCustomerIdAnswered404IsReportedAsTheCustomerId() throws Exception {
        try (FakeZpa fake = Fakes.server().wrongCustomer(FakeZpa.WrongCustomer.NOT_FOUND_404).start();
             ZpaClient zpa = ZpaClient.create(Fakes.client(fake).customerId("123456789").build())) {
            assertThatThrownBy(() -> zpa.readTenant(null)).isInstanceOfSatisfying(ZpaApiException.class, e -> {
                assertThat(e.kind()).isEqualTo(ZpaApiException.Kind.CUSTOMER);
                assertThat(e.status()).isEqualTo(404);
                assertThat(e.getMessage()).contains("/customers/123456789/", "resource.not.found",
                        "no tenant with customer id 123456789", "ZSCALER_CUSTOMER_ID");
            });
        }
    }

    @Test
    void aWrongCustomerIdAnswered401IsReportedAfterOneFreshToken() throws Exception {
        try (FakeZpa fake = Fakes.server().wrongCustomer(FakeZpa.WrongCustomer.UNAUTHORIZED_401).start();
             ZpaClient zpa = ZpaClient.create(Fakes.client(fake).customerId("123456789").concurrency(1).build())) {
            assertThatThrownBy(() -> zpa.readTenant(null)).isInstanceOfSatisfying(ZpaApiException.class, e -> {
                assertThat(e.kind()).isEqualTo(ZpaApiException.Kind.CUSTOMER);
                assertThat(e.getMessage()).contains("HTTP 401 (unauthorized) even with a fresh token",
                        "customer 123456789", "ZSCALER_CUSTOMER_ID");
            });
            assertThat(fake.tokenRequests()).isEqualTo(2);
            Secrets.assertNoneIn(fake);
        }
    }

    @Test
    void noTokenEndpointAtTheUrlIsAConfigurationProblem() throws Exception {
        try (FakeZpa fake = Fakes.server().start();
             ZpaClient zpa = ZpaClient.create(Fakes.client(fake).tokenUrl(fake.baseUrl() + "/nowhere").build())) {
            assertThatThrownBy(() -> zpa.readTenant(null)).isInstanceOfSatisfying(ZpaApiException.class, e -> {
                assertThat(e.kind()).isEqualTo(ZpaApiException.Kind.CONFIGURATION);
                assertThat(e.getMessage()).contains("no token endpoint answers at this URL", "--token-url");
            });
        }
    }

    @Test
    void nothingListensIsUnavailableNotAWrongPassword() throws Exception {
        ZpaApiConfig c = ZpaApiConfig.builder().oneApi("id", Secrets.CLIENT_SECRET).customerId("1")
                .baseUrl("http://127.0.0.1:9").tokenUrl("http://127.0.0.1:9/token")
                .backoff(Duration.ofMillis(10), Duration.ofMillis(20)).maxAttempts(2).build();
        try (ZpaClient zpa = ZpaClient.create(c)) {
            assertThatThrownBy(() -> zpa.readTenant(null)).isInstanceOfSatisfying(ZpaApiException.class, e -> {
                assertThat(e.kind()).isEqualTo(ZpaApiException.Kind.UNAVAILABLE);
                assertThat(e.getMessage()).contains("cannot get a token", "connection refused");
            });
        }
    }
}
