package io.zpadoctor.examples.cli;

import io.zpadoctor.client.api.AuthMode;
import io.zpadoctor.client.api.TenantRead;
import io.zpadoctor.client.api.ZpaApiConfig;
import io.zpadoctor.client.api.ZpaApiException;
import io.zpadoctor.client.api.ZpaClient;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.Map;

/**
 * How to reach the live tenant. Credentials come only from the environment (the official SDKs' variables), never
 * from the command line, where other users of the machine could read them.
 */
final class ApiOptions {
    /** The environment to read; tests put their own here. */
    static volatile Map<String, String> environment;

    @Option(names = "--api", description = "Read the tenant from the ZPA API. Credentials come from the environment:"
            + " ZSCALER_CLIENT_ID, ZSCALER_CLIENT_SECRET, ZSCALER_VANITY_DOMAIN, ZSCALER_CUSTOMER_ID (OneAPI), or"
            + " ZPA_CLIENT_ID, ZPA_CLIENT_SECRET, ZPA_CUSTOMER_ID, ZPA_CLOUD (legacy API keys).")
    boolean api;

    @Option(names = "--base-url", paramLabel = "URL", description = "The API host root, e.g. https://api.zsapi.net"
            + " (default: from ZSCALER_CLOUD or ZPA_CLOUD; also ZPA_DOCTOR_BASE_URL).")
    String baseUrl;

    @Option(names = "--token-url", paramLabel = "URL", description = "The token endpoint (default: from"
            + " ZSCALER_VANITY_DOMAIN, or <base>/signin for legacy keys; also ZPA_DOCTOR_TOKEN_URL).")
    String tokenUrl;

    @Option(names = "--customer-id", paramLabel = "ID",
            description = "The ZPA tenant id (default: ZSCALER_CUSTOMER_ID or ZPA_CUSTOMER_ID).")
    String customerId;

    @Option(names = "--proxy", paramLabel = "URL", description = "The HTTP proxy to reach the API through,"
            + " http://host:port (default: HTTPS_PROXY, or HTTP_PROXY for an http base URL; hosts in NO_PROXY go"
            + " direct). A proxy password is better given in HTTPS_PROXY than here, where ps shows it.")
    String proxy;

    @Option(names = "--legacy", description = "Use legacy ZPA API keys (ZPA_CLIENT_ID / ZPA_CLIENT_SECRET) even when"
            + " OneAPI variables are set.")
    boolean legacy;

    static Map<String, String> env() {
        Map<String, String> e = environment;
        return e != null ? e : System.getenv();
    }

    ZpaApiConfig config() {
        Map<String, String> env = env();
        ZpaApiConfig.Builder b = ZpaApiConfig.fromEnvironment(env);
        if (legacy) {
            b.legacy(env.get("ZPA_CLIENT_ID"), env.get("ZPA_CLIENT_SECRET"))
                    .cloud(env.getOrDefault("ZPA_CLOUD", env.get("ZSCALER_CLOUD")));
        }
        if (baseUrl != null) {
            b.baseUrl(baseUrl);
        }
        if (tokenUrl != null) {
            b.tokenUrl(tokenUrl);
        }
        if (customerId != null) {
            b.customerId(customerId);
        }
        if (proxy != null) {
            b.proxy(proxy);
        }
        String budget = env.get("ZPA_DOCTOR_RETRY_TIME");
        if (budget != null && !budget.isBlank()) {
            try {
                b.retryBudget(Duration.ofSeconds(Long.parseLong(budget.strip().replaceAll("s$", ""))));
            } catch (NumberFormatException e) {
                throw new CliException(ExitCodes.USAGE, "ZPA_DOCTOR_RETRY_TIME must be seconds, like 120, not '"
                        + budget + "'");
            }
        }
        String pace = env.get("ZPA_DOCTOR_RATE_LIMIT");
        if (pace != null && !pace.isBlank()) {
            rateLimit(b, pace.strip());
        }
        try {
            return b.build();
        } catch (ZpaApiException e) {
            throw new CliException(ExitCodes.USAGE, "API settings: " + e.getMessage());
        }
    }

    /** {@code 20/10s}: GET requests per window; writes get half. */
    private static void rateLimit(ZpaApiConfig.Builder b, String pace) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,4})\\s*/\\s*(\\d{1,4})s?").matcher(pace);
        if (!m.matches() || Integer.parseInt(m.group(1)) == 0 || Integer.parseInt(m.group(2)) == 0) {
            throw new CliException(ExitCodes.USAGE, "ZPA_DOCTOR_RATE_LIMIT must look like 20/10s (GET requests per"
                    + " seconds), not '" + pace + "'");
        }
        int gets = Integer.parseInt(m.group(1));
        b.rateLimit(gets, Math.max(1, gets / 2), Duration.ofSeconds(Integer.parseInt(m.group(2))));
    }

    /** Reads the whole tenant, with a progress line on standard error when it takes more than a moment. */
    static TenantRead read(ZpaClient zpa) {
        Progress progress = new Progress(System.err);
        try {
            TenantRead r = zpa.readTenant(progress);
            progress.finish(r);
            return r;
        } catch (ZpaApiException e) {
            progress.abandon();
            throw failure(e);
        }
    }

    /** One line and an exit code for an API failure: 64 settings, 65 a broken answer, 69 the service said no. */
    static CliException failure(ZpaApiException e) {
        int code = switch (e.kind()) {
            case CONFIGURATION -> ExitCodes.USAGE;
            case BAD_RESPONSE -> ExitCodes.DATA;
            default -> ExitCodes.UNAVAILABLE;
        };
        return new CliException(code, e.getMessage());
    }

}
