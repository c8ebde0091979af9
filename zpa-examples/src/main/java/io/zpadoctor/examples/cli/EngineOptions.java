package io.zpadoctor.examples.cli;

import io.zpadoctor.rules.Diagnoser;
import io.zpadoctor.rules.DoctorConfig;
import io.zpadoctor.rules.RulePackException;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Rule packs and the config file: what shapes the engine. */
final class EngineOptions {
    static final Path DEFAULT_CONFIG = Path.of("zpa-doctor.yaml");

    @Option(names = "--rules", paramLabel = "PATH",
            description = "A rule pack (folder or jar of .drl files with catalog.yaml) to run beside the built-in"
                    + " rules; repeat for several. A pack is code: only packs named here are ever loaded.")
    List<Path> packs = new ArrayList<>();

    @Option(names = "--trust-pack", description = "Run packs whose compiled rules end the process, start processes,"
            + " touch files or the network, or use reflection (`rules lint` lists what each can do).")
    boolean trustPacks;

    @Option(names = "--budget", paramLabel = "SECONDS", defaultValue = "5",
            description = "How long a pack's rules may run in one diagnosis before it is stopped (default: 5).")
    double budgetSeconds = 5;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Thresholds and suppressions (default: ./zpa-doctor.yaml when it exists).")
    Path config;

    @Option(names = "--no-config", description = "Ignore ./zpa-doctor.yaml.")
    boolean noConfig;

    /** The diagnoser these options describe; bad packs or config end the run with exit 65. */
    Diagnoser diagnoser() {
        Diagnoser.Builder b = Diagnoser.builder().trustPacks(trustPacks).budget(budget(budgetSeconds));
        DoctorConfig cfg = config();
        if (cfg != null) {
            b.config(cfg);
        }
        for (Path p : packs) {
            try {
                b.rulePack(p);
            } catch (RulePackException e) {
                throw new CliException(ExitCodes.DATA, e.getMessage());
            }
        }
        return b.build();
    }

    static java.time.Duration budget(double seconds) {
        if (!(seconds > 0) || seconds > 86_400) {
            throw new CliException(ExitCodes.USAGE, "--budget must be a number of seconds above 0, not " + seconds);
        }
        return java.time.Duration.ofMillis(Math.max(1, Math.round(seconds * 1000)));
    }

    DoctorConfig config() {
        Path file = config;
        if (file == null && !noConfig && Files.isRegularFile(DEFAULT_CONFIG)) {
            file = DEFAULT_CONFIG;
        }
        if (file == null) {
            return null;
        }
        try {
            return DoctorConfig.read(file);
        } catch (DoctorConfig.ConfigException e) {
            throw new CliException(ExitCodes.DATA, e.getMessage());
        }
    }
}
