package io.zpadoctor.client.internal.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
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

    /** The node with every object key in camelCase, rebuilt only where a key changes. */
    public static JsonNode normalise(JsonNode n) {
        if (n instanceof ObjectNode o) {
            boolean change = false;
            for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!camel(k).equals(k)) {
                    change = true;
                    break;
                }
            }
            ObjectNode out = change ? JsonNodeFactory.instance.objectNode() : o;
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = normalise(e.getValue());
                String k = camel(e.getKey());
                if (change) {
                    if (!out.has(k) || out.get(k).isNull()) {
                        out.set(k, v);
                    }
                } else if (v != e.getValue()) {
                    e.setValue(v);
                }
            }
            return out;
        }
        if (n instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                JsonNode v = normalise(a.get(i));
                if (v != a.get(i)) {
                    a.set(i, v);
                }
            }
        }
        return n;
    }
}
