package io.zpadoctor.model.host;

/** What a TCP connection attempt to the broker ended in. */
public enum TcpOutcome {
    /** The connection was established. */
    OPEN,
    /** The peer or a firewall answered with a reset ({@code Connection refused}). */
    REFUSED,
    /** No answer within the time limit: typically a firewall dropping packets. */
    TIMED_OUT,
    /** {@code No route to host} / {@code Network is unreachable}. */
    NO_ROUTE,
    /** The name given could not be resolved. */
    NAME_NOT_RESOLVED,
    /** The tool only said it failed (the bash loop's {@code failed}) without a reason. */
    FAILED,
    /** A message this version does not know; the fact keeps it in {@code detail}. */
    UNKNOWN;

    /** Whether the attempt failed, whatever the reason. */
    public boolean failed() {
        return this != OPEN && this != UNKNOWN;
    }
}
