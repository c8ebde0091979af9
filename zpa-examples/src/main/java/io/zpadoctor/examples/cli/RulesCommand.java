package io.zpadoctor.examples.cli;

import io.zpadoctor.client.bundle.Bundle;
import io.zpadoctor.client.bundle.BundleException;
import io.zpadoctor.client.bundle.BundleReader;
import io.zpadoctor.rules.Catalog;
import io.zpadoctor.rules.CatalogEntry;
import io.zpadoctor.rules.Diagnoser;
import io.zpadoctor.rules.Diagnosis;
import io.zpadoctor.rules.Expectation;
import io.zpadoctor.rules.Explanation;
import io.zpadoctor.rules.RulePack;
import io.zpadoctor.rules.RulePackException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "rules", mixinStandardHelpOptions = true, versionProvider = ZpaDoctor.Version.class,
        usageHelpAutoWidth = true,
        description = "List, lint, test and explain rules, built-in and from rule packs.",
        subcommands = {RulesCommand.ListRules.class, RulesCommand.Lint.class, RulesCommand.Test.class,
                RulesCommand.Explain.class, NewPackCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  zpa-doctor rules new acme-pack                 # a pack that lints and tests green",
                "  zpa-doctor rules list --rules ./acme-pack",
                "  zpa-doctor rules lint ./acme-pack",
                "  zpa-doctor rules test ./acme-pack",
                "  zpa-doctor rules test ./acme-pack -o rules-test.xml   # JUnit XML for CI",
                "  zpa-doctor rules explain ZPA-ENR-001 --bundle case-1234.tar.gz",
                "",
                "A rule pack is a folder (or jar) of .drl files, a catalog.yaml describing its codes, and",
                "scenarios/<name>/ (a bundle plus expected.yaml) to test them. A pack is code: only packs",
                "named on the command line are ever loaded."})
