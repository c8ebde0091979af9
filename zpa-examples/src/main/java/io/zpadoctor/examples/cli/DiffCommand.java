package io.zpadoctor.examples.cli;

import io.zpadoctor.model.finding.Severity;
import io.zpadoctor.report.FindingChange;
import io.zpadoctor.report.FindingChanges;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "diff", mixinStandardHelpOptions = true, versionProvider = ZpaDoctor.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Compare two JSON reports of the same tenant (diagnose or fleet --format json): the findings"
                + " that opened, resolved or changed (severity, primary cause, root cause, suppression), the same"
                + " events zpa-doctor watch prints.",
        footerHeading = "%nExamples:%n",
        footer = {
                "  zpa-doctor fleet --bundle monday.tar.gz --format json -o monday.json",
                "  zpa-doctor fleet --bundle tuesday.tar.gz --format json -o tuesday.json",
                "  zpa-doctor diff monday.json tuesday.json",
                "  zpa-doctor diff monday.json tuesday.json --format json      # one event per line",
                "",
                "A finding is the same in both reports when its code and subject are the same.",
                "Exit codes: 0 nothing opened or got worse at WARNING or above, 1 something did at WARNING,",
                "2 at CRITICAL (suppressed findings never count), 64 usage error, 65 a file is not a JSON report,",
                "74 a file cannot be read."})
final class DiffCommand implements Callable<Integer> {
    /** Reports are tens of megabytes for the largest tenants; anything far beyond is not one. */
    static final long MAX_REPORT_BYTES = 512L << 20;

    @Parameters(index = "0", paramLabel = "OLD.json", description = "The earlier report.")
    Path older;

    @Parameters(index = "1", paramLabel = "NEW.json", description = "The later report.")
    Path newer;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default): one line per change; json: one JSON event per line, as watch prints.")
    String format;

    @Override
    public Integer call() {
        boolean json = switch (format.toLowerCase(Locale.ROOT)) {
            case "text" -> false;
            case "json" -> true;
            default -> throw new CliException(ExitCodes.USAGE, "--format must be text or json, not '" + format + "'");
        };
        String before = read(older);
        String after = read(newer);
        List<FindingChange> changes;
        try {
            changes = FindingChanges.betweenReports(before, after);
        } catch (IllegalArgumentException e) {
            String msg = e.getMessage().replaceFirst("^the older report", older.toString())
                    .replaceFirst("^the newer report", newer.toString());
            throw new CliException(ExitCodes.DATA, msg);
        }
        PrintStream out = System.out;
        for (FindingChange c : changes) {
            out.println(json ? FindingChanges.toJson(c) : FindingChanges.toText(c));
        }
        if (!json && changes.isEmpty()) {
            out.println("No finding opened, resolved or changed.");
        }
        out.flush();
        Severity worst = FindingChanges.worstOpened(changes).orElse(null);
        return worst == Severity.CRITICAL ? ExitCodes.CRITICAL : worst == Severity.WARNING ? ExitCodes.WARNING
                : ExitCodes.OK;
    }

    private static String read(Path p) {
        try {
            if (Files.size(p) > MAX_REPORT_BYTES) {
                throw new CliException(ExitCodes.DATA, p + ": " + (Files.size(p) >> 20) + " MiB is not a report"
                        + " (expected a zpa-doctor JSON report of at most " + (MAX_REPORT_BYTES >> 20) + " MiB)");
            }
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(p)))
                    .toString();
        } catch (NoSuchFileException e) {
            throw new CliException(ExitCodes.IO, p + ": no such file");
        } catch (CharacterCodingException e) {
            throw new CliException(ExitCodes.DATA, p + ": not UTF-8 text (expected a zpa-doctor JSON report)");
        } catch (IOException e) {
            throw new CliException(ExitCodes.IO, p + ": cannot be read: " + e.getMessage());
        }
    }
}
