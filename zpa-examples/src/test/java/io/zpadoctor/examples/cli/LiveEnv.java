package io.zpadoctor.examples.cli;

import io.zpadoctor.fakeapi.FakeZpa;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The environment a user would export to point zpa-doctor at a fake tenant, and the secrets it must keep. */
final class LiveEnv {
    static final String CLIENT_ID = "cli-test-client";
    static final String CLIENT_SECRET = "Cli-Test-Secret-0a1b2c3d4e5f";

    private LiveEnv() {
    }

    static FakeZpa.Builder server() {
        return FakeZpa.builder().credentials(CLIENT_ID, CLIENT_SECRET);
    }

    /** OneAPI variables, as the SDKs name them, plus ZPA Doctor's URL overrides. */
    static Map<String, String> of(FakeZpa fake) {
        Map<String, String> env = new HashMap<>();
        env.put("ZSCALER_CLIENT_ID", CLIENT_ID);
        env.put("ZSCALER_CLIENT_SECRET", CLIENT_SECRET);
        env.put("ZSCALER_CUSTOMER_ID", "72058304855015424");
        env.put("ZPA_DOCTOR_BASE_URL", fake.baseUrl());
        env.put("ZPA_DOCTOR_TOKEN_URL", fake.tokenUrl());
        return env;
    }

    static void use(Map<String, String> env) {
        ApiOptions.environment = env;
    }

    static void reset() {
        ApiOptions.environment = null;
    }

    static List<String> secrets(FakeZpa fake) {
        List<String> s = new ArrayList<>();
        s.add(CLIENT_SECRET);
        s.addAll(fake.issuedTokens());
        for (String k : fake.tenant().keyStrings()) {
            s.add(k.substring(k.lastIndexOf('|') + 1));
        }
        return s;
    }

    /** No secret the fake holds is in what the CLI printed, nor in any file under {@code dirs}. */
    static void assertNoSecrets(FakeZpa fake, Cli r, Path... dirs) throws IOException {
        for (String secret : secrets(fake)) {
            assertThat(r.out()).doesNotContain(secret);
            assertThat(r.err()).doesNotContain(secret);
            for (Path d : dirs) {
                try (Stream<Path> files = Files.walk(d)) {
                    for (Path f : files.filter(Files::isRegularFile).toList()) {
                        assertThat(Files.readString(f)).as(f.toString()).doesNotContain(secret);
                    }
                }
            }
        }
    }
}
