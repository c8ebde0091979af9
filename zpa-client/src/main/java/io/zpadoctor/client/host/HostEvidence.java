package io.zpadoctor.client.host;

import io.zpadoctor.client.host.HostFolder;
import io.zpadoctor.model.ReportedCase;
import io.zpadoctor.model.host.HostAddresses;
import io.zpadoctor.model.host.HostFact;
import io.zpadoctor.model.host.HostInventory;
import io.zpadoctor.model.host.HostMatch;
import io.zpadoctor.model.host.ProbeProblem;
import io.zpadoctor.model.host.StatusBlock;
import io.zpadoctor.model.tenant.AppConnector;
import io.zpadoctor.model.tenant.Tenant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a bundle's host folders into host facts: every probe file through its parser (observations, or a
 * {@code ProbeProblem}), and a {@link HostInventory} tying the folder to its connector. The match is tried in
 * this order (architecture.md): the connector id in the journal's status-block header; one of the VM's
 * addresses ({@code ip-addr.txt}) as a connector's {@code privateIp}; the folder name as a connector's name;
 * the case's connector when the bundle has a single host.
 */
public final class HostEvidence {
    private HostEvidence() {
    }

    /** As {@link #collect(List, Tenant, ReportedCase, Instant)} without a collection time. */
    public static List<HostFact> collect(List<HostFolder> hosts, Tenant tenant, ReportedCase c) {
        return collect(hosts, tenant, c, null);
    }

    /**
     * @param collectedAt when the bundle was collected ({@code case.json collectedAt}): the journal's default
     *        format has no year and takes it from here; null when unknown
     */
    public static List<HostFact> collect(List<HostFolder> hosts, Tenant tenant, ReportedCase c, Instant collectedAt) {
        Tenant t = tenant == null ? Tenant.EMPTY : tenant;
        ReportedCase rc = c == null ? ReportedCase.NONE : c;
        Map<String, HostParser> parsers = HostParsers.all(collectedAt);
        List<HostFact> facts = new ArrayList<>();
        for (HostFolder h : hosts) {
            List<HostFact> observed = new ArrayList<>();
            h.files().forEach((name, text) -> {
                HostParser p = parsers.get(name);
                if (p == null) {
                    return;
                }
                String note = h.readNotes().get(name);
                HostFile file = new HostFile(h.name(), name, text);
                if (note != null && text.isEmpty()) {
                    // too large to be its command's output: not read at all
                    observed.add(new ProbeProblem(h.name(), name, null, ProbeProblem.Kind.MALFORMED, note));
                    return;
                }
                ParseResult r = p.parse(file);
                if (note != null && r.outcome() == ParseResult.Outcome.PARSED) {
                    r = ParseResult.partial(r.facts(), file, null, note); // read, but not whole
                }
                observed.addAll(r.asFacts());
            });
            facts.add(inventory(h, observed, t, rc, hosts.size()));
            facts.addAll(observed);
        }
        return facts;
    }

    static HostInventory inventory(HostFolder h, List<HostFact> observed, Tenant t, ReportedCase c, int hostCount) {
        StatusBlock header = null;
        for (HostFact f : observed) {
            if (f instanceof StatusBlock s && s.hasHeader()) {
                header = s; // the last one: the connector's current identity
            }
        }
        if (header != null) {
            AppConnector a = byId(t, header.connectorId());
            // the journal names the connector even when the API no longer lists it (deleted in the portal)
            return new HostInventory(h.name(), h.files().keySet(), header.connectorId(),
                    a != null ? a.displayName() : header.connectorName(), HostMatch.STATUS_BLOCK);
        }
        AppConnector byIp = byAddress(t, observed);
        if (byIp != null) {
            return new HostInventory(h.name(), h.files().keySet(), byIp.id(), byIp.displayName(), HostMatch.IP_ADDRESS);
        }
        AppConnector byName = byName(t, h.name());
        if (byName != null) {
            return new HostInventory(h.name(), h.files().keySet(), byName.id(), byName.displayName(), HostMatch.FOLDER_NAME);
        }
        if (hostCount == 1 && c.connectorName() != null) {
            AppConnector named = byName(t, c.connectorName());
            return new HostInventory(h.name(), h.files().keySet(), named == null ? null : named.id(),
                    named == null ? c.connectorName() : named.displayName(), HostMatch.CASE_CONNECTOR);
        }
        return new HostInventory(h.name(), h.files().keySet(), null, null, HostMatch.NONE);
    }

    private static AppConnector byId(Tenant t, String id) {
        for (AppConnector a : t.connectors()) {
            if (a.id().equals(id)) {
                return a;
            }
        }
        return null;
    }

    /** The one connector whose private IP is an address of the VM; null when none, or several (ambiguous). */
    private static AppConnector byAddress(Tenant t, List<HostFact> observed) {
        List<String> addresses = new ArrayList<>();
        for (HostFact f : observed) {
            if (f instanceof HostAddresses a) {
                addresses.addAll(a.nonLoopback());
            }
        }
        AppConnector found = null;
        for (AppConnector a : t.connectors()) {
            if (a.privateIp() != null && addresses.contains(a.privateIp().strip())) {
                if (found != null) {
                    return null; // two connectors claim the address (a clone leftover): the address cannot decide
                }
                found = a;
            }
        }
        return found;
    }

    private static AppConnector byName(Tenant t, String name) {
        for (AppConnector a : t.connectors()) {
            if (name.equalsIgnoreCase(a.name())) {
                return a;
            }
        }
        return null;
    }
}
