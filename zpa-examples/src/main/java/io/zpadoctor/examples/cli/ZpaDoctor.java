package io.zpadoctor.examples.cli;

import io.zpadoctor.rules.Diagnoser;
import io.zpadoctor.report.Redactor;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/** The {@code zpa-doctor} command line. */
@Command(name = "zpa-doctor", mixinStandardHelpOptions = true, versionProvider = ZpaDoctor.Version.class,
        usageHelpAutoWidth = true,
        description = {"Diagnoses Zscaler Private Access App Connector problems from the ZPA API and the",
                "connector VM's command output, and prints the troubleshooting report."},
        footerHeading = "%nExamples:%n",
        footer = {"  zpa-doctor demo",
                "  zpa-doctor diagnose --bundle case-1234.tar.gz --symptom not-enrolling",
                "  zpa-doctor diagnose --api --connector dc1-acg-key-4   (credentials: see README)",
                "  zpa-doctor snapshot --api --out case-1234.tar.gz",
                "  zpa-doctor fix ZPA-CON-005 --api --connector dc1-acg-key-3 [--apply]",
                "  zpa-doctor help diagnose",
                "  source <(zpa-doctor completion bash)                    # tab completion"})
public final class ZpaDoctor implements Callable<Integer> {

    /** The commands, in the order help lists them. */
    static final java.util.List<Class<?>> COMMANDS = java.util.List.of(DiagnoseCommand.class, FleetCommand.class,
            DemoCommand.class, SnapshotCommand.class, FixCommand.class, GenerateCommand.class, RulesCommand.class,
            BenchCommand.class, CollectScriptCommand.class, DiffCommand.class, WatchCommand.class,
            io.zpadoctor.examples.mcp.McpCommand.class,
            CompletionCommand.class, CommandLine.HelpCommand.class);

    /** The hint under the help that a bare {@code zpa-doctor} prints, as git and kubectl do. */
    static final String DEMO_HINT = "Try 'zpa-doctor demo' to see a diagnosis of a shipped example bundle.";

