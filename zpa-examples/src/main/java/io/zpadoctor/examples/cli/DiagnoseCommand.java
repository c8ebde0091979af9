package io.zpadoctor.examples.cli;

import io.zpadoctor.client.bundle.Bundle;
import io.zpadoctor.rules.Diagnoser;
import io.zpadoctor.rules.Diagnosis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "diagnose", mixinStandardHelpOptions = true, versionProvider = ZpaDoctor.Version.class, sortOptions = false, usageHelpAutoWidth = true,
        description = "Diagnose the App Connector problem a support bundle, or the live tenant, shows.",
        footerHeading = "%nExamples:%n",
        footer = {
                "  zpa-doctor diagnose --bundle case-1234.tar.gz",
                "  zpa-doctor diagnose --bundle ./bundle --symptom not-enrolling --connector dc1-acg-key-4",
                "  zpa-doctor diagnose --bundle ./bundle --app intranet.corp.example.com:443 --format json",
                "  zpa-doctor diagnose --bundle ./bundle --format markdown -o report.md --fail-on critical",
                "  zpa-doctor diagnose --bundle ./bundle --rules ./acme-pack --config ./zpa-doctor.yaml",
                "  zpa-doctor diagnose --api --connector dc1-acg-key-4 --symptom not-enrolling",
                "  zpa-doctor diagnose --api --group DC1-Frankfurt --host-bundle ./from-the-vm",
                "  zpa-doctor diagnose --bundle snapshot.tar.gz --host-bundle zpa-host-ac-fra-3-20261120T093000Z.tar.gz",
                "  zpa-doctor diagnose --bundle snapshot.tar.gz --lss connector-metrics.jsonl.gz --lss connector-status.jsonl",
                "  zpa-doctor diagnose --api --lss-listen 0.0.0.0:5514 --lss-duration 15m",
                "",
                "A bundle is a folder (or .tar.gz / .zip of one) with optional case.json,",
                "api/*.json and hosts/<hostname>/*.txt; see the README. Exit codes: 0 nothing",
                "found, 1 warning, 2 critical, 3 a check could not be evaluated, 64 usage",
                "error, 65 unreadable bundle or API answer, 69 the API failed."})
final class DiagnoseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-b", "--bundle"}, paramLabel = "PATH",
            description = "The support bundle: a folder, .tar.gz or .zip.")
    Path bundle;

    @Mixin
    ApiOptions api = new ApiOptions();

    @Option(names = "--host-bundle", paramLabel = "PATH",
            description = "A bundle collected on a connector VM (collect-host.sh); its hosts/ evidence joins the"
                    + " tenant of --bundle or --api, and its case.json fills what theirs leaves open. Repeatable.")
    List<Path> hostBundles = new ArrayList<>();

    @Mixin
    CaseOptions caseOptions = new CaseOptions();

    @Mixin
    LssOptions lss = new LssOptions();

    @Mixin
    OutputOptions output = new OutputOptions();

    @Mixin
    EngineOptions engine = new EngineOptions();

    @Override
    public Integer call() {
        Diagnosis d = diagnosis();
        int code = output.emit(d, System.out);
        Timings.mark("render and write");
        return code;
    }

    /** The diagnosis these options ask for, before anything is written (the MCP server's diagnose tool too). */
    Diagnosis diagnosis() {
        Timings.mark("parse command line");
        if (api.api) {
            if (bundle != null) {
                throw new ParameterException(spec.commandLine(), "--bundle and --api are alternatives: the tenant"
                        + " comes from one or the other (host evidence with --api: --host-bundle)");
            }
            return diagnose(lss.apply(LiveTenant.read(api, hostBundles)), caseOptions, engine);
        }
        if (bundle == null) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--bundle=PATH'"
                    + " (or --api to read the live tenant)");
        }
        List<Bundle> hosts = new ArrayList<>();
        for (Path p : hostBundles) {
            hosts.add(BundleArgs.read(p));
        }
        Bundle b = lss.apply(BundleArgs.withHosts(BundleArgs.read(bundle), hosts));
        return diagnose(b, caseOptions, engine);
    }

    static int run(Bundle b, CaseOptions caseOptions, OutputOptions output, EngineOptions engine) {
        Diagnosis d = diagnose(b, caseOptions, engine);
        int code = output.emit(d, System.out);
        Timings.mark("render and write");
        return code;
    }

    static Diagnosis diagnose(Bundle b, CaseOptions caseOptions, EngineOptions engine) {
        Timings.mark("read bundle");
        caseOptions.check(b.tenant(), b.hosts().stream().map(h -> h.name()).toList());
        Bundle withCase = b.withCase(caseOptions.over(b.reportedCase()));
        Diagnoser doctor = engine.diagnoser();
        Timings.mark("load rules and catalog");
        Timings.note(String.format("  of which KieBase      %7.1f ms", Diagnoser.ruleLoadMillis()));
        Diagnosis d = doctor.diagnose(withCase.toFacts());
        Timings.mark("diagnose");
        return d;
    }
}
