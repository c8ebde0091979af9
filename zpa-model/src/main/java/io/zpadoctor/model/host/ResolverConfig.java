package io.zpadoctor.model.host;

import io.zpadoctor.model.internal.Require;

import java.util.List;

/**
 * {@code /etc/resolv.conf} as {@code ls -l /etc/resolv.conf; cat /etc/resolv.conf} shows it
 * ({@code resolv-conf.txt}). The connector child runs as user {@code zscaler}, so the file must be readable by
 * others.
 *
 * @param line the {@code ls -l} line, or the first content line
 * @param exists false when {@code ls} or {@code cat} said "No such file or directory"
 * @param mode the permission string as {@code ls} prints it, e.g. {@code -rw-r--r--.}, or null
 * @param owner the owning user, or null
 * @param group the owning group, or null
 * @param worldReadable whether others may read it; null when not shown, or when it is a symbolic link (a
 *        link's own mode says nothing about its target)
 * @param symlinkTarget the target when {@code ls} shows a link ({@code -> ../run/systemd/resolve/stub-resolv.conf}), or null
 * @param contentShown whether the file's whole content was pasted (as long as the size {@code ls -l} gives): without
 *        it, an empty nameserver list means "not shown", not "none configured"
 * @param nameservers the {@code nameserver} addresses in order
 * @param searchDomains the {@code search} (or {@code domain}) names
 * @param options the {@code options} values, e.g. {@code timeout:2}
 * @param catError what {@code cat} printed instead of the content, e.g. {@code Permission denied}, or null
 */
public record ResolverConfig(String host, String source, Integer line, boolean exists, String mode, String owner,
                             String group, Boolean worldReadable, String symlinkTarget, boolean contentShown,
                             List<String> nameservers, List<String> searchDomains, List<String> options,
                             String catError) implements HostObservation {
    public ResolverConfig {
        Checks.origin(host, source, line);
        mode = Require.blankToNull(mode);
        owner = Require.blankToNull(owner);
        group = Require.blankToNull(group);
        symlinkTarget = Require.blankToNull(symlinkTarget);
        nameservers = Require.list(nameservers);
        searchDomains = Require.list(searchDomains);
        options = Require.list(options);
        catError = Require.blankToNull(catError);
    }
}
