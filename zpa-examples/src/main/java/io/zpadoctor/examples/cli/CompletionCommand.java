package io.zpadoctor.examples.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "completion", mixinStandardHelpOptions = true, versionProvider = ZpaDoctor.Version.class,
        usageHelpAutoWidth = true,
        description = "Print the shell completion script for bash, zsh or fish: commands, options and the values"
                + " of --format, --symptom, --fail-on and --color complete with Tab.",
        footerHeading = "%nExamples:%n",
        footer = {"  source <(zpa-doctor completion bash)                # this bash session; add it to ~/.bashrc",
                "  source <(zpa-doctor completion zsh)                 # zsh; add it to ~/.zshrc",
                "  zpa-doctor completion fish > ~/.config/fish/completions/zpa-doctor.fish"})
final class CompletionCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SHELL", description = "bash, zsh or fish.", completionCandidates = Shells.class)
    String shell;

    static final class Shells extends ArrayList<String> {
        Shells() {
            super(List.of("bash", "zsh", "fish"));
        }
    }

    @Override
    public Integer call() {
        System.out.print(script(shell));
        return ExitCodes.OK;
    }

    /** The script for the shell, made from every command (a run registers only the one it names). */
    static String script(String shell) {
        CommandLine all = ZpaDoctor.commandLine(null);
        return switch (shell) {
            // picocli's script serves zsh too, through zsh's bashcompinit, which it loads itself
            case "bash", "zsh" -> AutoComplete.bash("zpa-doctor", all);
            case "fish" -> fish(all);
            default -> throw new CliException(ExitCodes.USAGE, "no completion for '" + shell + "': the shells are"
                    + " bash, zsh and fish");
        };
    }

    /** fish's own completion commands: each subcommand where no subcommand is typed yet, each option after its command. */
    static String fish(CommandLine root) {
        StringBuilder sb = new StringBuilder("# zpa-doctor completion for fish (zpa-doctor completion fish)\n");
        sb.append("complete -c zpa-doctor -f\n");
        fishCommand(root, List.of(), sb);
        return sb.toString();
    }

    private static void fishCommand(CommandLine cl, List<String> path, StringBuilder sb) {
        CommandSpec spec = cl.getCommandSpec();
        String here = path.isEmpty() ? "__fish_use_subcommand"
                : "__fish_seen_subcommand_from " + path.get(path.size() - 1);
        for (Map.Entry<String, CommandLine> sub : cl.getSubcommands().entrySet()) {
            String[] d = sub.getValue().getCommandSpec().usageMessage().description();
            String cond = path.isEmpty() ? "__fish_use_subcommand"
                    : here + "; and not __fish_seen_subcommand_from " + String.join(" ", cl.getSubcommands().keySet());
            sb.append("complete -c zpa-doctor -n '").append(cond).append("' -a ").append(sub.getKey())
                    .append(" -d ").append(quote(d.length == 0 ? "" : firstSentence(d[0]))).append('\n');
        }
        if (!path.isEmpty()) {
            for (OptionSpec o : spec.options()) {
                StringBuilder line = new StringBuilder("complete -c zpa-doctor -n '").append(here).append("'");
                for (String name : o.names()) {
                    line.append(name.startsWith("--") ? " -l " + name.substring(2) : " -s " + name.substring(1));
                }
                if (o.arity().max() > 0) {
                    line.append(" -r");
                    List<String> values = new ArrayList<>();
                    if (o.completionCandidates() != null) {
                        o.completionCandidates().forEach(values::add);
                    }
                    line.append(values.isEmpty() ? " -F" : " -a " + quote(String.join(" ", values)));
                }
                String[] d = o.description();
                line.append(" -d ").append(quote(d.length == 0 ? "" : firstSentence(d[0])));
                sb.append(line).append('\n');
            }
        }
        for (Map.Entry<String, CommandLine> sub : cl.getSubcommands().entrySet()) {
            List<String> p = new ArrayList<>(path);
            p.add(sub.getKey());
            fishCommand(sub.getValue(), p, sb);
        }
    }

    private static String firstSentence(String s) {
        int dot = s.indexOf(". ");
        String t = dot > 0 ? s.substring(0, dot) : s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        return t.length() > 80 ? t.substring(0, 77) + "..." : t;
    }

    private static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
