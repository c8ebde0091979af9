package io.zpadoctor.examples.cli;

import io.zpadoctor.rules.Catalog;
import io.zpadoctor.rules.Diagnosis;
import io.zpadoctor.rules.Explanation;
import io.zpadoctor.rules.FleetReport;
import picocli.CommandLine;

import java.util.List;
import java.util.function.Function;

/**
 * The command line's own commands for another surface of zpa-doctor (the MCP server): the same options, checks,
 * reading and diagnosis as {@code zpa-doctor diagnose ...}, with the result returned instead of printed, and a
 * failure as the one line and exit code the command line would give.
 */
public final class CommandCalls {
    private CommandCalls() {
    }

    /** A command that failed: the line the command line prints for it, and its exit code. */
    public static final class Failure extends Exception {
        private final int exitCode;

        public Failure(int exitCode, String line) {
            super(line, null, false, false);   // a message for a person, never a stack trace
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    /** {@code zpa-doctor diagnose ARGS}: the diagnosis it would print. */
    public static Diagnosis diagnose(List<String> args) throws Failure {
        return call(new DiagnoseCommand(), args, DiagnoseCommand::diagnosis);
    }

    /** {@code zpa-doctor fleet ARGS}: the fleet view it would print. */
    public static FleetReport fleet(List<String> args) throws Failure {
        return call(new FleetCommand(), args, FleetCommand::fleet);
    }

    /** {@code zpa-doctor rules explain ARGS}: what the rules did with the code. */
    public static Explanation explain(List<String> args) throws Failure {
        return call(new RulesCommand.Explain(), args, RulesCommand.Explain::explanation);
    }

    /** The explanation as {@code rules explain} prints it. */
    public static String explanationText(Explanation e) {
        return RulesCommand.Explain.render(e);
    }

    /** {@code zpa-doctor fix ARGS} without {@code --apply}: the request it would send; nothing is sent. */
    public static FixDryRun planFix(List<String> args) throws Failure {
        return call(new FixCommand(), args, FixCommand::dryRun);
    }

    /** {@code zpa-doctor rules list ARGS}: every code, built-in and from the packs named. */
    public static Catalog catalog(List<String> args) throws Failure {
        return call(new RulesCommand.ListRules(), args, RulesCommand.ListRules::catalog);
    }

    /** {@code zpa-doctor collect-script}: the collector script's bytes as shipped. */
    public static byte[] collectScript() throws Failure {
        return call(new CollectScriptCommand(), List.of(), c -> CollectScriptCommand.script());
    }

    /** Parses the arguments into the command as the command line does, then runs what it does before printing. */
    private static <C, R> R call(C command, List<String> args, Function<C, R> work) throws Failure {
        try {
            new CommandLine(command).parseArgs(args.toArray(String[]::new));
            return work.apply(command);
        } catch (CommandLine.UnmatchedArgumentException e) {
            // not a mistyped command here: the command is chosen by the caller
            throw new Failure(ExitCodes.USAGE, "zpa-doctor: " + ZpaDoctor.unmatched(e.getUnmatched()));
        } catch (CommandLine.ParameterException e) {
            throw new Failure(ExitCodes.USAGE, ZpaDoctor.usageLine(e));
        } catch (CliException | io.zpadoctor.rules.DiagnosisException e) {
            throw new Failure(ZpaDoctor.exitCode(e), ZpaDoctor.failureLine(e));
        } catch (RuntimeException | StackOverflowError e) {
            // what the command line reports as an internal error (exit 70); the server itself carries on
            throw new Failure(ExitCodes.SOFTWARE, ZpaDoctor.internalErrorLine(e));
        }
    }
}
