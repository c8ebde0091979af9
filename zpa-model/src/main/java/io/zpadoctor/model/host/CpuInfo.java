package io.zpadoctor.model.host;

import io.zpadoctor.model.internal.Require;

/**
 * The VM's processors as {@code lscpu} describes them ({@code lscpu.txt}).
 *
 * @param cpus {@code CPU(s)}: logical processors the connector can use
 * @param threadsPerCore {@code Thread(s) per core}: above 1 means hyperthreading (sizing then asks for 4 CPUs)
 * @param coresPerSocket {@code Core(s) per socket}
 * @param sockets {@code Socket(s)}
 * @param aesNi whether {@code Flags} lists {@code aes}; null when the output has no flags line
 * @param hypervisorVendor {@code Hypervisor vendor}, e.g. {@code VMware}, {@code KVM}, {@code Microsoft}; null on bare metal
 * @param modelName {@code Model name}
 * @param architecture {@code Architecture}, e.g. {@code x86_64}
 */
public record CpuInfo(String host, String source, Integer line, Integer cpus, Integer threadsPerCore,
                      Integer coresPerSocket, Integer sockets, Boolean aesNi, String hypervisorVendor,
                      String modelName, String architecture) implements HostObservation {
    public CpuInfo {
        Checks.origin(host, source, line);
        Checks.nonNegative(cpus, "cpus");
        Checks.nonNegative(threadsPerCore, "threadsPerCore");
        hypervisorVendor = Require.blankToNull(hypervisorVendor);
        modelName = Require.blankToNull(modelName);
        architecture = Require.blankToNull(architecture);
    }

    /** More than one thread per core: Zscaler's sizing then expects at least 4 CPUs, else 2. */
    public boolean hyperthreaded() {
        return threadsPerCore != null && threadsPerCore > 1;
    }
}
