package io.zpadoctor.model.host;

/** What {@code ping} reported. */
public enum PingOutcome {
    /** At least one reply came back. */
    REPLIES,
    /** Packets were sent and none came back (100% loss): ICMP is often filtered, so not a cause by itself. */
    NO_REPLIES,
    /** The name did not resolve ({@code unknown host}, {@code Name or service not known}). */
    UNKNOWN_HOST,
    /** {@code Network is unreachable} / {@code connect: ...}: no route. */
    UNREACHABLE,
    /** The output shows no summary (interrupted before it) and no error. */
    UNKNOWN
}
