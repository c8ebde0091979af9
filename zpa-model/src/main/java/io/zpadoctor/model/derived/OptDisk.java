package io.zpadoctor.model.derived;

import io.zpadoctor.model.host.DiskUsage;

/** The filesystem that holds {@code /opt/zscaler} on a host: the one whose space the connector needs. */
public record OptDisk(String host, DiskUsage filesystem) {
}
