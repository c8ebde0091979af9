package io.zpadoctor.model.host;

import java.util.Locale;

/** The outcome of a DNS query as {@code dig} reports it. */
public enum DnsStatus {
    NOERROR, NXDOMAIN, SERVFAIL, REFUSED, FORMERR, NOTIMP,
    /** No server answered ({@code connection timed out; no servers could be reached}). */
    TIMEOUT,
    /** Not printed ({@code dig +short}) or a code this version does not know; the fact keeps the raw text. */
    UNKNOWN;

    public static DnsStatus fromDig(String raw) {
        if (raw == null) {
            return UNKNOWN;
        }
        try {
            DnsStatus s = valueOf(raw.trim().toUpperCase(Locale.ROOT));
            return s == TIMEOUT ? UNKNOWN : s;
        } catch (IllegalArgumentException ex) {
            return UNKNOWN;
        }
    }
}
