package io.zpadoctor.model.host;

import io.zpadoctor.model.internal.Require;

import java.util.List;

/**
 * A name resolution of the broker discovery name ({@code dig co2br.<cloud>}, {@code dig-broker.txt}).
 * {@code co2br} is a CNAME chain ending in A records; a healthy answer has at least two addresses.
 *
 * @param line the line the query starts at ({@code ; <<>> DiG} or the first {@code +short} line)
 * @param queryName the name asked for, without the trailing dot; null when the output does not say
 *        ({@code +short} without the pasted command line)
 * @param status the response code; {@link DnsStatus#TIMEOUT} when no server answered; {@link DnsStatus#UNKNOWN}
 *        for {@code +short} output, which prints none
 * @param statusRaw the code as printed, or null
 * @param addresses the IPv4 and IPv6 addresses of the answer, in order
 * @param cnameChain the CNAME targets followed, in order, without trailing dots
 * @param server the server that answered ({@code ;; SERVER: 10.0.0.2#53(10.0.0.2)} gives {@code 10.0.0.2}), or
 *        the one that timed out, or null
 * @param queryTimeMsec {@code ;; Query time}, or null
 * @param shortForm the output was {@code dig +short}: no status, so an empty answer cannot tell NXDOMAIN from
 *        NOERROR without records, nor from output that was lost
 * @param complete the whole answer is shown: dig's closing lines ({@code ;; Query time}, {@code ;; MSG SIZE}) came
 *        after it, or its header counted no answer; for {@code +short}, the shell prompt came back after it. An empty
 *        answer from output that stops earlier is unknown
 */
public record DnsLookup(String host, String source, Integer line, String queryName, DnsStatus status,
                        String statusRaw, List<String> addresses, List<String> cnameChain, String server,
                        Integer queryTimeMsec, boolean shortForm, boolean complete) implements HostObservation {
    public DnsLookup {
        Checks.origin(host, source, line);
        queryName = Require.blankToNull(queryName);
        status = status == null ? DnsStatus.UNKNOWN : status;
        statusRaw = Require.blankToNull(statusRaw);
        addresses = Require.list(addresses);
        cnameChain = Require.list(cnameChain);
        server = Require.blankToNull(server);
        Checks.nonNegative(queryTimeMsec, "queryTimeMsec");
    }

    /** The name resolved to at least one address. */
    public boolean resolved() {
        return !addresses.isEmpty();
    }

    /**
     * The lookup certainly failed: the server said so (NXDOMAIN, SERVFAIL, REFUSED...), no server answered, or the
     * whole answer holds no address. An answer that is not all there is unknown.
     */
    public boolean failed() {
        return switch (status) {
            case NXDOMAIN, SERVFAIL, REFUSED, FORMERR, NOTIMP, TIMEOUT -> true;
            case NOERROR -> complete && addresses.isEmpty();
            case UNKNOWN -> shortForm && complete && addresses.isEmpty();
        };
    }
}
