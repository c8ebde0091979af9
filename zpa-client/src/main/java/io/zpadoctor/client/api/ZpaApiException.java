package io.zpadoctor.client.api;

import io.zpadoctor.client.internal.Redaction;

/**
 * A call to the ZPA API that failed, or a configuration that cannot make one. The message is one line that names
 * the request and the cause; it never holds a secret, a token or a response body beyond the API's own error code.
 */
public class ZpaApiException extends Exception {
    /** What kind of failure, so callers can choose an exit code or a remedy without parsing the message. */
    public enum Kind {
        /** The settings are incomplete or unsafe (missing customer id, plain http to a remote host...). */
        CONFIGURATION,
        /** The token endpoint refused the client credentials, or the API refused a fresh token. */
        AUTHENTICATION,
        /** Legacy API keys were used on a tenant that answers only through Zscaler OneAPI. */
        LEGACY_REFUSED,
        /** The customer id names no tenant these credentials can read. */
        CUSTOMER,
        /** The object asked for does not exist. */
        NOT_FOUND,
        /** The API refused a write as invalid (a 4xx other than the above). */
        REJECTED,
        /** Still rate limited when the retry time ran out. */
        RATE_LIMITED,
        /** No usable answer: connection failures, timeouts, 5xx, after every retry. */
        UNAVAILABLE,
        /** An answer that is not what the API returns (broken or cut-short JSON, a missing token). */
        BAD_RESPONSE,
        /** Answers that do not fit together: pages that repeat objects of earlier pages even when read again. */
        INCONSISTENT,
        /** The caller's thread was interrupted. */
        INTERRUPTED
    }

    private final Kind kind;
    private final String request;
    private final int status;

    public ZpaApiException(Kind kind, String request, int status, String message) {
        // the last line of defence: whatever a server echoed into the message, no key string or token leaves
        super(Redaction.scrub(request == null ? message : request + ": " + message, null));
        this.kind = kind;
        this.request = request;
        this.status = status;
    }

    public ZpaApiException(Kind kind, String message) {
        this(kind, null, -1, message);
    }

    public Kind kind() {
        return kind;
    }

    /** The request that failed, as {@code METHOD url}, or null for a configuration problem. */
    public String request() {
        return request;
    }

    /** The last HTTP status seen, or -1 when there was none. */
    public int status() {
        return status;
    }
}
