package io.zpadoctor.model.host;

import io.zpadoctor.model.internal.Require;

/**
 * {@code ping -c 4 co2br.<cloud>} ({@code ping-broker.txt}). Informational: ICMP is often filtered, so
 * failure matters only when TCP and TLS fail too.
 *
 * @param line the summary line, the {@code PING} line, or the error line
 * @param target the name or address pinged, or null
 * @param resolvedAddress the address {@code PING name (address)} resolved to, or null
 * @param transmitted packets sent, or null without a summary
 * @param received packets received, or null without a summary
 * @param lossPercent packet loss as printed, or null
 * @param rttAvgMs average round trip in milliseconds, or null (absent when nothing came back)
 * @param outcome the verdict
 * @param detail the error text, e.g. {@code Name or service not known}, or null
 */
public record PingResult(String host, String source, Integer line, String target, String resolvedAddress,
                         Integer transmitted, Integer received, Double lossPercent, Double rttAvgMs,
                         PingOutcome outcome, String detail) implements HostObservation {
    public PingResult {
        Checks.origin(host, source, line);
        target = Require.blankToNull(target);
        resolvedAddress = Require.blankToNull(resolvedAddress);
        Checks.nonNegative(transmitted, "transmitted");
        Checks.nonNegative(received, "received");
        Checks.nonNegative(lossPercent, "lossPercent");
        Checks.nonNegative(rttAvgMs, "rttAvgMs");
        outcome = outcome == null ? PingOutcome.UNKNOWN : outcome;
        detail = Require.blankToNull(detail);
    }
}
