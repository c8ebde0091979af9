package io.zpadoctor.examples.cli;

import io.zpadoctor.client.api.TenantRead;
import io.zpadoctor.client.api.ZpaApiConfig;
import io.zpadoctor.client.api.ZpaClient;
import io.zpadoctor.client.bundle.Bundle;
import io.zpadoctor.client.bundle.BundleException;
import io.zpadoctor.client.bundle.BundleReader;
import io.zpadoctor.client.bundle.HostFolder;
import io.zpadoctor.model.ReportedCase;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A bundle whose tenant comes from the live API, with host evidence from a collected bundle if one is given. */
final class LiveTenant {
    private LiveTenant() {
    }

    /** What {@code diagnose --api} diagnoses: evaluated now, since the tenant was read now. */
    static Bundle read(ApiOptions api, Path hostBundle) {
        ZpaApiConfig config = api.config();
        ReportedCase base = new ReportedCase(null, null, null, null, null, config.customerId());
        List<HostFolder> hosts = List.of();
        List<String> warnings = new ArrayList<>();
        String origin = ApiOptions.origin(config);
        if (hostBundle != null) {
            Bundle hb;
            try {
                hb = BundleReader.read(hostBundle);
            } catch (BundleException e) {
                throw new CliException(ExitCodes.DATA, e.getMessage());
            }
            hosts = hb.hosts();
            warnings.addAll(hb.warnings());
            ReportedCase c = hb.reportedCase();
            base = new ReportedCase(c.symptom(), c.connectorName(), c.groupName(), c.application(), c.cloud(),
                    config.customerId());
            if (!hb.tenant().loaded().isEmpty()) {
                warnings.add(hostBundle + ": its api/ files are ignored; the tenant was read from the API");
            }
            origin += ", hosts from " + hostBundle;
        }
        TenantRead read;
        try (ZpaClient zpa = ZpaClient.create(config)) {
            read = ApiOptions.read(zpa);
        }
        warnings.addAll(read.warnings());
        return new Bundle(origin, read.tenant(), base, null, hosts, warnings);
    }
}
