package io.zpadoctor.model.host;

import io.zpadoctor.model.internal.Require;

/**
 * One TCP connection attempt to a broker address on port 443 ({@code tcp-broker.txt}): the collector's bash
 * {@code /dev/tcp} loop, {@code nc -vz} (OpenBSD or nmap's ncat) or {@code telnet}.
 *
 * @param line the line that gave the outcome
 * @param target the address or name tried, or null when the tool does not print it (ncat failures) and no
 *        command line was pasted
 * @param port the port tried, or null when not shown
 * @param outcome what happened
 * @param tool {@code bash}, {@code nc}, {@code ncat} or {@code telnet}
 * @param detail the tool's own words, e.g. {@code Connection refused}, or null
 */
public record TcpProbe(String host, String source, Integer line, String target, Integer port, TcpOutcome outcome,
                       String tool, String detail) implements HostObservation {
    public TcpProbe {
        Checks.origin(host, source, line);
        target = Require.blankToNull(target);
        outcome = outcome == null ? TcpOutcome.UNKNOWN : outcome;
        Require.nonBlank(tool, "tool");
        detail = Require.blankToNull(detail);
    }
}
