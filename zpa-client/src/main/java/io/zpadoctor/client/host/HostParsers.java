package io.zpadoctor.client.host;

import io.zpadoctor.model.host.ProcessSort;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The parser for each probe file name of catalog.md section 1. */
public final class HostParsers {
    private HostParsers() {
    }

    /**
     * Every probe file name to its parser.
     *
     * @param collectedAt when the bundle was collected, for the journal's year-less times; null when unknown
     */
    public static Map<String, HostParser> all(Instant collectedAt) {
        Map<String, HostParser> m = new LinkedHashMap<>();
        m.put("systemctl-status.txt", new SystemctlStatusParser());
        m.put("journal.txt", new JournalParser(collectedAt));
        m.put("ps-cpu.txt", new PsParser(ProcessSort.CPU));
        m.put("ps-mem.txt", new PsParser(ProcessSort.MEMORY));
        m.put("lscpu.txt", new LscpuParser());
        m.put("free.txt", new FreeParser());
        m.put("df.txt", new DfParser());
        m.put("du.txt", new DuParser());
        m.put("memory-status.txt", new MemoryStatusParser());
        m.put("dig-broker.txt", new DigParser());
        m.put("resolv-conf.txt", new ResolvConfParser());
        m.put("tcp-broker.txt", new TcpProbeParser());
        m.put("tls-broker.txt", new OpensslSClientParser());
        m.put("ping-broker.txt", new PingParser());
        m.put("time-sync.txt", new TimeSyncParser());
        m.put("upgrade-reach.txt", new UpgradeReachParser());
        m.put("provision-key.txt", new ProvisionKeyParser());
        m.put("opt-zscaler-var.txt", new OptZscalerVarParser());
        m.put("ip-addr.txt", new IpAddrParser());
        return Collections.unmodifiableMap(m);
    }

    /** The parser for one probe file name, or null when the name is not a known probe. */
    public static HostParser forFile(String name, Instant collectedAt) {
        return all(collectedAt).get(name);
    }
}
