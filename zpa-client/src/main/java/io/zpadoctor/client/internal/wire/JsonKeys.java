package io.zpadoctor.client.internal.wire;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps the snake_case keys that the Python SDK and the Zscaler MCP server print back to the API's camelCase,
 * so one mapper reads both. Keys without an underscore are taken as they are.
 */
public final class JsonKeys {
    /** The SDK's few irregular spellings (an acronym split per letter, a mis-named field). */
    private static final Map<String, String> IRREGULAR = Map.of(
            "runtime_o_s", "runtimeOS",
            "runtime_os", "runtimeOS",
            "getc_name", "cName",
            "getcName", "cName",
            "c_name", "cName",
            "is_incomplete_dr_config", "isIncompleteDRConfig",
            "extranet_dto", "extranetDTO");
    private static final int CACHE_LIMIT = 4096;
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private JsonKeys() {
    }

    public static String camel(String key) {
        String irregular = IRREGULAR.get(key);
        if (irregular != null) {
            return irregular;
        }
        if (key.indexOf('_') < 0) {
            return key;
        }
        String cached = CACHE.get(key);
        if (cached != null) {
            return cached;
        }
        StringBuilder sb = new StringBuilder(key.length());
        boolean upper = false;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '_') {
                upper = sb.length() > 0;
            } else {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        String s = sb.toString();
        if (CACHE.size() < CACHE_LIMIT) {
            CACHE.put(key, s);
        }
        return s;
    }
}