    @picocli.CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(System.out);
        System.out.println();
        System.out.println(DEMO_HINT);
        return ExitCodes.OK;
    }

    public static void main(String[] args) {
        Timings.mark("JVM start to main");
        if (diagnosesWithBuiltInRules(args)) {
            Diagnoser.preload();   // the rules load on the second core while options are parsed and the bundle read
        }
        int code;
        try {
            code = run(args);
        } catch (Throwable t) {   // an Error (out of memory, a stack overflow) that no command handler sees
            code = internalError(t, new java.io.PrintWriter(System.err, true));
        }
        Timings.print();
        System.exit(code);
    }

    /**
     * One line for an error the program did not expect, and exit 70: never a stack trace (unless asked for) and
     * never an exit code that a result could have (0-3).
     */
    static int internalError(Throwable t, java.io.PrintWriter err) {
        err.println(internalErrorLine(t));
        if (System.getenv("ZPA_DOCTOR_DEBUG") != null) {
            t.printStackTrace(err);
        } else if (!(t instanceof OutOfMemoryError)) {
            err.println("(set ZPA_DOCTOR_DEBUG=1 for the stack trace, and please report it)");
        }
        return ExitCodes.SOFTWARE;
    }

    /** The one line an unexpected error is reported as. */
    static String internalErrorLine(Throwable t) {
        if (t instanceof OutOfMemoryError) {
            return "zpa-doctor: ran out of memory (maximum heap " + (Runtime.getRuntime().maxMemory() >> 20)
                    + " MiB): the input is larger than this run can hold; give more with"
                    + " ZPA_DOCTOR_JAVA_OPTS=-Xmx4g, or split the input";
        }
        if (t instanceof StackOverflowError) {
            return "zpa-doctor: internal error: the input nests deeper than this run can follow (stack overflow)";
        }
        return "zpa-doctor: internal error: " + io.zpadoctor.report.Redactor.scrub(String.valueOf(t))
                .replaceAll("\\s+", " ");
    }

    /** A diagnosis with the built-in rules alone is coming (packs build a rule base of their own). */
    static boolean diagnosesWithBuiltInRules(String[] args) {
        if (args.length == 0 || !java.util.Set.of("demo", "diagnose", "fleet").contains(args[0])) {
            return false;
        }
        for (String a : args) {
            if (a.equals("--rules") || a.startsWith("--rules=") || a.equals("--help") || a.equals("-h")) {
                return false;
            }
        }
        return true;
    }

    /** Runs the command line and returns the exit code (for tests and embedding). */
    public static int run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        // every byte the run prints passes the one redaction pass, whatever printed it
        System.setOut(new ScrubbingOut(out));
        System.setErr(new PrintStream(Redactor.outputStream(err), true, StandardCharsets.UTF_8));
        try {
            return execute(args);
        } finally {
            System.out.flush();
            System.err.flush();
            System.setOut(out);
            System.setErr(err);
        }
    }

    /** Standard output through the redaction pass, and the stream beneath it for text that has passed it already. */
    static final class ScrubbingOut extends PrintStream {
        private final PrintStream beneath;

        ScrubbingOut(PrintStream beneath) {
            super(Redactor.outputStream(beneath), true, StandardCharsets.UTF_8);
            this.beneath = beneath;
        }

        /**
         * A report from {@code Reports}, scrubbed whole as it was rendered: passing it again line by line changed
         * nothing and cost a 10k fleet's JSON 50 ms.
         */
        void printScrubbed(String text) {
            flush();
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);   // as the pass writes it, whatever the locale
            beneath.write(bytes, 0, bytes.length);
            beneath.flush();
        }
    }

    private static int execute(String... args) {
        Thread.setDefaultUncaughtExceptionHandler((thread, t) -> {
            if (t instanceof Error) {
                // out of memory on a worker thread ends the run as it would on the main thread
                internalError(t, new java.io.PrintWriter(System.err, true));
                Runtime.getRuntime().halt(ExitCodes.SOFTWARE);
            }
        });
        CommandLine cl = commandLine(args.length > 0 ? args[0] : null);
        cl.setExecutionExceptionHandler((ex, line, parseResult) -> {
            if (ex instanceof CliException || ex instanceof io.zpadoctor.rules.DiagnosisException) {
                line.getErr().println(failureLine(ex));
                return exitCode(ex);
            }
            return internalError(ex, line.getErr());
        });
        cl.setParameterExceptionHandler((ex, params) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println(usageLine(ex));
            if (ex instanceof CommandLine.UnmatchedArgumentException u) {
                CommandLine.UnmatchedArgumentException.printSuggestions(u, c.getErr());
            }
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help'.");
            return ExitCodes.USAGE;
        });
        return cl.execute(args);
    }

    /**
     * The command line, with only the named command registered when one is named: picocli reads every registered
     * command's annotations up front (a third of a second on a cold JVM); help, completion and mistakes see them all.
     */
    static CommandLine commandLine(String first) {
        CommandLine cl = new CommandLine(new ZpaDoctor());
        Class<?> named = null;
        for (Class<?> c : COMMANDS) {
            if (first != null && c != CommandLine.HelpCommand.class && c != CompletionCommand.class
                    && c.getAnnotation(Command.class).name().equals(first)) {
                named = c;
            }
        }
        for (Class<?> c : COMMANDS) {
            if (named == null || c == named) {
                cl.addSubcommand(c);
            }
        }
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(Colors.helpAnsi()));
        verbatimFooters(cl);
        return cl;
    }

    /** Examples are printed as written: picocli would wrap a long one in the middle of its command at the width. */
    private static void verbatimFooters(CommandLine cl) {
        cl.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER, help -> {
            StringBuilder sb = new StringBuilder();
            for (String line : help.commandSpec().usageMessage().footer()) {
                sb.append(line.replace("%n", "\n").replace("%%", "%")).append('\n');
            }
            return sb.toString();
        });
        for (CommandLine sub : cl.getSubcommands().values()) {
            verbatimFooters(sub);
        }
    }

    /** The first line a usage error is reported with (exit 64). */
    static String usageLine(CommandLine.ParameterException ex) {
        CommandLine c = ex.getCommandLine();
        if (ex instanceof CommandLine.UnmatchedArgumentException u && c.getParent() == null
                && !u.getUnmatched().isEmpty() && u.getUnmatched().get(0).matches("[a-z][a-z-]{0,30}")) {
            // a word where a command goes is a mistyped command, safe to show
            return "zpa-doctor: unknown command '" + u.getUnmatched().get(0) + "'";
        }
        if (ex instanceof CommandLine.UnmatchedArgumentException u) {
            return "zpa-doctor: " + unmatched(u.getUnmatched());
        }
        return "zpa-doctor: " + ex.getMessage();
    }

    /** The line a command's own failure (a CliException, or rules that could not finish) is reported with. */
    static String failureLine(Exception ex) {
        if (ex instanceof io.zpadoctor.rules.DiagnosisException d) {
            // the rules could not finish (a pack's rule past its budget or firing without end): every command
            // that runs rules ends the same way
            return "zpa-doctor: the diagnosis stopped: " + d.getMessage();
        }
        return "zpa-doctor: " + ex.getMessage();
    }

    static int exitCode(Exception ex) {
        return ex instanceof CliException c ? c.exitCode() : ExitCodes.SOFTWARE;
    }

    /**
     * The unknown options by name only: what follows one may be a secret typed by mistake (a mistyped
     * {@code --client-secret X}), so values are counted, never echoed.
     */
    static String unmatched(java.util.List<String> args) {
        java.util.List<String> names = new java.util.ArrayList<>();
        int values = 0;
        for (String a : args) {
            if (a.startsWith("-")) {
                int eq = a.indexOf('=');
                names.add("'" + (eq > 0 ? a.substring(0, eq) + "=…" : a) + "'");
            } else {
                values++;
            }
        }
        String valuesNote = values == 0 ? "" : " (and " + values + " value" + (values == 1 ? "" : "s")
                + " not shown)";
        return names.isEmpty() ? values + " unexpected argument" + (values == 1 ? "" : "s") + " (not shown)"
                : "Unknown option" + (names.size() == 1 ? "" : "s") + ": " + String.join(", ", names) + valuesNote;
    }

    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"zpa-doctor " + Diagnoser.version(),
                    "commit  " + buildProperty("commit"),
                    "Java    " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                            + System.getProperty("java.vm.name") + ")",
                    "Drools  " + droolsVersion()};
        }

        /** Written at build time by the pom (git rev-parse); "unknown" when built without git or from a copy. */
        static String buildProperty(String name) {
            java.util.Properties p = new java.util.Properties();
            try (java.io.InputStream in = ZpaDoctor.class.getResourceAsStream("build.properties")) {
                if (in != null) {
                    p.load(in);
                }
            } catch (java.io.IOException e) {
                // informative only: say unknown
            }
            String v = p.getProperty(name, "").strip();
            return v.isEmpty() || v.startsWith("${") ? "unknown" : v;
        }

        /** From the Drools jar's Maven metadata: the CLI names no Drools class (those stay in zpa-rules' internals). */
        static String droolsVersion() {
            java.util.Properties p = new java.util.Properties();
            try (java.io.InputStream in = ZpaDoctor.class.getClassLoader()
                    .getResourceAsStream("META-INF/maven/org.drools/drools-core/pom.properties")) {
                if (in != null) {
                    p.load(in);
                }
            } catch (java.io.IOException e) {
                // informative only: say unknown
            }
            return p.getProperty("version", "unknown");
        }
    }
}
