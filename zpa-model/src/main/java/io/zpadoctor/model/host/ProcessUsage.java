package io.zpadoctor.model.host;

import io.zpadoctor.model.internal.Require;

/**
 * One row of {@code ps aux} ({@code ps-cpu.txt} or {@code ps-mem.txt}).
 *
 * @param line the row's line in the file
 * @param rank 1 for the first row of the listing, 2 for the next...
 * @param sortedBy the order of the listing the row came from (see {@link ProcessTable})
 * @param user the owner as {@code ps} prints it (names longer than 8 characters are cut or shown as a uid)
 * @param cpuPercent {@code %CPU}: share of one CPU, so it can exceed 100 on several cores
 * @param memPercent {@code %MEM}: share of physical memory
 * @param vszKb virtual size in KiB
 * @param rssKb resident size in KiB
 * @param command the command with its arguments
 * @param connectorChild the row is the connector's data plane: {@code zpa-connector-child}, or
 *        {@code /opt/zscaler/var/image.bin} as some tools show it
 * @param connectorManager the row is the connector's manager, {@code /opt/zscaler/bin/zpa-connector}
 */
public record ProcessUsage(String host, String source, Integer line, int rank, ProcessSort sortedBy, String user,
                           int pid, double cpuPercent, double memPercent, long vszKb, long rssKb, String command,
                           boolean connectorChild, boolean connectorManager) implements HostObservation {
    public ProcessUsage {
        Checks.origin(host, source, line);
        if (rank < 1) {
            throw new IllegalArgumentException("rank is 1-based, got " + rank);
        }
        sortedBy = sortedBy == null ? ProcessSort.NONE : sortedBy;
        Require.nonBlank(user, "user");
        Require.nonNegative(pid, "pid");
        Checks.nonNegative(cpuPercent, "cpuPercent");
        Checks.nonNegative(memPercent, "memPercent");
        Checks.nonNegative(vszKb, "vszKb");
        Checks.nonNegative(rssKb, "rssKb");
        Require.nonBlank(command, "command");
    }

    /** Another process than the connector's two. */
    public boolean thirdParty() {
        return !connectorChild && !connectorManager;
    }
}
