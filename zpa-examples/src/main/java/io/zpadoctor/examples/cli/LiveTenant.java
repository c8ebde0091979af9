package io.zpadoctor.examples.cli;

import io.zpadoctor.client.api.TenantRead;
import io.zpadoctor.client.api.ZpaApiConfig;
import io.zpadoctor.client.api.ZpaClient;
import io.zpadoctor.client.bundle.Bundle;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The live tenant, with host evidence from collected bundles if any are given. */
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
        return BundleArgs.withHosts(Bundle.fromApi(config, read), hosts).withCollectedAt(null);
    }
}
