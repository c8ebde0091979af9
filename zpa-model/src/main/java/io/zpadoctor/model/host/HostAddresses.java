package io.zpadoctor.model.host;

import io.zpadoctor.model.internal.Require;

import java.util.List;

/**
 * The VM's name and IPv4 addresses ({@code ip-addr.txt}: {@code hostname; ip -4 -o addr show}, or
 * {@code ip addr}, or {@code hostname -I}). Used to tie the host folder to the API connector whose
 * {@code privateIp} is one of them.
 *
 * @param line the first address line
 * @param hostname the name {@code hostname} printed, or null when not pasted
 * @param addresses the IPv4 addresses without prefix length, in order, loopback included
 */
public record HostAddresses(String host, String source, Integer line, String hostname, List<String> addresses) implements HostObservation {
    public HostAddresses {
        Checks.origin(host, source, line);
        hostname = Require.blankToNull(hostname);
        addresses = Require.list(addresses);
    }

    /** The addresses other than loopback ({@code 127.0.0.0/8}). */
    public List<String> nonLoopback() {
        return addresses.stream().filter(a -> !a.startsWith("127.")).toList();
    }
}
