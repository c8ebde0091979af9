package io.zpadoctor.examples.cli;

import io.zpadoctor.client.bundle.Bundle;
import io.zpadoctor.report.Reports;
import io.zpadoctor.rules.Diagnoser;
import io.zpadoctor.rules.FleetReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "fleet", mixinStandardHelpOptions = true, versionProvider = ZpaDoctor.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Diagnose every connector, group, key and application chain of a tenant at once: the"
                + " applications unreachable, groups and connectors down, what to clean up, each problem with what"
                + " it explains, then the findings grouped by connector group, worst first.",
        footerHeading = "%nExamples:%n",
        footer = {
                "  zpa-doctor fleet --bundle tenant-snapshot.tar.gz",
                "  zpa-doctor fleet --bundle ./snapshot --format json -o fleet.json",
                "  zpa-doctor fleet --bundle ./snapshot --format html -o fleet.html   # a page to open or print",
                "  zpa-doctor fleet --bundle ./snapshot --fail-on critical      # for a nightly job",
                "  zpa-doctor fleet --api --format markdown -o fleet.md         # the live tenant",
                "  zpa-doctor fleet --bundle ./snapshot --lss metrics.jsonl.gz   # with LSS records: resource hot spots",
                "",
                "The bundle's case.json (symptom, connector, group) is ignored: the fleet view covers everything.",
                "Exit codes: 0 nothing at WARNING or above, 1 warning, 2 critical, 3 could not evaluate,",
                "64 usage error, 65 unreadable bundle or API answer, 69 the API failed."})
final class FleetCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-b", "--bundle"}, paramLabel = "PATH",
            description = "A bundle with the tenant's api/*.json: a folder, .tar.gz or .zip.")
    Path bundle;

    @Mixin
    ApiOptions api = new ApiOptions();

    @Mixin
    LssOptions lss = new LssOptions();

    @Mixin
    OutputOptions output = new OutputOptions();

    @Mixin
    EngineOptions engine = new EngineOptions();

    @Override
    public Integer call() {
        FleetReport fleet = fleet();
        int code = output.emit(fleet.diagnosis(), System.out, (f, color) -> Reports.renderFleet(fleet, f, color));
        Timings.mark("render and write");
        return code;
    }

    /** The fleet view these options ask for, before anything is written (the MCP server's fleet tool too). */
    FleetReport fleet() {
        Timings.mark("parse command line");
        if (api.api == (bundle != null)) {
            throw new ParameterException(spec.commandLine(), api.api
                    ? "--bundle and --api are alternatives: the tenant comes from one or the other"
                    : "Missing required option: '--bundle=PATH' (or --api to read the live tenant)");
        }
        Bundle b = lss.apply(api.api ? LiveTenant.read(api, java.util.List.of()) : BundleArgs.read(bundle));
        Timings.mark("read bundle");
        Diagnoser doctor = engine.diagnoser();
        Timings.mark("load rules and catalog");
        FleetReport fleet = doctor.diagnoseFleet(b.toFacts());
        Timings.mark("diagnose");
        return fleet;
    }
}
