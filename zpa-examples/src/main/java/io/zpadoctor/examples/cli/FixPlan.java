package io.zpadoctor.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zpadoctor.client.api.ZpaApiException;
import io.zpadoctor.client.api.ZpaClient;
import io.zpadoctor.client.bundle.BundleWriter;

import java.io.PrintStream;

/**
 * One API request that repairs a finding: a PUT of a whole object with one field changed, or the POST of a new
 * provisioning key. It prints itself exactly as it would be sent, sends itself, and checks the result by reading
 * the object back.
 *
 * @param resource the object's path under the customer ({@code connector/72058304855090012})
 * @param field the one field a PUT changes; for a POST, null
 */
record FixPlan(String method, String resource, ObjectNode body, String field, JsonNode before, JsonNode after) {
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static FixPlan put(String resource, ObjectNode current, String field, JsonNode value) {
        ObjectNode body = current.deepCopy();
        JsonNode before = current.get(field);
        body.set(field, value);
        return new FixPlan("PUT", resource, body, field, before, value);
    }

    static FixPlan post(String resource, ObjectNode body) {
        return new FixPlan("POST", resource, body, null, null, null);
    }

    void print(ZpaClient zpa, PrintStream out) {
        out.println("  " + method + " " + zpa.uri(resource));
        out.println("  Content-Type: application/json");
        out.println();
        JsonNode shown = BundleWriter.redacted(body);
        for (String line : pretty(shown).split("\n")) {
            out.println("  " + line);
        }
        out.println();
        if (method.equals("PUT")) {
            out.println("It changes one field, " + field + ": " + show(before) + " -> " + show(after) + ". The rest is"
                    + " the object as just read, sent back whole: a PUT replaces the object.");
            if (resource.contains("provisioningKey/")) {
                out.println("The key string itself is left out: ZPA generates it, and ZPA Doctor never handles it.");
            }
        }
    }

    /** Sends the request and returns the resource to read back. */
    String send(ZpaClient zpa) throws ZpaApiException {
        if (method.equals("PUT")) {
            zpa.put(resource, body);
            return resource;
        }
        ObjectNode created = zpa.post(resource, body);
        String id = created.path("id").asText("");
        return id.isEmpty() ? null : resource + "/" + id;
    }

    static String show(JsonNode v) {
        return v == null || v.isNull() ? "(absent)" : v.isTextual() ? v.asText() : v.toString();
    }

    static String pretty(JsonNode n) {
        try {
            return PRETTY.writeValueAsString(n);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
