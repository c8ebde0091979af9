package io.zpadoctor.examples.cli;

import io.zpadoctor.client.api.TenantRead;
import io.zpadoctor.client.api.ZpaApiConfig;
import io.zpadoctor.client.api.ZpaClient;
import io.zpadoctor.client.bundle.Bundle;
import io.zpadoctor.client.bundle.BundleException;
import io.zpadoctor.client.bundle.BundleReader;
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
            hosts.add(readBundle(p));     // read first: a typo in a path should not cost a tenant read
        }
        ZpaApiConfig config = api.config();
        TenantRead read;
        try (ZpaClient zpa = ZpaClient.create(config)) {
            read = ApiOptions.read(zpa);
        }
        Bundle b = new Bundle(ApiOptions.origin(config), read.tenant(),
                new ReportedCase(null, null, null, null, null, config.customerId(), config.managementApi()), null, List.of(), read.warnings());
        b = withHosts(b, hosts);
        return new Bundle(b.origin(), b.tenant(), b.reportedCase(), null, b.hosts(), b.warnings());
    }

    /** The bundle with the host folders of each host bundle added (its case fills what is open). */
    static Bundle withHosts(Bundle b, List<Bundle> hostBundles) {
        for (Bundle h : hostBundles) {
            b = b.withHostsFrom(h);
        }
        return b;
    }

    static Bundle readBundle(Path p) {
        try {
            return BundleReader.read(p);
        } catch (BundleException e) {
            throw new CliException(ExitCodes.DATA, e.getMessage());
        }
    }
}
