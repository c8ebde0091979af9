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
    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec mixee;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", converter = Converters.FormatConverter.class,
            completionCandidates = Converters.FormatCandidates.class,
            description = "markdown (the runbook's report), json (schemaVersion 1), text, or html (one self-contained"
                    + " page). Default: from the extension of -o (.md, .json, .txt, .html), else text on a terminal"
                    + " and markdown otherwise.")
    Format format;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", converter = Converters.FailOnConverter.class,
            completionCandidates = Converters.FailOnCandidates.class,
            description = "Lowest result that makes the exit code non-zero: critical, warning, unknown or never."
                    + " Exit codes: 2 critical, 1 warning, 3 could not evaluate, 0 none. Default: unknown for"
                    + " diagnose, never for demo.")
    ExitCodes.FailOn failOn;

    /** What --fail-on means when not given: the demo reports, it does not alarm. */
    ExitCodes.FailOn defaultFailOn = ExitCodes.FailOn.UNKNOWN;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the report to FILE (mode 0644, replaced only once complete) instead of standard"
                    + " output; its extension picks the format unless --format is given.")
    Path output;

    @Option(names = "--color", paramLabel = "WHEN", converter = Colors.WhenConverter.class,
            completionCandidates = Colors.WhenCandidates.class,
            description = "ANSI colours in the text format: auto (a terminal, unless NO_COLOR is set or TERM=dumb),"
                    + " always or never. Default: auto.")
    Colors.When color = Colors.When.AUTO;

    @Option(names = "--no-color", description = "Same as --color=never.")
    boolean noColor;

    /** Writes the report and returns the exit code. */
    int emit(Diagnosis d, PrintStream out) {
        return emit(d, out, (f, color) -> Reports.render(d, f, color));
    }

    /**
     * Writes what the renderer makes of the chosen format and returns the exit code for the diagnosis.
     *
     * @param renderer one of {@code Reports}' renderers: what they return is scrubbed of secrets already
     */
    int emit(Diagnosis d, PrintStream out, java.util.function.BiFunction<Format, Boolean, String> renderer) {
        boolean terminal = System.console() != null && output == null;
        Format f = format != null ? format : output != null && byExtension(output) != null ? byExtension(output)
                : terminal ? Format.TEXT : Format.MARKDOWN;
        boolean colored = f == Format.TEXT && output == null
                && Colors.enabled(noColor ? Colors.When.NEVER : color, terminal, ApiOptions.env());
        String report = renderer.apply(f, colored);
        if (output == null && out instanceof ZpaDoctor.ScrubbingOut scrubbing) {
            scrubbing.printScrubbed(report);
        } else if (output == null) {
            out.print(report);
            out.flush();
        } else {
            write(output, report);
        }
        return ExitCodes.of(d, failOn != null ? failOn : defaultFailOn);
    }

    /** The extensions -o understands, and the format each names. */
    static final java.util.Map<String, String> EXTENSIONS = java.util.Map.of("json", "json", "md", "markdown",
            "markdown", "markdown", "txt", "text", "text", "text", "html", "html", "htm", "html");

    /**
     * The format the file's extension names; null for an extension that names none (the usual default then
     * applies); a usage error when it names a format this command does not write.
     */
    Format byExtension(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String wanted = dot < 0 ? null : EXTENSIONS.get(name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT));
        if (wanted == null) {
            return null;
        }
        try {
            return Format.parse(wanted);
        } catch (IllegalArgumentException e) {
            String command = mixee == null ? "this command" : mixee.qualifiedName();
            throw new CliException(ExitCodes.USAGE, "-o " + name + " asks for " + wanted + ", which " + command
                    + " does not write; its formats: " + formats() + " (or give --format)");
        }
    }

    static String formats() {
        return java.util.Arrays.stream(Format.values()).map(f -> f.name().toLowerCase(java.util.Locale.ROOT))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** Reports are for sharing: readable by all, like any file a command writes (snapshots are not reports). */
    static final java.util.Set<java.nio.file.attribute.PosixFilePermission> REPORT_MODE =
            java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");

    /** Writes the text to the file, scrubbed of secrets, whole or not at all. */
    static void writeAtomically(Path target, String text) {
        write(target, io.zpadoctor.report.Redactor.scrub(text));
    }

    /** Writes text already scrubbed of secrets (a report) to the file, whole or not at all. */
    private static void write(Path target, String text) {
        Path dir = target.toAbsolutePath().getParent();
        // said plainly before the temporary file is tried: its hidden name would only puzzle (.r.html123.tmp)
        if (!Files.exists(dir)) {
            throw new CliException(ExitCodes.IO, "cannot write " + target + ": the folder " + dir + " does not exist");
        }
        if (!Files.isDirectory(dir)) {
            throw new CliException(ExitCodes.IO, "cannot write " + target + ": " + dir + " is not a folder");
        }
        if (Files.isDirectory(target)) {
            throw new CliException(ExitCodes.IO, "cannot write " + target + ": it is a folder");
        }
        Path tmp;
        try {
            tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        } catch (java.nio.file.AccessDeniedException e) {
            throw new CliException(ExitCodes.IO, "cannot write " + target + ": no permission to create a file in " + dir);
        } catch (IOException e) {
            String why = e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null ? fse.getReason()
                    : e.getClass().getSimpleName();
            throw new CliException(ExitCodes.IO, "cannot write " + target + ": cannot create a file in " + dir + " ("
                    + why + ")");
        }
        try {
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    Files.setPosixFilePermissions(tmp, REPORT_MODE);   // a temp file starts 0600
                }
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
