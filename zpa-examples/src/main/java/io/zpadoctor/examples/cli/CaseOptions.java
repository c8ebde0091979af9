package io.zpadoctor.examples.cli;

import io.zpadoctor.model.ApplicationTarget;
import io.zpadoctor.model.ReportedCase;
import io.zpadoctor.model.Symptom;
import io.zpadoctor.model.internal.Nearest;
import io.zpadoctor.model.tenant.AppConnector;
import io.zpadoctor.model.tenant.ConnectorGroup;
import io.zpadoctor.model.tenant.ProvisioningKey;
import io.zpadoctor.model.tenant.Tenant;
import io.zpadoctor.model.tenant.TenantCollection;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** What the administrator reports; each option overrides the bundle's case.json. */
final class CaseOptions {
    @Option(names = "--connector", paramLabel = "NAME",
            description = "The connector (or VM) the problem is about. It need not exist in the API if it never enrolled.")
    String connector;

    @Option(names = "--group", paramLabel = "NAME", description = "The connector group the problem is about.")
    String group;

    @Option(names = "--symptom", paramLabel = "S", converter = Converters.SymptomConverter.class,
            completionCandidates = Converters.SymptomCandidates.class,
            description = "What was reported: not-enrolling, disconnected, upgrade-failed, high-cpu, high-memory,"
                    + " high-disk or app-unreachable. Without it every check runs.")
    Symptom symptom;

    @Option(names = "--app", paramLabel = "HOST:PORT", converter = Converters.ApplicationConverter.class,
            description = "The application users cannot reach, e.g. intranet.corp.example.com:443.")
    ApplicationTarget app;

    /**
     * A name given on the command line that the tenant cannot mean is a typo, not a connector without problems:
     * exit 64 naming the nearest names. A connector may still be a VM that never enrolled when it follows the
     * {@code <key name>-<n>} naming, has a host folder, or comes with a --group the tenant has. The checks need
     * the objects they look in; a bundle without them (host files only) is not checked.
     */
    void check(Tenant tenant, java.util.List<String> hostFolders) {
        boolean groupKnown = false;
        if (group != null && tenant.isLoaded(TenantCollection.CONNECTOR_GROUPS)) {
            List<String> names = new ArrayList<>();
            for (ConnectorGroup g : tenant.groups()) {
                names.add(g.name());
                groupKnown |= group.equalsIgnoreCase(g.name()) || group.equals(g.id());
            }
            if (!groupKnown) {
                throw unknown("--group", group, "connector group", names, "");
            }
        }
        if (connector != null && tenant.isLoaded(TenantCollection.CONNECTORS) && !groupKnown) {
            List<String> names = new ArrayList<>();
            boolean known = false;
            for (AppConnector c : tenant.connectors()) {
                names.add(c.name());
                known |= connector.equalsIgnoreCase(c.name()) || connector.equals(c.id());
            }
            for (String h : hostFolders) {
                names.add(h);
                known |= connector.equalsIgnoreCase(h);
            }
            java.util.regex.Matcher m = DEFAULT_NAME.matcher(connector);
            List<String> keys = new ArrayList<>();
            for (ProvisioningKey k : tenant.keys()) {
                known |= m.matches() && m.group(1).equalsIgnoreCase(k.name());
                if (k.name() != null) {
                    keys.add(k.name() + "-<n>");
                }
            }
            if (!known) {
                throw unknown("--connector", connector, "connector", names, " (a VM that never enrolled is named"
                        + (keys.isEmpty() ? " after its key" : " " + String.join(" or ", keys.stream().limit(3).toList()))
                        + "; or name its group with --group too)");
            }
        }
        if (app != null && tenant.isLoaded(TenantCollection.APPLICATION_SEGMENTS)
                && tenant.segments().stream().noneMatch(s -> s.matchSpecificity(app.host()) >= 0)) {
            // an uncovered host is ZPA-APP-001, a finding; one a letter or two from a segment's domain is a typo
            List<String> domains = tenant.segments().stream().flatMap(s -> s.domainNames().stream()).toList();
            List<String> near = Nearest.to(app.host(), domains, 3, 2);
            if (!near.isEmpty()) {
                throw new CliException(ExitCodes.USAGE, "--app " + app + ": no application segment covers "
                        + app.host() + "; did you mean " + String.join(" or ", near) + "?");
            }
        }
    }

    private static final java.util.regex.Pattern DEFAULT_NAME = java.util.regex.Pattern.compile("(.+)-(\\d+)");

    private static CliException unknown(String option, String value, String what, List<String> names, String hint) {
        List<String> near = Nearest.to(value, names, 3);
        String others = names.isEmpty() ? "the tenant has none"
                : near.isEmpty() ? "it has " + String.join(", ", names.stream().sorted().limit(5).toList())
                + (names.size() > 5 ? " and " + (names.size() - 5) + " more" : "")
                : "did you mean " + String.join(" or ", near) + "?";
        return new CliException(ExitCodes.USAGE, option + " " + value + ": no " + what + " of that name in the"
                + " tenant; " + others + hint);
    }

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
