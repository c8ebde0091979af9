package io.zpadoctor.examples.cli;

import io.zpadoctor.client.bundle.Bundle;
import io.zpadoctor.client.bundle.BundleException;
import io.zpadoctor.client.bundle.BundleReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = ZpaDoctor.Version.class, sortOptions = false, usageHelpAutoWidth = true,
        description = "Diagnose one of the bundles shipped with ZPA Doctor (no tenant needed).",
        footerHeading = "%nExamples:%n",
        footer = {
                "  zpa-doctor demo",
                "  zpa-doctor demo --list",
                "  zpa-doctor demo --bundle-name broken-chain --format markdown",
                "  zpa-doctor demo --bundle-name healthy --format json",
                "",
                "The demo exits 0 whatever it finds; add --fail-on unknown to see diagnose's exit codes."})
final class DemoCommand implements Callable<Integer> {
    @Option(names = {"-n", "--bundle-name"}, paramLabel = "NAME", defaultValue = DemoBundles.DEFAULT,
            description = "Which demo: exhausted-key (default), broken-chain or healthy.")
    String name;

    @Option(names = "--list", description = "List the demo bundles and exit.")
    boolean list;

    @Mixin
    CaseOptions caseOptions = new CaseOptions();

    @Mixin
    OutputOptions output = new OutputOptions();

    @Mixin
    EngineOptions engine = new EngineOptions();

    @Override
    public Integer call() {
        Timings.mark("parse command line");
        if (list) {
            for (Map.Entry<String, String> e : DemoBundles.ALL.entrySet()) {
                System.out.printf("%-14s %s%n", e.getKey(), e.getValue());
            }
            return ExitCodes.OK;
        }
        if (!DemoBundles.ALL.containsKey(name)) {
            throw new CliException(ExitCodes.USAGE, "no demo bundle named '" + name + "'; there are "
                    + String.join(", ", DemoBundles.ALL.keySet()));
        }
        Bundle b;
        try {
            b = BundleReader.read(DemoBundles.path(name));
        } catch (BundleException e) {
            throw new CliException(ExitCodes.SOFTWARE, "the shipped demo bundle is broken: " + e.getMessage());
        } catch (IOException e) {
            throw new CliException(ExitCodes.SOFTWARE, e.getMessage());
        }
        output.defaultFailOn = ExitCodes.FailOn.NEVER;
        b = new Bundle("demo:" + name, b.tenant(), b.reportedCase(), b.collectedAt(), b.hosts(), b.warnings());
        return DiagnoseCommand.run(b, caseOptions, output, engine);
    }
}
