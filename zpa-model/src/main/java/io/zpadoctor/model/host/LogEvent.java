package io.zpadoctor.model.host;

import io.zpadoctor.model.internal.Require;

import java.time.LocalDateTime;

/**
 * A classified line of the connector's journal ({@code journal.txt}). The secret part of a provisioning key
 * is never kept: a login nonce is reduced to its public prefix {@code <n>|<host>|}.
 *
 * @param line the line in the file
 * @param time the wall-clock time the line shows, in the host's zone (the default journal format prints
 *        none); null for a line pasted without its journal prefix, or when the year could not be known
 * @param process the syslog identifier, e.g. {@code zpa-connector-child}, {@code zpa-connector}, {@code systemd};
 *        null without a prefix
 * @param pid the process id in brackets, or null
 * @param kind what the line means
 * @param detail the value the kind carries: the close reason ({@code FOHH_CLOSE_REASON_SOCKET_ERR}), the pause
 *        reason, the key prefix of a refused login ({@code 3|api-release.prod.zpath.net|}), the name that did
 *        not resolve, the issuer of an intercepting certificate, the enrollment API host, a version...; or null
 * @param peer the remote end named on the line (a broker or {@code co2br} host name), or null
 * @param seconds for {@link LogEventKind#EXITED_TOO_FAST} how long the child ran; for
 *        {@link LogEventKind#TIME_SYNCHRONIZED} the host clock minus the cloud clock (positive: host ahead)
 * @param days for {@link LogEventKind#CERTIFICATE_EXPIRY} whole days left
 * @param httpStatus the HTTP status a login or CSR request received
 * @param message the line's message, with any key nonce redacted, for the report
 */
public record LogEvent(String host, String source, Integer line, LocalDateTime time, String process, Integer pid,
                       LogEventKind kind, String detail, String peer, Double seconds, Integer days,
                       Integer httpStatus, String message) implements HostObservation {
    public LogEvent {
        Checks.origin(host, source, line);
        if (kind == null) {
            throw new IllegalArgumentException("a log event needs a kind");
        }
        process = Require.blankToNull(process);
        detail = Require.blankToNull(detail);
        peer = Require.blankToNull(peer);
        Checks.nonNegative(days, "days");
        message = Require.blankToNull(message);
    }

    /** See {@link LogEventKind#benign()}. */
    public boolean benign() {
        return kind.benign();
    }
}
