package io.zpadoctor.client.api;

import io.zpadoctor.client.internal.JsonApiObject;

import java.util.Set;

/**
 * One ZPA API object as the wire carries it (a connector, a group, a provisioning key...), immutable: what a
 * snapshot writes and what {@code fix} reads, changes one field of, and sends back whole. Values are read as the
 * API shows them ({@code "5"} for a number the API writes as a string, {@code true} for a boolean).
 */
public interface ApiObject {

    /** An object with no fields, to build a new one from. */
    static ApiObject empty() {
        return JsonApiObject.empty();
    }

    /** The object a JSON text holds; {@link IllegalArgumentException} when it is not one JSON object. */
    static ApiObject parse(String json) {
        return JsonApiObject.parse(json);
    }

    /** The {@code id} field, or null. */
    String id();

    /** The field's value as written: text as is, a number or boolean as its JSON literal, null when absent or null. */
    String text(String field);

    boolean has(String field);

    /** The field names, in the object's order. */
    Set<String> fields();

    /** A copy with {@code field} set to a string. */
    ApiObject with(String field, String value);

    /** A copy with {@code field} set to a boolean. */
    ApiObject with(String field, boolean value);

    /** A copy with {@code field} set to a number. */
    ApiObject with(String field, long value);

    /** A copy as a bundle or a printed plan may show it: provisioning key strings cut to their prefix, secrets replaced. */
    ApiObject redacted();

    /** The object as compact JSON, exactly as it would be sent. */
    String toJson();

    /** The object as indented JSON. */
    String toPrettyJson();
}
