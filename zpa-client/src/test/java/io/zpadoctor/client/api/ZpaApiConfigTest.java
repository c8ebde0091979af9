package io.zpadoctor.client.api;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ZpaApiConfigTest {
    static Map<String, String> oneApiEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("ZSCALER_CLIENT_ID", "cid");
        env.put("ZSCALER_CLIENT_SECRET", Secrets.CLIENT_SECRET);
        env.put("ZSCALER_VANITY_DOMAIN", "acme");
        env.put("ZSCALER_CUSTOMER_ID", "72058304855015424");
        return env;
    }

    @Test
    void oneApiUrlsComeFromTheVanityDomainAndCloud() throws Exception {
        ZpaApiConfig c = ZpaApiConfig.fromEnvironment(oneApiEnv()).build();
        assertThat(c.mode()).isEqualTo(AuthMode.ONEAPI);
        assertThat(c.tokenUrl()).hasToString("https://acme.zslogin.net/oauth2/v1/token");
        assertThat(c.baseUrl()).hasToString("https://api.zsapi.net");
        assertThat(c.pathPrefix()).isEqualTo("/zpa/mgmtconfig");

        Map<String, String> beta = oneApiEnv();
        beta.put("ZSCALER_CLOUD", "beta");
        ZpaApiConfig b = ZpaApiConfig.fromEnvironment(beta).build();
        assertThat(b.tokenUrl()).hasToString("https://acme.zsloginbeta.net/oauth2/v1/token");
        assertThat(b.baseUrl()).hasToString("https://api.beta.zsapi.net");

        Map<String, String> gov = oneApiEnv();
        gov.put("ZSCALER_CLOUD", "GOVUS");
        assertThat(ZpaApiConfig.fromEnvironment(gov).build().tokenUrl())
                .hasToString("https://acme.zidentitygov.us/oauth2/v1/token");
    }

    @Test
    void legacyKeysAreChosenWhenOnlyThemAreSet() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("ZPA_CLIENT_ID", "legacy-id");
        env.put("ZPA_CLIENT_SECRET", Secrets.CLIENT_SECRET);
        env.put("ZPA_CUSTOMER_ID", "72058304855015424");
        ZpaApiConfig c = ZpaApiConfig.fromEnvironment(env).build();
        assertThat(c.mode()).isEqualTo(AuthMode.LEGACY);
        assertThat(c.baseUrl()).hasToString("https://config.private.zscaler.com");
        assertThat(c.tokenUrl()).hasToString("https://config.private.zscaler.com/signin");
        assertThat(c.pathPrefix()).isEqualTo("/mgmtconfig");
        env.put("ZPA_CLOUD", "ZPATWO");
        assertThat(ZpaApiConfig.fromEnvironment(env).build().tokenUrl()).hasToString("https://config.zpatwo.net/signin");
        env.put("ZPA_CLOUD", "MARS");
        assertThatThrownBy(() -> ZpaApiConfig.fromEnvironment(env).build()).hasMessageContaining("unknown ZPA_CLOUD 'MARS'");
    }

    @Test
    void aMissingCustomerIdIsReportedAsSuchNotAsABadCredential() {
        Map<String, String> env = oneApiEnv();
        env.remove("ZSCALER_CUSTOMER_ID");
        assertThatThrownBy(() -> ZpaApiConfig.fromEnvironment(env).build())
                .isInstanceOfSatisfying(ZpaApiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ZpaApiException.Kind.CONFIGURATION);
                    assertThat(e.getMessage()).contains("no ZPA customer id", "ZSCALER_CUSTOMER_ID", "ZPA_CUSTOMER_ID",
                            "not a credential").doesNotContain("secret", "client id", "credentials:");
                });
        env.put("ZPA_CUSTOMER_ID", "72058304855015424");
        assertThat(catchConfig(env)).isNull();
        env.put("ZPA_CUSTOMER_ID", "acme");
        assertThat(catchConfig(env)).contains("numeric ZPA tenant id");
    }

    @Test
    void missingCredentialsNameTheVariables() {
        Map<String, String> env = oneApiEnv();
        env.remove("ZSCALER_CLIENT_ID");
        env.remove("ZSCALER_CLIENT_SECRET");
        assertThat(catchConfig(env)).contains("ZSCALER_CLIENT_ID and ZSCALER_CLIENT_SECRET", "ZPA_CLIENT_ID")
                .doesNotContain("customer id");
        env.put("ZSCALER_CLIENT_ID", "cid");
        env.put("ZSCALER_PRIVATE_KEY", "-----BEGIN PRIVATE KEY-----x-----END PRIVATE KEY-----");
        assertThat(catchConfig(env)).contains("ZSCALER_PRIVATE_KEY", "not supported").doesNotContain("BEGIN");
        env.remove("ZSCALER_VANITY_DOMAIN");
        assertThat(catchConfig(env)).contains("ZSCALER_VANITY_DOMAIN", "ZPA_DOCTOR_TOKEN_URL");
    }

    @Test
    void credentialsGoOverPlainHttpOnlyToThisMachine() {
        Map<String, String> env = oneApiEnv();
        env.put("ZPA_DOCTOR_BASE_URL", "http://api.example.com");
        assertThat(catchConfig(env)).contains("plain http to another machine", "base URL");
        env.put("ZPA_DOCTOR_BASE_URL", "http://10.1.2.3:8080");
        assertThat(catchConfig(env)).contains("plain http");
        env.put("ZPA_DOCTOR_TOKEN_URL", "http://login.example.com/token");
        env.put("ZPA_DOCTOR_BASE_URL", "https://api.example.com");
        assertThat(catchConfig(env)).contains("token URL", "plain http");
        for (String local : new String[] {"http://127.0.0.1:9", "http://localhost:9", "http://[::1]:9", "http://127.8.9.10"}) {
            env.put("ZPA_DOCTOR_TOKEN_URL", local + "/oauth2/v1/token");
            env.put("ZPA_DOCTOR_BASE_URL", local);
            assertThat(catchConfig(env)).as(local).isNull();
        }
        env.put("ZPA_DOCTOR_BASE_URL", "ftp://127.0.0.1");
        assertThat(catchConfig(env)).contains("must use https");
        env.put("ZPA_DOCTOR_BASE_URL", "api.zsapi.net");
        assertThat(catchConfig(env)).contains("absolute http(s) URL");
    }

    @Test
    void overridesReplaceTheDerivedUrlsAndTheSecretStaysHidden() throws Exception {
        Map<String, String> env = oneApiEnv();
        env.put("ZPA_DOCTOR_BASE_URL", "https://gateway.example.net/");
        env.put("ZPA_DOCTOR_TOKEN_URL", "https://idp.example.net/token");
        env.put("ZPA_MICROTENANT_ID", "12");
        ZpaApiConfig c = ZpaApiConfig.fromEnvironment(env).build();
        assertThat(c.baseUrl()).hasToString("https://gateway.example.net/");
        assertThat(c.tokenUrl()).hasToString("https://idp.example.net/token");
        assertThat(c.microtenantId()).isEqualTo("12");
        assertThat(c.toString()).doesNotContain(Secrets.CLIENT_SECRET).contains("hidden");
    }

    private static String catchConfig(Map<String, String> env) {
        try {
            ZpaApiConfig.fromEnvironment(env).build();
            return null;
        } catch (ZpaApiException e) {
            assertThat(e.kind()).isEqualTo(ZpaApiException.Kind.CONFIGURATION);
            assertThat(e.getMessage()).doesNotContain(Secrets.CLIENT_SECRET);
            return e.getMessage();
        }
    }
}