final class RulesCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new CliException(ExitCodes.USAGE, "say which: rules list, rules lint PATH, rules test PATH, rules"
                + " explain CODE --bundle PATH or rules new NAME (see zpa-doctor rules --help)");
    }

    static void problems(PrintStream out, String label, List<RulePackException.Problem> ps) {
        for (RulePackException.Problem p : ps) {
            out.println(p + (label.isEmpty() ? "" : " [" + label + "]"));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every code, built-in and from packs,"
            + " with its severity, category and source.",
            footerHeading = "%nExamples:%n", footer = {"  zpa-doctor rules list", "  zpa-doctor rules list --rules ./acme-pack"})
    static final class ListRules implements Callable<Integer> {
        @Option(names = "--rules", paramLabel = "PATH", description = "A rule pack to include; repeatable.")
        List<Path> packs = new ArrayList<>();

        @Override
        public Integer call() {
            Catalog c = catalog();
            System.out.printf("%-13s %-8s %-11s %-30s %s%n", "CODE", "SEVERITY", "CATEGORY", "SOURCE", "TITLE");
            for (CatalogEntry e : c.entries()) {
                String source = e.origin().equals("built-in") ? "built-in" : e.origin();
                System.out.printf("%-13s %-8s %-11s %-30s %s%n", e.code(), e.severity(), e.category(), source, e.title());
            }
            return ExitCodes.OK;
        }

        /** The built-in catalog with the packs' entries (the MCP server's checks tool and resources too). */
        Catalog catalog() {
            Catalog c = Catalog.builtIn();
            for (Path p : packs) {
                try {
                    c = c.with(RulePack.load(p).catalog());
                } catch (RulePackException e) {
                    throw new CliException(ExitCodes.DATA, e.getMessage());
                } catch (IllegalArgumentException e) {
                    throw new CliException(ExitCodes.DATA, e.getMessage());
                }
            }
            return c;
        }
    }

    @Command(name = "lint", mixinStandardHelpOptions = true,
            description = "Check a rule pack: compile errors, codes without catalog entries, entries without rules,"
                    + " rules that can never fire, constructs worth a reviewer's look. Exit 0 clean, 1 warnings,"
                    + " 65 errors.",
            footerHeading = "%nExamples:%n", footer = {"  zpa-doctor rules lint ./acme-pack"})
    static final class Lint implements Callable<Integer> {
        @Parameters(paramLabel = "PATH", description = "The pack: a folder or a jar.")
        Path pack;

        @Override
        public Integer call() {
            RulePack.Lint l = RulePack.lint(pack);
            problems(System.out, "error", l.errors());
            problems(System.out, "warning", l.warnings());
            System.out.printf("%s: %d error(s), %d warning(s)%n", pack, l.errors().size(), l.warnings().size());
            return !l.errors().isEmpty() ? ExitCodes.DATA : !l.warnings().isEmpty() ? ExitCodes.WARNING : ExitCodes.OK;
        }
    }

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Run a rule pack's scenarios/<name>/ folders (a bundle plus expected.yaml, the format of"
                    + " the built-in scenarios) with the built-in rules and the pack; print pass or fail per"
                    + " scenario, the pack's rules that fired, and the pack's rules no scenario fires.",
            footerHeading = "%nExamples:%n", footer = {"  zpa-doctor rules test ./acme-pack",
                    "  zpa-doctor rules test ./acme-pack --format junit -o target/rules-test.xml"})
    static final class Test implements Callable<Integer> {
        @Parameters(paramLabel = "PATH", description = "The pack folder (with a scenarios/ folder).")
        Path pack;

        @Option(names = "--trust-pack", description = "Run the pack even if its compiled rules end the process, start"
                + " processes, touch files or the network, or use reflection.")
        boolean trustPack;

        @Option(names = "--budget", paramLabel = "SECONDS", defaultValue = "5",
                description = "How long the rules may run per scenario (default: 5).")
        double budgetSeconds = 5;

        @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", completionCandidates = TestFormats.class,
                description = "text (default) or junit: JUnit XML for CI (a testcase per scenario).")
        String format;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the result to FILE (mode 0644)"
                + " instead of standard output; .xml means junit, .txt text, unless --format is given.")
        Path output;

        static final class TestFormats extends ArrayList<String> {
            TestFormats() {
                super(List.of("text", "junit"));
            }
        }

        /** One scenario's outcome: what differed from expected.yaml, or why it could not run. */
        record Outcome(String name, List<String> failures, String error, Set<String> fired, long nanos) {
            boolean passed() {
                return failures.isEmpty() && error == null;
            }
        }

        @Override
        public Integer call() {
            String f = chosenFormat();
            RulePack p;
            try {
                p = RulePack.load(pack);
            } catch (RulePackException e) {
                throw new CliException(ExitCodes.DATA, e.getMessage());
            }
            Path dir = p.scenarios().orElseThrow(() -> new CliException(ExitCodes.DATA, pack
                    + " has no scenarios/ folder: add scenarios/<name>/ with a bundle and expected.yaml"));
            Set<String> packRules = new TreeSet<>();
            p.rules().values().forEach(packRules::addAll);
            Set<String> fired = new LinkedHashSet<>();
            Diagnoser doctor;
            try {
                doctor = Diagnoser.builder().trustPacks(trustPack).budget(EngineOptions.budget(budgetSeconds))
                        .rulePack(p).ruleListener((rule, pkg) -> {
                    synchronized (fired) {
                        if (packRules.contains(rule)) {
                            fired.add(rule);
                        }
                    }
                }).build();
            } catch (RulePackException e) {
                throw new CliException(ExitCodes.DATA, e.getMessage());
            }
            List<Path> scenarios;
            try (Stream<Path> s = Files.list(dir)) {
                scenarios = s.filter(Files::isDirectory).sorted().toList();
            } catch (IOException e) {
                throw new CliException(ExitCodes.IO, "cannot list " + dir + ": " + e.getMessage());
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Path sc : scenarios) {
                long start = System.nanoTime();
                List<String> failures = new ArrayList<>();
                String error = null;
                fired.clear();
                try {
                    Expectation ex = Expectation.read(sc.resolve("expected.yaml"));
                    Bundle b = BundleReader.read(sc);
                    Diagnosis d = doctor.diagnose(b.toFacts());
                    failures.addAll(ex.check(d));
                } catch (IOException | BundleException e) {
                    error = e.getMessage();
                }
                synchronized (fired) {
                    outcomes.add(new Outcome(sc.getFileName().toString(), failures, error, new LinkedHashSet<>(fired),
                            System.nanoTime() - start));
                }
            }
            Set<String> never = new TreeSet<>(packRules);
            outcomes.forEach(o -> never.removeAll(o.fired()));
            String result = f.equals("junit") ? junit(pack, outcomes, packRules, never) : text(pack, outcomes, packRules, never);
            if (output == null) {
                System.out.print(result);
            } else {
                OutputOptions.writeAtomically(output, result);
            }
            return outcomes.stream().allMatch(Outcome::passed) ? ExitCodes.OK : ExitCodes.WARNING;
        }

        /** --format, else the output file's extension, else text; a usage error names the formats there are. */
        private String chosenFormat() {
            String f = format;
            if (f == null && output != null) {
                String name = output.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
                int dot = name.lastIndexOf('.');
                String ext = dot < 0 ? "" : name.substring(dot + 1);
                f = switch (ext) {
                    case "xml" -> "junit";
                    case "txt", "text", "" -> "text";
                    default -> throw new CliException(ExitCodes.USAGE, "-o " + output.getFileName() + ": rules test"
                            + " writes text (.txt) or junit (.xml), not ." + ext + " (or give --format)");
                };
            }
            f = f == null ? "text" : f.strip().toLowerCase(java.util.Locale.ROOT);
            if (!f.equals("text") && !f.equals("junit")) {
                throw new CliException(ExitCodes.USAGE, "rules test --format must be text or junit, not '" + format + "'");
            }
            return f;
        }

        static String text(Path pack, List<Outcome> outcomes, Set<String> packRules, Set<String> never) {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format("rules test %s: %d scenario(s)%n", pack, outcomes.size()));
            for (Outcome o : outcomes) {
                sb.append(String.format("  %s  %s%n", o.passed() ? "PASS" : "FAIL", o.name()));
                for (String f : o.failures()) {
                    sb.append("        ").append(f).append(System.lineSeparator());
                }
                if (o.error() != null) {
                    sb.append("        ").append(o.error()).append(System.lineSeparator());
                }
                sb.append("        fired: ").append(o.fired().isEmpty() ? "no pack rule" : String.join("; ", o.fired()))
                        .append(System.lineSeparator());
            }
            long failed = outcomes.stream().filter(o -> !o.passed()).count();
            sb.append(String.format("rule coverage: %d of %d pack rule(s) fire in some scenario%s%n",
                    packRules.size() - never.size(), packRules.size(),
                    never.isEmpty() ? "" : "; never: \"" + String.join("\", \"", never) + "\""));
            sb.append(String.format("%d passed, %d failed%n", outcomes.size() - failed, failed));
            return sb.toString();
        }

        /**
         * The JUnit XML CI servers read (the Ant/Surefire schema): a testsuite for the pack, a testcase per
         * scenario with a failure for expectations not met and an error for a scenario that cannot be read.
         */
        static String junit(Path pack, List<Outcome> outcomes, Set<String> packRules, Set<String> never) {
            java.io.StringWriter w = new java.io.StringWriter();
            String suite = pack.getFileName() == null ? pack.toString() : pack.getFileName().toString();
            try {
                javax.xml.stream.XMLStreamWriter x = javax.xml.stream.XMLOutputFactory.newFactory().createXMLStreamWriter(w);
                x.writeStartDocument("UTF-8", "1.0");
                x.writeCharacters("\n");
                x.writeStartElement("testsuite");
                x.writeAttribute("name", "rules test " + suite);
                x.writeAttribute("tests", String.valueOf(outcomes.size()));
                x.writeAttribute("failures", String.valueOf(outcomes.stream()
                        .filter(o -> o.error() == null && !o.failures().isEmpty()).count()));
                x.writeAttribute("errors", String.valueOf(outcomes.stream().filter(o -> o.error() != null).count()));
                x.writeAttribute("skipped", "0");
                x.writeAttribute("time", seconds(outcomes.stream().mapToLong(Outcome::nanos).sum()));
                x.writeAttribute("timestamp", java.time.LocalDateTime.now(java.time.ZoneOffset.UTC)
                        .withNano(0).toString());
                x.writeCharacters("\n  ");
                x.writeStartElement("properties");
                property(x, "pack", pack.toString());
                property(x, "rule coverage", (packRules.size() - never.size()) + " of " + packRules.size()
                        + (never.isEmpty() ? "" : "; never: " + String.join("; ", never)));
                x.writeCharacters("\n  ");
                x.writeEndElement();
                for (Outcome o : outcomes) {
                    x.writeCharacters("\n  ");
                    x.writeStartElement("testcase");
                    x.writeAttribute("classname", suite);
                    x.writeAttribute("name", o.name());
                    x.writeAttribute("time", seconds(o.nanos()));
                    if (o.error() != null) {
                        x.writeCharacters("\n    ");
                        x.writeStartElement("error");
                        x.writeAttribute("message", o.error());
                        x.writeAttribute("type", "unreadable scenario");
                        x.writeCharacters(o.error());
                        x.writeEndElement();
                    } else if (!o.failures().isEmpty()) {
                        x.writeCharacters("\n    ");
                        x.writeStartElement("failure");
                        x.writeAttribute("message", o.failures().get(0));
                        x.writeAttribute("type", "expectation not met");
                        x.writeCharacters(String.join("\n", o.failures()));
                        x.writeEndElement();
                    }
                    x.writeCharacters("\n    ");
                    x.writeStartElement("system-out");
                    x.writeCharacters("fired: " + (o.fired().isEmpty() ? "no pack rule" : String.join("; ", o.fired())));
                    x.writeEndElement();
                    x.writeCharacters("\n  ");
                    x.writeEndElement();
                }
                x.writeCharacters("\n");
                x.writeEndElement();
                x.writeCharacters("\n");
                x.writeEndDocument();
                x.close();
            } catch (javax.xml.stream.XMLStreamException e) {
                throw new IllegalStateException(e);
            }
            return w.toString();
        }

        private static void property(javax.xml.stream.XMLStreamWriter x, String name, String value)
                throws javax.xml.stream.XMLStreamException {
            x.writeCharacters("\n    ");
            x.writeEmptyElement("property");
            x.writeAttribute("name", name);
            x.writeAttribute("value", value);
        }

        private static String seconds(long nanos) {
            return String.format(java.util.Locale.ROOT, "%.3f", nanos / 1e9);
        }
    }

    @Command(name = "explain", mixinStandardHelpOptions = true,
            description = "Why a code did or did not fire on a bundle: each rule that emits it, its conditions, and"
                    + " how many matches each condition had with the ones before it. The first with none is where"
                    + " the rule stopped.",
            footerHeading = "%nExamples:%n",
            footer = {"  zpa-doctor rules explain ZPA-ENR-001 --bundle case-1234.tar.gz",
                    "  zpa-doctor rules explain ACME-VER-001 --bundle ./snapshot --rules ./acme-pack"})
    static final class Explain implements Callable<Integer> {
        @Parameters(paramLabel = "CODE", description = "The finding code, e.g. ZPA-ENR-001.")
        String code;

        @Option(names = {"-b", "--bundle"}, required = true, paramLabel = "PATH", description = "The bundle.")
        Path bundle;

        @Mixin
        CaseOptions caseOptions = new CaseOptions();

        @Mixin
        EngineOptions engine = new EngineOptions();

        @Override
        public Integer call() {
            System.out.print(render(explanation()));
            return ExitCodes.OK;
        }

        /** What the rules did with this code on the bundle (the MCP server's explain tool too). */
        Explanation explanation() {
            Bundle b = BundleArgs.read(bundle);
            caseOptions.check(b.tenant(), b.hosts().stream().map(h -> h.name()).toList());
            b = b.withCase(caseOptions.over(b.reportedCase()));
            return engine.diagnoser().explain(code.strip().toUpperCase(java.util.Locale.ROOT), b.toFacts());
        }

        /** Each rule's conditions with their match counts, and where the rule stopped. */
        static String render(Explanation e) {
            StringBuilder sb = new StringBuilder();
            sb.append(e.code()).append(e.fired() ? " fired." : " did not fire.").append('\n');
            if (e.note() != null) {
                sb.append(e.note()).append('\n');
            }
            for (Explanation.RuleTrace r : e.rules()) {
                sb.append(String.format("%nrule \"%s\" (%s:%d): %s%n", r.rule(), r.file(), r.line(),
                        r.firings() == 0 ? "did not fire" : "fired " + r.firings() + " time(s)"));
                Explanation.Condition stop = r.stoppedAt();
                for (Explanation.Condition c : r.conditions()) {
                    String text = c.text().length() > 90 ? c.text().substring(0, 87) + "..." : c.text();
                    sb.append(String.format("  %d. %-92s %s%s%n", c.index(), text,
                            c.matches() < 0 ? "?" : c.matches() + (c.matches() == 1 ? " match" : " matches"),
                            c == stop ? "   <- stops here" : ""));
                }
            }
            return sb.toString();
        }
    }
}
