package io.zpadoctor.model.internal;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The scrubber that looks only near trigger words replaces exactly what a scan of the whole text replaces. */
class SecretScrubberTest {
    private static final String MARK = "REDACTED";

    private static final List<String> NAMES = List.of("password", "Password", "PASSWD", "pwd", "passphrase", "secret",
            "client_secret", "clientSecret", "x-api-key", "X_API_KEY", "apikey", "api-key", "secret_key", "private_key",
            "x_private_key", "token", "access_token", "x-refresh-token", "idToken", "bearer_token", "authorization",
            "Authorization", "credentials", "credential", "provisioningKey", "keys", "monkey", "tokenize", "passage",
            "basic", "Bearer", "BASIC", "secret-key", "secretKey", "SECRET_KEY", "apiKey", "api_key2", "password1",
            "passwords", "x-token", "credentialsFile", "key_id", "token_", "site-00000-key-1", "provisioningKeyName",
            "clientSecretX", "PassPhrase", "privateKey");
    private static final List<String> SEPARATORS = List.of("=", ":", " : ", "\":\"", "\\\":\\\"", " ", "   ", "\n",
            " = '", "\": ", "=\"", ":\n", "  =\n ", "\t");
    private static final List<String> VALUES = List.of("hunter2", "AbCdEfGh", "plainword", "REDACTED", "<redacted>",
            "${SECRET}", "{{token}}", "%s", "abc", "Pa$$w0rd!", "s3cr3t-value.x", "eyJhbGciOi.eyJzdWIiOi.sig-_x",
            "3|acme.prod.zpath.net|AbCdEf0123456789+/=", "12 \\| a.b.c \\| xyz12345678", "1|host|short",
            "https://admin:pw0rd@host.example/x", "ftp://u:p@h", "-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----",
            "-----BEGIN PRIVATE KEY-----\nno end", "İstanbul", "é", "|", "||", "9|", "\\|", "}", "\"", ",", "\n");
    private static final String ALPHABET = "abcXYZ019|:=\"'\\ \n\t.-_/+@{}<>$%İé";

    @Test
    void agreesWithTheWholeTextScanOnGeneratedTexts() {
        Random random = new Random(20261207);
        for (int i = 0; i < 20_000; i++) {
            String text = text(random);
            assertThat(SecretScrubber.scrub(text, MARK)).as("text #%d: %s", i, text)
                    .isEqualTo(FullScanScrubber.scrub(text, MARK));
        }
    }

    @Test
    void aSecondPassChangesNothing() {
        // the command line prints a report scrubbed whole once, and no second pass line by line: this is why
        Random random = new Random(20261208);
        for (int i = 0; i < 20_000; i++) {
            String once = SecretScrubber.scrub(text(random), MARK);
            assertThat(SecretScrubber.scrub(once, MARK)).as("text #%d: %s", i, once).isEqualTo(once);
            for (String line : once.split("\n", -1)) {
                assertThat(SecretScrubber.scrub(line, MARK)).as("a line of text #%d: %s", i, once).isEqualTo(line);
            }
        }
    }

    @Test
    void aSecretLongerThanAnyWindowGoesWhole() {
        String value = "Aa1" + "x".repeat(70_000);
        String text = "{\"clientSecret\":\"" + value + "\",\"next\":\"" + "y".repeat(5_000) + "\"}";
        String scrubbed = SecretScrubber.scrub(text, MARK);
        assertThat(scrubbed).isEqualTo(FullScanScrubber.scrub(text, MARK)).doesNotContain("xxxx").contains(MARK);
    }

    @Test
    void aMegabyteWithoutSecretsComesBackAsItWas() {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 1 << 20) {
            sb.append("{\"provisioningKey\":\"keys near exhaustion\",\"id\":\"72058304855015574\",\"monkey\":12}\n");
        }
        String text = sb.toString();
        assertThat(SecretScrubber.scrub(text, MARK)).isSameAs(text);
    }

    private static String text(Random random) {
        StringBuilder sb = new StringBuilder();
        int parts = 1 + random.nextInt(12);
        for (int p = 0; p < parts; p++) {
            switch (random.nextInt(6)) {
                case 0, 1 -> sb.append(pick(random, NAMES)).append(pick(random, SEPARATORS)).append(pick(random, VALUES));
                case 2 -> sb.append(pick(random, VALUES));
                case 3 -> sb.append(pick(random, SEPARATORS));
                case 4 -> {
                    int len = random.nextInt(random.nextInt(10) == 0 ? 2_000 : 20);
                    for (int c = 0; c < len; c++) {
                        sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                    }
                }
                default -> sb.append(pick(random, NAMES));
            }
        }
        return sb.toString();
    }

    private static String pick(Random random, List<String> from) {
        return from.get(random.nextInt(from.size()));
    }
}
