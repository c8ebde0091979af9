package io.zpadoctor.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Takes secrets out of API objects and text: provisioning key strings (only the public {@code <n>|<host>|}
 * prefix is kept), fields named like secrets, tokens and private keys, and any known secret value.
 */
public final class Redaction {
    /** What replaces a secret. */
    public static final String MARK = "REDACTED";

    /** Field names that hold secrets; the names of ids, flags and counts about them do not match. */
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(secret|password|passwd|passphrase|token|privatekey|apikey|credential|bearer|authorization).*");
    private static final Pattern HARMLESS_NAME = Pattern.compile(
            "(?i).*(id|ids|name|present|type|enabled|count|time|expiry|expiration|insec|epochsec|status)$");

    private Redaction() {
    }

    /** Redacts {@code node} in place and returns it. */
    public static JsonNode redact(JsonNode node) {
        if (node instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String name = e.getKey();
                JsonNode v = e.getValue();
                if (v.isTextual() && name.equals("provisioningKey")) {
                    e.setValue(TextNode.valueOf(keyPrefix(v.asText())));
                } else if (v.isTextual() && secretName(name)) {
                    e.setValue(TextNode.valueOf(MARK));
                } else if (v.isContainerNode() && secretName(name)) {
                    e.setValue(TextNode.valueOf(MARK));
                } else if (v.isTextual()) {
                    String s = scrub(v.asText(), null);
                    if (!s.equals(v.asText())) {
                        e.setValue(TextNode.valueOf(s));
                    }
                } else {
                    redact(v);
                }
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                JsonNode v = a.get(i);
                if (v.isTextual()) {
                    String s = scrub(v.asText(), null);
                    if (!s.equals(v.asText())) {
                        a.set(i, TextNode.valueOf(s));
                    }
                } else {
                    redact(v);
                }
            }
        }
        return node;
    }

    /** {@code 3|api.private.zscaler.com|REDACTED} for a key string; the mark alone for anything else. */
    public static String keyPrefix(String keyString) {
        String[] parts = keyString.strip().split("\\|", 3);
        if (parts.length == 3 && parts[0].matches("\\d{1,4}") && parts[1].matches("[A-Za-z0-9.-]{1,253}")) {
            return parts[0] + "|" + parts[1] + "|" + MARK;
        }
        return keyString.isBlank() ? keyString : MARK;
    }

    /** Text with key strings, bearer tokens, JWTs, private keys and every one of {@code secrets} cut out. */
    public static String scrub(String text, Collection<String> secrets) {
        if (text == null) {
            return null;
        }
        String s = text;
        if (secrets != null) {
            for (String secret : secrets) {
                if (secret != null && secret.length() >= 4 && s.contains(secret)) {
                    s = s.replace(secret, MARK);
                }
            }
        }
        return io.zpadoctor.model.internal.SecretScrubber.scrub(s, MARK);
    }

    static boolean secretName(String name) {
        return SECRET_NAME.matcher(name).matches() && !HARMLESS_NAME.matcher(name).matches();
    }
}
