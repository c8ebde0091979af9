package io.zpadoctor.examples.cli;

import io.zpadoctor.client.api.TenantRead;
import io.zpadoctor.client.api.ZpaApiConfig;
import io.zpadoctor.client.api.ZpaClient;
import io.zpadoctor.client.bundle.Bundle;
import io.zpadoctor.client.bundle.BundleException;
import io.zpadoctor.client.bundle.BundleReader;
import io.zpadoctor.client.bundle.BundleWriter;
import io.zpadoctor.model.ReportedCase;
import io.zpadoctor.model.tenant.Tenant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "snapshot", mixinStandardHelpOptions = true, versionProvider = ZpaDoctor.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Read the live tenant and write it as a support bundle (case.json and api/*.json), with every"
                + " provisioning key string, token and secret removed.",
        footerHeading = "%nExamples:%n",
        footer = {
                "  zpa-doctor snapshot --api --out tenant-2026-03-13",
                "  zpa-doctor snapshot --api --out case-1234.tar.gz --symptom not-enrolling \\",
                "                      --connector dc1-acg-key-4",
                "  zpa-doctor diagnose --bundle case-1234.tar.gz",
                "",
                "The bundle is a folder, or a .tar.gz / .zip when the name ends so; it is",
                "never overwritten. Exit codes: 0 written, 64 usage or settings, 65 a broken",
                "API answer, 69 the API failed, 74 the bundle cannot be written."})
final class SnapshotCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ApiOptions api = new ApiOptions();

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "PATH",
            description = "Where to write the bundle: a new folder, or a .tar.gz or .zip file.")
    Path out;

    @Mixin
    CaseOptions caseOptions = new CaseOptions();

    @Override
    public Integer call() {
        if (!api.api) {
            throw new ParameterException(spec.commandLine(), "snapshot reads the live tenant: add --api (credentials"
                    + " come from the environment; see --help)");
        }
        if (Files.exists(out) && !isEmptyFolder(out)) {
            throw new CliException(ExitCodes.USAGE, out + " already exists; choose another --out (a bundle is never"
                    + " overwritten)");
        }
        ZpaApiConfig config = api.config();
        TenantRead read;
        try (ZpaClient zpa = ZpaClient.create(config)) {
            read = ApiOptions.read(zpa);
        }
        caseOptions.check(read.tenant(), List.of());   // a typo would otherwise be recorded in case.json
        ReportedCase c = caseOptions.over(ReportedCase.at(config.location()));
        try {
            BundleWriter.to(out).collectedAt(read.readAt()).reportedCase(c).collections(read.objects())
                    .secrets(List.of(config.clientSecret())).write();
        } catch (BundleException e) {
            throw new CliException(ExitCodes.IO, e.getMessage());
        }
        Bundle back;
        try {
            back = BundleReader.read(out);
        } catch (BundleException e) {
            throw new CliException(ExitCodes.SOFTWARE, "the snapshot just written does not read back: " + e.getMessage());
        }
        Tenant t = back.tenant();
        System.out.printf(Locale.ROOT, "Wrote %s: %,d connectors, %,d connector groups, %,d provisioning keys,"
                        + " %,d enrollment certificates, %,d server groups, %,d application segments.%n", out,
                t.connectors().size(), t.groups().size(), t.keys().size(), t.certificates().size(),
                t.serverGroups().size(), t.segments().size());
        System.out.println("Provisioning key strings (all but their public prefix), tokens and secrets were removed.");
        System.out.println("Diagnose it with: zpa-doctor diagnose --bundle " + out);
        for (String w : read.warnings()) {
            System.err.println("zpa-doctor: note: " + w);
        }
        return ExitCodes.OK;
    }

    private static boolean isEmptyFolder(Path p) {
        if (!Files.isDirectory(p)) {
            return false;
        }
        try (var s = Files.list(p)) {
            return s.findAny().isEmpty();
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
