package io.zpadoctor.client.api.internal;

import java.net.URI;

/**
 * One API request as planned.
 *
 * @param body the JSON to send, or null for GET
 * @param list a page of a list: a 404 then means the customer path is wrong, not that an object is missing
 */
public record Call(String method, URI uri, byte[] body, boolean list) {
    public static Call get(URI uri, boolean list) {
        return new Call("GET", uri, null, list);
    }

    /** {@code METHOD url}, as errors and logs name a request. */
    public String label() {
        return method + " " + uri;
    }

    boolean isGet() {
        return method.equals("GET");
    }

    /** Sending it twice does no harm: reads, and PUT (which replaces the whole object). */
    boolean idempotent() {
        return !method.equals("POST");
    }
}
