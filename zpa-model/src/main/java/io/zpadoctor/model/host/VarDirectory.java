package io.zpadoctor.model.host;

import io.zpadoctor.model.internal.Require;

import java.util.List;

/**
 * The connector's state directory as {@code ls -la /opt/zscaler/var} lists it ({@code opt-zscaler-var.txt}).
 * Deleting {@code image.bin}, {@code version} and {@code metadata} reverts to the default build; wiping
 * everything is the full reset; {@code instance_id.crypt} is bound to the VM's hardware.
 *
 * @param line the first line read
 * @param exists false when {@code ls} said "No such file or directory"
 * @param entries every name listed except {@code .} and {@code ..}, in order
 * @param imageBin {@code image.bin}, the child software image, is present
 * @param version {@code version} is present
 * @param metadata {@code metadata} is present
 * @param instanceIdCrypt {@code instance_id.crypt} is present
 * @param provisionKey {@code provision_key} is present
 * @param configSnapshots {@code config_snapshots} is present
 * @param binarySnapshots {@code binary_snapshots} is present
 * @param imageBinSizeBytes the size of {@code image.bin}, or null
 * @param directoryOwner the owner of {@code .} (the directory itself), or null when not listed
 * @param directoryMode the mode of {@code .}, e.g. {@code drwxr-xr-x.}, or null
 */
public record VarDirectory(String host, String source, Integer line, boolean exists, List<String> entries,
                           boolean imageBin, boolean version, boolean metadata, boolean instanceIdCrypt,
                           boolean provisionKey, boolean configSnapshots, boolean binarySnapshots,
                           Long imageBinSizeBytes, String directoryOwner, String directoryMode) implements HostObservation {
    public VarDirectory {
        Checks.origin(host, source, line);
        entries = Require.list(entries);
        Checks.nonNegative(imageBinSizeBytes, "imageBinSizeBytes");
        directoryOwner = Require.blankToNull(directoryOwner);
        directoryMode = Require.blankToNull(directoryMode);
    }

    public boolean has(String name) {
        return entries.contains(name);
    }
}
