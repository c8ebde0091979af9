package io.zpadoctor.model.host;

import io.zpadoctor.model.internal.Require;

/**
 * One filesystem as {@code df} shows it ({@code df.txt}), sizes in MiB whatever unit the output used. A
 * column printed as {@code -} (pseudo filesystems) is null, never zero.
 *
 * @param line the row's line (the second line when {@code df -h} wrapped a long device name)
 * @param filesystem the device, e.g. {@code /dev/mapper/rhel-root}
 * @param sizeMb size
 * @param usedMb used
 * @param availableMb free space available to unprivileged users: what "free space" means for the connector
 * @param usePercent {@code Use%} (or {@code Capacity}) as printed
 * @param mountedOn the mount point, e.g. {@code /}
 * @param approximate the sizes came from {@code df -h} and were rounded by {@code df} itself
 */
public record DiskUsage(String host, String source, Integer line, String filesystem, Long sizeMb, Long usedMb,
                        Long availableMb, Integer usePercent, String mountedOn, boolean approximate) implements HostObservation {
    public DiskUsage {
        Checks.origin(host, source, line);
        Require.nonBlank(filesystem, "filesystem");
        Checks.nonNegative(sizeMb, "sizeMb");
        Checks.nonNegative(usedMb, "usedMb");
        Checks.nonNegative(availableMb, "availableMb");
        Checks.nonNegative(usePercent, "usePercent");
        Require.nonBlank(mountedOn, "mountedOn");
    }

    /**
     * Whether this filesystem holds {@code path}: its mount point is the path or a parent of it. Rules pick the
     * longest such mount for {@code /opt/zscaler}.
     */
    public boolean holds(String path) {
        if (path == null || !path.startsWith("/")) {
            return false;
        }
        if (mountedOn.equals("/")) {
            return true;
        }
        return path.equals(mountedOn) || path.startsWith(mountedOn + "/");
    }
}
