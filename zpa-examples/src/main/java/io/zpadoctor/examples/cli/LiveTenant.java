package io.zpadoctor.examples.cli;

import io.zpadoctor.client.api.TenantRead;
import io.zpadoctor.client.api.ZpaApiConfig;
import io.zpadoctor.client.api.ZpaClient;
import io.zpadoctor.client.bundle.Bundle;
import io.zpadoctor.model.ReportedCase;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A bundle whose tenant comes from the live API, with host evidence from a collected bundle if one is given. */
final class LiveTenant {
    private LiveTenant() {
    }

    /** What {@code diagnose --api} diagnoses: evaluated now, since the tenant was read now. */
    static Bundle read(ApiOptions api, List<Path> hostBundles) {
        List<Bundle> hosts = new ArrayList<>();
        for (Path p : hostBundles) {
            hosts.add(BundleArgs.read(p));     // read first: a typo in a path should not cost a tenant read
        }
        ZpaApiConfig config = api.config();
        TenantRead read;
        try (ZpaClient zpa = ZpaClient.create(config)) {
            read = ApiOptions.read(zpa);
        }
        Bundle b = new Bundle(ApiOptions.origin(config), read.tenant(),
                new ReportedCase(null, null, null, null, null, config.customerId(), config.managementApi()), null, List.of(), read.warnings());
        b = BundleArgs.withHosts(b, hosts);
        return new Bundle(b.origin(), b.tenant(), b.reportedCase(), null, b.hosts(), b.warnings());
    }

}
