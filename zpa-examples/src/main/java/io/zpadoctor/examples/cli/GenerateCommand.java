package io.zpadoctor.examples.cli;

import io.zpadoctor.examples.bench.SyntheticBundle;
import io.zpadoctor.examples.bench.SyntheticTenant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "generate", mixinStandardHelpOptions = true, versionProvider = ZpaDoctor.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Write a synthetic tenant as a bundle: groups of 3-7 connectors with keys, server groups and"
                + " segments, and a sprinkling of every fault the fleet view knows. expected-findings.txt lists"
                + " what the faults must produce.",
        footerHeading = "%nExamples:%n",
        footer = {"  zpa-doctor generate --connectors 10000 --out /tmp/tenant-10k",
                "  zpa-doctor fleet --bundle /tmp/tenant-10k --format text"})
final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--connectors", required = true, paramLabel = "N", description = "About how many connectors.")
    int connectors;

    @Option(names = "--seed", defaultValue = "1", description = "Generator seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "A new or empty folder to write.")
    Path out;

    @Override
    public Integer call() {
        if (connectors < 10 || connectors > 2_000_000) {
            throw new CliException(ExitCodes.USAGE, "--connectors must be between 10 and 2,000,000");
        }
        try {
            if (Files.exists(out) && (!Files.isDirectory(out) || Files.list(out).findAny().isPresent())) {
                throw new CliException(ExitCodes.USAGE, out + " exists and is not an empty folder");
            }
            SyntheticTenant.Generated g = SyntheticTenant.generate(connectors, seed);
            SyntheticBundle.write(g, out);
            System.err.printf("zpa-doctor: wrote %,d connectors, %,d groups, %,d keys with %d injected faults to %s%n",
                    g.tenant().connectors().size(), g.tenant().groups().size(), g.tenant().keys().size(), g.faults(), out);
        } catch (IOException e) {
            throw new CliException(ExitCodes.IO, "cannot write " + out + ": " + e.getMessage());
        }
        return ExitCodes.OK;
    }
}
