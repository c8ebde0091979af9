package io.zpadoctor.client.host;

import io.zpadoctor.client.bundle.HostFolder;
import io.zpadoctor.model.ReportedCase;
import io.zpadoctor.model.host.HostFact;
import io.zpadoctor.model.host.HostInventory;
import io.zpadoctor.model.host.HostMatch;
import io.zpadoctor.model.tenant.AppConnector;
import io.zpadoctor.model.tenant.Tenant;

import java.util.ArrayList;
import java.util.List;

/** Turns a bundle's host folders into host facts, each tied to its connector where that can be told. */
public final class HostEvidence {
    private HostEvidence() {
    }

    public static List<HostFact> collect(List<HostFolder> hosts, Tenant tenant, ReportedCase c) {
        List<HostFact> facts = new ArrayList<>();
        for (HostFolder h : hosts) {
            AppConnector byName = null;
            for (AppConnector a : tenant.connectors()) {
                if (h.name().equalsIgnoreCase(a.name())) {
                    byName = a;
                    break;
                }
            }
            if (byName != null) {
                facts.add(new HostInventory(h.name(), h.files().keySet(), byName.id(), byName.displayName(),
                        HostMatch.FOLDER_NAME));
            } else if (hosts.size() == 1 && c.connectorName() != null) {
                AppConnector named = null;
                for (AppConnector a : tenant.connectors()) {
                    if (c.connectorName().equalsIgnoreCase(a.name())) {
                        named = a;
                        break;
                    }
                }
                facts.add(new HostInventory(h.name(), h.files().keySet(), named == null ? null : named.id(),
                        named == null ? c.connectorName() : named.displayName(), HostMatch.CASE_CONNECTOR));
            } else {
                facts.add(new HostInventory(h.name(), h.files().keySet(), null, null, HostMatch.NONE));
            }
        }
        return facts;
    }
}
