package io.zpadoctor.examples.cli;

import io.zpadoctor.fakeapi.FakeZpa;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        List<String> texts = new ArrayList<>(List.of(r.out(), r.err()));
        for (Path d : dirs) {
            try (Stream<Path> files = Files.walk(d)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    texts.add(Files.readString(f));
                }
            }
        }
        // every run of secret-like characters, so hundreds of key secrets are checked in one pass per text
        Set<String> words = new HashSet<>();
        for (String t : texts) {
            Matcher m = WORD.matcher(t);
            while (m.find()) {
                words.add(m.group());
            }
        }
        for (String secret : secrets(fake)) {
            assertThat(words).as("a secret word in the output or the files").doesNotContain(secret);
        }
        for (String t : texts) {
            assertThat(t).doesNotContain(CLIENT_SECRET);
            for (String token : fake.issuedTokens()) {
                assertThat(t).doesNotContain(token);
            }
        }
    }

    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9+/_=-]{12,}");
}
