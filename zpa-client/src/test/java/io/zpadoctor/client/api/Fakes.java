package io.zpadoctor.client.api;

import io.zpadoctor.fakeapi.FakeZpa;

import java.time.Duration;

/** Client settings for talking to a fake on loopback, with waits scaled down for tests. */
final class Fakes {
    private Fakes() {
    }

    static FakeZpa.Builder server() {
        return FakeZpa.builder().credentials(Secrets.CLIENT_ID, Secrets.CLIENT_SECRET);
    }

    static ZpaApiConfig.Builder client(FakeZpa fake) {
        return ZpaApiConfig.builder()
                .oneApi(Secrets.CLIENT_ID, Secrets.CLIENT_SECRET)
                .customerId("72058304855015424")
                .baseUrl(fake.baseUrl())
                .tokenUrl(fake.tokenUrl())
                .backoff(Duration.ofMillis(20), Duration.ofMillis(200))
                .readTimeout(Duration.ofSeconds(5));
    }

    static ZpaApiConfig.Builder legacyClient(FakeZpa fake) {
        return client(fake).legacy(Secrets.CLIENT_ID, Secrets.CLIENT_SECRET);
    }
}
