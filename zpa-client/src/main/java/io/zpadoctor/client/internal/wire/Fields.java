package io.zpadoctor.client.internal.wire;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Typed reads of one API object's fields, forgiving about representation (numbers and times as strings or
 * numbers, epoch seconds or milliseconds, booleans as strings) and precise about what is wrong otherwise.
 */
public final class Fields {
    private final ApiJson.Item item;
    private final JsonNode node;
    private final String file;
    private final String what;

    public Fields(ApiJson.Item item, String file, String what) {
        this.item = item;
        this.node = item.node();
        this.file = file;
        this.what = what;
    }

    /** For an object nested in another (a group's embedded connectors): errors point at the parent field. */
    public Fields(JsonNode nested, ApiJson.Item parent, String parentField, String file, String what) {
        int[] at = parent.where(parentField);
        this.item = new ApiJson.Item((com.fasterxml.jackson.databind.node.ObjectNode) nested, at[0], at[1], null, -1,
                -1, parent.index());
        this.node = nested;
        this.file = file;
        this.what = what;
    }

    public JsonNode raw(String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v;
    }

    public String id() throws WireException {
        String id = text("id");
        if (id == null) {
            throw error("id", "has no \"id\"; every API object needs one");
        }
        return id;
    }

    public String text(String field) {
        JsonNode v = raw(field);
        if (v == null || v.isContainerNode()) {
            return null;
        }
        String s = v.asText().strip();
        return s.isEmpty() ? null : s;
    }

    /** The first field of several aliases that has a value. */
    public String text(String... fields) {
        for (String f : fields) {
            String v = text(f);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    public Integer integer(String field) throws WireException {
        JsonNode v = raw(field);
        if (v == null) {
            return null;
        }
        if (v.isIntegralNumber() && v.canConvertToInt()) {
            return v.asInt();
        }
        String s = v.asText().strip();
        if (s.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(s);
        } catch (NumberFormatException e) {
            throw error(field, "expected a whole number, found " + shown(v));
        }
    }

    public int count(String field) throws WireException {
        Integer v = integer(field);
        if (v != null && v < 0) {
            throw error(field, "expected a count of 0 or more, found " + v);
        }
        return v == null ? 0 : v;
    }

    public Integer nonNegative(String field) throws WireException {
        Integer v = integer(field);
        if (v != null && v < 0) {
            throw error(field, "expected a count of 0 or more, found " + v);
        }
        return v;
    }

    public boolean bool(String field, boolean absent) throws WireException {
        JsonNode v = raw(field);
        if (v == null) {
            return absent;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        String s = v.asText().strip().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            case "" -> absent;
            default -> throw error(field, "expected true or false, found " + shown(v));
        };
    }

    /**
     * Epoch seconds or milliseconds (as number or string) or ISO-8601. Zero means absent: the Python SDK
     * prints 0 for times the API did not send.
     */
    public Instant instant(String field) throws WireException {
        JsonNode v = raw(field);
        if (v == null) {
            return null;
        }
        String s = v.asText().strip();
        if (s.isEmpty()) {
            return null;
        }
        if (v.isNumber() && !v.canConvertToLong()) {
            // asLong() would keep the low 64 bits of 1e20: a made-up time instead of an error
            throw error(field, "expected epoch seconds or milliseconds, found the out-of-range number " + shown(v));
        }
        long n;
        try {
            n = v.isNumber() ? v.asLong() : Long.parseLong(s);
        } catch (NumberFormatException e) {
            try {
                return OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeParseException e2) {
                try {
                    return Instant.parse(s);
                } catch (DateTimeParseException e3) {
                    throw error(field, "expected epoch seconds, epoch milliseconds or an ISO-8601 time, found "
                            + shown(v));
                }
            }
        }
        if (n < 0) {
            throw error(field, "expected a time, found the negative number " + n);
        }
        if (n == 0) {
            return null;
        }
        return n > 100_000_000_000L ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n);
    }

    public List<JsonNode> array(String field) throws WireException {
        JsonNode v = raw(field);
        if (v == null) {
            return null;
        }
        if (!v.isArray()) {
            throw error(field, "expected an array, found " + shown(v));
        }
        List<JsonNode> out = new ArrayList<>(v.size());
        v.forEach(out::add);
        return out;
    }

    /** Strings of an array field (numbers turned into text); null when the field is absent. */
    public List<String> strings(String field) throws WireException {
        List<JsonNode> a = array(field);
        if (a == null) {
            return null;
        }
        List<String> out = new ArrayList<>(a.size());
        for (JsonNode n : a) {
            if (n.isContainerNode()) {
                throw error(field, "expected an array of strings, found " + shown(n) + " in it");
            }
            if (!n.isNull() && !n.asText().isBlank()) {
                out.add(n.asText().strip());
            }
        }
        return out;
    }

    /** Ids of an array of objects ({@code [{"id": ...}]}) or of plain ids; null when absent. */
    public List<String> ids(String field) throws WireException {
        List<JsonNode> a = array(field);
        if (a == null) {
            return null;
        }
        List<String> out = new ArrayList<>(a.size());
        for (JsonNode n : a) {
            String id = n.isObject() ? (n.hasNonNull("id") ? n.get("id").asText().strip() : null)
                    : n.isNull() ? null : n.asText().strip();
            if (id != null && !id.isEmpty() && !out.contains(id)) {
                out.add(id);
            }
        }
        return out;
    }

    public JsonNode object(String field) {
        JsonNode v = raw(field);
        return v != null && v.isObject() ? v : null;
    }

    public WireException error(String field, String problem) {
        int[] at = item.where(field);
        String id = node.hasNonNull("id") ? " (id " + node.get("id").asText() + ")" : "";
        return new WireException(file, at[0], at[1], what + " #" + (item.index() + 1) + id + ", field \""
                + field + "\": " + problem);
    }

    private static String shown(JsonNode v) {
        String s = v.isTextual() ? "\"" + v.asText() + "\"" : v.toString();
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
