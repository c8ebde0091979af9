package io.zpadoctor.client.api.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zpadoctor.client.internal.Redaction;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Locale;

/**
 * What an error answer says, in a few safe words: ZPA's {@code {"id","reason"}}, the OneAPI gateway's
 * {@code {"detail"}}, OAuth2's {@code {"error","error_description"}}, or a short plain-text body.
 */
public final class ErrorBody {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX = 160;

    private final String code;
    private final String text;
    private final boolean oneApiOnly;

    private ErrorBody(String code, String text, boolean oneApiOnly) {
        this.code = code;
        this.text = text;
        this.oneApiOnly = oneApiOnly;
    }

    /** {@code secrets} are cut out of whatever the server echoed. */
    public static ErrorBody of(byte[] body, Collection<String> secrets) {
        String raw = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        boolean oneApiOnly = raw.toLowerCase(Locale.ROOT).contains("only through zscaler oneapi");
        String code = null;
        String text = null;
        try {
            JsonNode n = raw.isBlank() ? null : MAPPER.readTree(raw);
            if (n != null && n.isObject()) {
                code = first(n, "id", "error", "code", "exception");
                text = first(n, "reason", "error_description", "message", "detail", "title");
            }
        } catch (Exception e) {
            // not JSON: the legacy refusal and gateway pages are plain text or HTML
        }
        if (code == null && text == null && !raw.isBlank() && !raw.strip().startsWith("<")) {
            text = raw;
        }
        return new ErrorBody(clean(code, secrets), clean(text, secrets), oneApiOnly);
    }

    /** The tenant answers only through Zscaler OneAPI (the legacy API's refusal). */
    public boolean oneApiOnly() {
        return oneApiOnly;
    }

    public String code() {
        return code;
    }

    /** {@code code: reason}, {@code reason}, or empty. */
    public String summary() {
        if (code != null && text != null && !code.equals(text)) {
            return code + ": " + text;
        }
        return code != null ? code : text != null ? text : "";
    }

    /** The summary in parentheses after a space, or nothing. */
    public String inParens() {
        String s = summary();
        return s.isEmpty() ? "" : " (" + s + ")";
    }

    private static String first(JsonNode n, String... fields) {
        for (String f : fields) {
            JsonNode v = n.get(f);
            if (v != null && v.isValueNode() && !v.asText().isBlank()) {
                return v.asText();
            }
        }
        return null;
    }

    private static String clean(String s, Collection<String> secrets) {
        if (s == null) {
            return null;
        }
        String t = Redaction.scrub(s, secrets).replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        if (t.length() > MAX) {
            t = t.substring(0, MAX - 3) + "...";
        }
        return t.isEmpty() ? null : t;
    }
}
