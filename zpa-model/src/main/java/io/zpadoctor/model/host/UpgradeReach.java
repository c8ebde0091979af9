package io.zpadoctor.model.host;

import io.zpadoctor.model.internal.Require;

/**
 * Whether an upgrade server answered HTTPS from the host ({@code upgrade-reach.txt}: the collector's
 * {@code curl -w "$h %{http_code}"} loop over {@code dist.private.zscaler.com} and {@code yum.private.zscaler.com}).
 * Any HTTP status, even 403 or 404, means DNS, TCP and TLS worked.
 *
 * @param line the line that gave the verdict
 * @param server the host name tried
 * @param httpStatus the HTTP status received; null when none ({@code 000}, or only an error was printed)
 * @param reachable an HTTP status between 100 and 599 was received
 * @param error curl's error message for this server, e.g. {@code Could not resolve host: dist.private.zscaler.com}, or null
 * @param curlExitCode the number in {@code curl: (6) ...}, or null
 */
public record UpgradeReach(String host, String source, Integer line, String server, Integer httpStatus,
                           boolean reachable, String error, Integer curlExitCode) implements HostObservation {
    public UpgradeReach {
        Checks.origin(host, source, line);
        Require.nonBlank(server, "server");
        error = Require.blankToNull(error);
    }
}
