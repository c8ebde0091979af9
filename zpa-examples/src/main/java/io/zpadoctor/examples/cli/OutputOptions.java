package io.zpadoctor.examples.cli;

import io.zpadoctor.report.Format;
import io.zpadoctor.report.Reports;
import io.zpadoctor.rules.Diagnosis;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** How the report is written and what the exit code reflects. */
final class OutputOptions {
    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", converter = Converters.FormatConverter.class,
            description = "markdown (the runbook's report), json (schemaVersion 1), text, or html (one"
                    + " self-contained page)."
                    + " Default: text on a terminal, markdown otherwise.")
    Format format;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", converter = Converters.FailOnConverter.class,
            description = "Lowest result that makes the exit code non-zero: critical, warning, unknown or never."
                    + " Exit codes: 2 critical, 1 warning, 3 could not evaluate, 0 none. Default: unknown for"
                    + " diagnose, never for demo.")
    ExitCodes.FailOn failOn;

    /** What --fail-on means when not given: the demo reports, it does not alarm. */
    ExitCodes.FailOn defaultFailOn = ExitCodes.FailOn.UNKNOWN;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the report to FILE (replaced only once complete) instead of standard output.")
    Path output;

    @Option(names = "--no-color", description = "No ANSI colours in the text format (also: NO_COLOR set).")
    boolean noColor;

    /** Writes the report and returns the exit code. */
    int emit(Diagnosis d, PrintStream out) {
        return emit(d, out, (f, color) -> Reports.render(d, f, color));
    }

    /** Writes what the renderer makes of the chosen format and returns the exit code for the diagnosis. */
    int emit(Diagnosis d, PrintStream out, java.util.function.BiFunction<Format, Boolean, String> renderer) {
        boolean terminal = System.console() != null && output == null;
        Format f = format != null ? format : terminal ? Format.TEXT : Format.MARKDOWN;
        boolean color = f == Format.TEXT && terminal && !noColor && System.getenv("NO_COLOR") == null;
        String report = renderer.apply(f, color);
        if (output == null) {
            out.print(report);
            out.flush();
        } else {
            writeAtomically(output, report);
        }
        return ExitCodes.of(d, failOn != null ? failOn : defaultFailOn);
    }

    static void writeAtomically(Path target, String text) {
        Path dir = target.toAbsolutePath().getParent();
        try {
            Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            try {
                // the same last redaction pass as standard output gets
                Files.writeString(tmp, io.zpadoctor.report.Redactor.scrub(text), StandardCharsets.UTF_8);
                try {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new CliException(ExitCodes.IO, "cannot write " + target + ": " + e.getMessage());
        }
    }
}
