package io.zpadoctor.examples.cli;

import io.zpadoctor.model.ApplicationTarget;
import io.zpadoctor.model.ReportedCase;
import io.zpadoctor.model.Symptom;
import picocli.CommandLine.Option;

/** What the administrator reports; each option overrides the bundle's case.json. */
final class CaseOptions {
    @Option(names = "--connector", paramLabel = "NAME",
            description = "The connector (or VM) the problem is about. It need not exist in the API if it never enrolled.")
    String connector;

    @Option(names = "--group", paramLabel = "NAME", description = "The connector group the problem is about.")
    String group;

    @Option(names = "--symptom", paramLabel = "S", converter = Converters.SymptomConverter.class,
            description = "What was reported: not-enrolling, disconnected, upgrade-failed, high-cpu, high-memory,"
                    + " high-disk or app-unreachable. Without it every check runs.")
    Symptom symptom;

    @Option(names = "--app", paramLabel = "HOST:PORT", converter = Converters.ApplicationConverter.class,
            description = "The application users cannot reach, e.g. intranet.corp.example.com:443.")
    ApplicationTarget app;

    /** The bundle's case with the command line's values laid over it. */
    ReportedCase over(ReportedCase base) {
        ReportedCase c = base;
        if (symptom != null) {
            c = c.withSymptom(symptom);
        }
        if (connector != null) {
            c = c.withConnectorName(connector);
        }
        if (group != null) {
            c = c.withGroupName(group);
        }
        if (app != null) {
            c = c.withApplication(app);
            if (c.symptom() == null) {
                c = c.withSymptom(Symptom.APP_UNREACHABLE);
            }
        }
        return c;
    }
}
