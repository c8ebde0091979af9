package io.zpadoctor.client.api.internal;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

/** Where each Zscaler cloud's API and token endpoints live (zpa-domain.md 2.1 and 3). */
public final class Clouds {
    private static final Map<String, String> LEGACY = Map.of(
            "PRODUCTION", "https://config.private.zscaler.com",
            "ZPATWO", "https://config.zpatwo.net",
            "BETA", "https://config.zpabeta.net",
            "GOV", "https://config.zpagov.net",
            "GOVUS", "https://config.zpagov.us",
            "PREVIEW", "https://config.zpapreview.net",
            "DEV", "https://public-api.dev.zpath.net",
            "QA", "https://config.qa.zpath.net",
            "QA2", "https://pdx2-zpa-config.qa2.zpath.net");
    private static final String DEV_SIGNIN = "https://authn1.dev.zpath.net/authn/v1/oauth/token?grant_type=CLIENT_CREDENTIALS";

    private Clouds() {
    }

    public static URI oneApiBase(String cloud) {
        return switch (cloud) {
            case "PRODUCTION" -> URI.create("https://api.zsapi.net");
            case "GOV" -> URI.create("https://api.zscalergov.net");
            case "GOVUS" -> URI.create("https://api.zscalergov.us");
            default -> URI.create("https://api." + label(cloud) + ".zsapi.net");
        };
    }

    public static URI oneApiToken(String cloud, String vanity) {
        if (!vanity.matches("[A-Za-z0-9][A-Za-z0-9-]{0,62}")) {
            throw new IllegalArgumentException("ZSCALER_VANITY_DOMAIN must be the bare <vanity> of"
                    + " <vanity>.zslogin.net, not '" + vanity + "'");
        }
        String host = switch (cloud) {
            case "PRODUCTION" -> vanity + ".zslogin.net";
            case "GOV" -> vanity + ".zidentitygov.net";
            case "GOVUS" -> vanity + ".zidentitygov.us";
            default -> vanity + ".zslogin" + label(cloud) + ".net";
        };
        return URI.create("https://" + host.toLowerCase(Locale.ROOT) + "/oauth2/v1/token");
    }

    public static URI legacyBase(String cloud) {
        String base = LEGACY.get(cloud);
        if (base == null) {
            throw new IllegalArgumentException("unknown ZPA_CLOUD '" + cloud + "'; expected one of "
                    + String.join(", ", new java.util.TreeSet<>(LEGACY.keySet())));
        }
        return URI.create(base);
    }

    /** {@code POST <base>/signin}; the DEV cloud signs in elsewhere. */
    public static URI legacySignin(String cloud, URI base) {
        if ("DEV".equals(cloud) && base.toString().equals(LEGACY.get("DEV"))) {
            return URI.create(DEV_SIGNIN);
        }
        return URI.create(stripSlash(base.toString()) + "/signin");
    }

    static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static String label(String cloud) {
        String c = cloud.toLowerCase(Locale.ROOT);
        if (!c.matches("[a-z0-9]{1,30}")) {
            throw new IllegalArgumentException("ZSCALER_CLOUD must be a cloud name such as PRODUCTION or BETA, not '"
                    + cloud + "'");
        }
        return c;
    }
}
