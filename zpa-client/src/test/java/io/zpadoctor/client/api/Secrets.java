package io.zpadoctor.client.api;

import io.zpadoctor.fakeapi.FakeZpa;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The secrets a test's fake tenant holds, and the check that none of them got out. */
final class Secrets {
    static final String CLIENT_ID = "zpa-doctor-test-client";
    static final String CLIENT_SECRET = "Sup3r-S3cret-Client-Value-9f8e7d6c";
    /** Where surefire points slf4j-simple (see the pom): every log line of the test run. */
    static final Path LOG = Path.of(System.getProperty("org.slf4j.simpleLogger.logFile", "target/api-client-test.log"));

    private Secrets() {
    }

    static List<String> of(FakeZpa fake) {
        List<String> s = new ArrayList<>();
        s.add(CLIENT_SECRET);
        s.addAll(fake.issuedTokens());
        for (String key : fake.tenant().keyStrings()) {
            s.add(key);
            s.add(key.substring(key.lastIndexOf('|') + 1));   // the secret part alone
        }
        return s;
    }

    /** None of the fake's secrets is in {@code texts}, nor in any log line written so far. */
    static void assertNoneIn(FakeZpa fake, String... texts) throws IOException {
        String log = Files.exists(LOG) ? Files.readString(LOG, StandardCharsets.UTF_8) : "";
        for (String secret : of(fake)) {
            assertThat(log).as("log lines").doesNotContain(secret);
            for (String t : texts) {
                assertThat(t).doesNotContain(secret);
            }
        }
    }
}
