package io.zpadoctor.client.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zpadoctor.client.api.ApiObject;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/** The one implementation of {@link ApiObject}: a Jackson tree that never leaves this package's hands unchanged. */
public final class JsonApiObject implements ApiObject {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ObjectNode node;

    private JsonApiObject(ObjectNode node) {
        this.node = node;
    }

    /** Wraps a tree the caller hands over and no longer changes (a parsed page, a built request). */
    public static JsonApiObject of(ObjectNode node) {
        return new JsonApiObject(node);
    }

    public static JsonApiObject empty() {
        return new JsonApiObject(MAPPER.createObjectNode());
    }

    public static JsonApiObject parse(String json) {
        try {
            JsonNode n = MAPPER.readTree(json);
            if (!(n instanceof ObjectNode o)) {
                throw new IllegalArgumentException("expected one JSON object, found " + (n == null ? "nothing"
                        : n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)));
            }
            return new JsonApiObject(o);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The tree of any ApiObject (read-only use: callers copy before changing it). */
    public static ObjectNode node(ApiObject o) {
        return o instanceof JsonApiObject j ? j.node : parse(o.toJson()).node;
    }

    @Override
    public String id() {
        return text("id");
    }

    @Override
    public String text(String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.isTextual() ? v.asText() : v.toString();
    }

    @Override
    public boolean has(String field) {
        return node.has(field);
    }

    @Override
    public Set<String> fields() {
        Set<String> out = new LinkedHashSet<>();
        node.fieldNames().forEachRemaining(out::add);
        return Collections.unmodifiableSet(out);
    }

    @Override
    public ApiObject with(String field, String value) {
        return new JsonApiObject(node.deepCopy().put(field, value));
    }

    @Override
    public ApiObject with(String field, boolean value) {
        return new JsonApiObject(node.deepCopy().put(field, value));
    }

    @Override
    public ApiObject with(String field, long value) {
        return new JsonApiObject(node.deepCopy().put(field, value));
    }

    @Override
    public ApiObject redacted() {
        return new JsonApiObject((ObjectNode) Redaction.redact(node.deepCopy()));
    }

    @Override
    public String toJson() {
        return node.toString();
    }

    @Override
    public String toPrettyJson() {
        try {
            return PRETTY.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JsonApiObject j && j.node.equals(node);
    }

    @Override
    public int hashCode() {
        return node.hashCode();
    }

    @Override
    public String toString() {
        return toJson();
    }
}
