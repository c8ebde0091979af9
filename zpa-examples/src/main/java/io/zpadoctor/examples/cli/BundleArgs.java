package io.zpadoctor.examples.cli;

import io.zpadoctor.client.bundle.Bundle;
import io.zpadoctor.client.bundle.BundleException;
import io.zpadoctor.client.bundle.BundleReader;

import java.nio.file.Path;
import java.util.List;

/** Bundles named on the command line: an unreadable one is a one-line data error (exit 65). */
final class BundleArgs {
    private BundleArgs() {
    }

    static Bundle read(Path p) {
        try {
            return BundleReader.read(p);
        } catch (BundleException e) {
            throw new CliException(ExitCodes.DATA, e.getMessage());
        }
    }

    /** The bundle with the host folders of each host bundle added (its case fills what is open). */
    static Bundle withHosts(Bundle b, List<Bundle> hostBundles) {
        for (Bundle h : hostBundles) {
            b = b.withHostsFrom(h);
        }
        return b;
    }
}
