package io.zpadoctor.examples.cli;

import io.zpadoctor.client.api.ApiObject;
import io.zpadoctor.client.api.ZpaApiException;
import io.zpadoctor.client.api.ZpaClient;

import java.io.PrintStream;

/**
 * One API request that repairs a finding: a PUT of a whole object with one field changed, or the POST of a new
 * provisioning key. It prints itself exactly as it would be sent, sends itself, and checks the result by reading
 * the object back.
 *
 * @param resource the object's path under the customer ({@code connector/72058304855090012})
 * @param field the one field a PUT changes; for a POST, null
 * @param before the field's value as read (null when absent), {@code after} as sent
 */
record FixPlan(String method, String resource, ApiObject body, String field, String before, String after) {

    /** A PUT setting a field the API writes as a string (numbers included). */
    static FixPlan put(String resource, ApiObject current, String field, String value) {
        return new FixPlan("PUT", resource, current.with(field, value), field, current.text(field), value);
    }

    static FixPlan put(String resource, ApiObject current, String field, boolean value) {
        return new FixPlan("PUT", resource, current.with(field, value), field, current.text(field), Boolean.toString(value));
    }

    static FixPlan post(String resource, ApiObject body) {
        return new FixPlan("POST", resource, body, null, null, null);
    }

    void print(ZpaClient zpa, PrintStream out) {
        out.println("  " + method + " " + zpa.uri(resource));
        out.println("  Content-Type: application/json");
        out.println();
        for (String line : body.redacted().toPrettyJson().split("\n")) {
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
        String id = zpa.post(resource, body).id();
        return id == null || id.isEmpty() ? null : resource + "/" + id;
    }

    static String show(String v) {
        return v == null ? "(absent)" : v;
    }
}
