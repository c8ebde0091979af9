package io.zpadoctor.report;

import io.zpadoctor.model.Symptom;
import io.zpadoctor.model.finding.Finding;
import io.zpadoctor.model.finding.SubjectType;
import io.zpadoctor.model.tenant.ApplicationSegment;
import io.zpadoctor.model.tenant.ConnectorGroup;
import io.zpadoctor.model.tenant.ServerGroup;
import io.zpadoctor.rules.AffectedConnector;
import io.zpadoctor.rules.Diagnosis;
import io.zpadoctor.rules.GroupSummary;
import io.zpadoctor.rules.internal.drl.RuleHelpers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The phrases the Markdown and text reports share, so both say the same thing the same way. */
final class Views {
    private Views() {
    }

    static String symptom(Symptom s) {
        if (s == null) {
            return "not reported (every check run)";
        }
        return s.label() + " (" + switch (s) {
            case NOT_ENROLLING -> "enrollment failure";
            case DISCONNECTED -> "connector disconnected";
            case UPGRADE_FAILED -> "upgrade failed";
            case HIGH_CPU -> "high CPU";
            case HIGH_MEMORY -> "high memory";
            case HIGH_DISK -> "high disk use";
            case APP_UNREACHABLE -> "application unreachable";
        } + ")";
    }

    /** The group the report leads with: the case's, else the primary finding's, else the only one. */
    static GroupSummary headerGroup(Diagnosis d) {
        if (d.groups().isEmpty()) {
            return null;
        }
        String caseGroup = d.reportedCase().groupName();
        for (GroupSummary g : d.groups()) {
            if (caseGroup != null && caseGroup.equalsIgnoreCase(g.group().name())) {
                return g;
            }
        }
        if (d.primary() != null) {
            for (GroupSummary g : d.groups()) {
                if (d.primary().concerns(g.group().id())) {
                    return g;
                }
            }
        }
        for (AffectedConnector a : d.affectedConnectors()) {
            for (GroupSummary g : d.groups()) {
                if (g.group().displayName().equals(a.groupName())) {
                    return g;
                }
            }
        }
        return d.groups().size() == 1 ? d.groups().get(0) : null;
    }

    static String groupLine(Diagnosis d) {
        GroupSummary g = headerGroup(d);
        if (g != null) {
            return g.group().displayName() + " (ID: " + g.group().id() + ")";
        }
        if (d.reportedCase().groupName() != null) {
            return d.reportedCase().groupName() + " (not found in the tenant data)";
        }
        return d.groups().isEmpty() ? "none in scope" : d.groups().size() + " groups (see below)";
    }

    static String affected(Diagnosis d) {
        if (d.affectedConnectors().isEmpty()) {
            return d.reportedCase().connectorName() != null ? d.reportedCase().connectorName() : "none named";
        }
        List<String> names = new ArrayList<>();
        for (AffectedConnector a : d.affectedConnectors()) {
            names.add(a.name() + (AffectedConnector.NOT_IN_API.equals(a.status()) ? " (not in the API)" : ""));
        }
        return limit(names, 10);
    }

    static String status(Diagnosis d) {
        List<String> parts = new ArrayList<>();
        for (AffectedConnector a : d.affectedConnectors()) {
            parts.add(a.name() + ": " + a.status());
        }
        if (!parts.isEmpty()) {
            return limit(parts, 5);
        }
        GroupSummary g = headerGroup(d);
        if (g != null) {
            return g.health().serving() + " of " + g.health().total() + " connectors enabled and ZPN_STATUS_AUTHENTICATED";
        }
        return "n/a";
    }

    static String yesNo(boolean b) {
        return b ? "Yes" : "No";
    }

    static String upgradeWindow(ConnectorGroup g) {
        if (g.upgradeDay() == null && g.upgradeTime() == null) {
            return g.upgradeDayRaw() != null ? g.upgradeDayRaw() : "not set";
        }
        String day = g.upgradeDay() != null
                ? g.upgradeDay().name().charAt(0) + g.upgradeDay().name().substring(1).toLowerCase(Locale.ROOT)
                : (g.upgradeDayRaw() != null ? g.upgradeDayRaw() : "any day");
        return day + (g.upgradeTime() != null ? " at " + g.upgradeTime() : "") + " (the API does not state the time zone)";
    }

    static String versions(GroupSummary g) {
        if (g.versions().isEmpty()) {
            return "no connectors";
        }
        String running = g.versions().entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")")
                .collect(Collectors.joining(", "));
        if (!g.expectedVersions().isEmpty()) {
            running += "; expected " + String.join(", ", g.expectedVersions());
        }
        return running;
    }

    static String serverGroup(ServerGroup sg) {
        String servers = sg.serversListed() ? sg.servers().size() + " application server(s)"
                : "servers not listed in the export";
        return (sg.enabled() ? "enabled" : "DISABLED") + ", " + servers + ", dynamic discovery "
                + (sg.dynamicDiscovery() ? "on" : "off");
    }

    static String segment(ApplicationSegment s) {
        return s.displayName() + (s.enabled() ? "" : " (DISABLED)") + " ("
                + (s.domainNames().isEmpty() ? "no domains" : limit(s.domainNames(), 4)) + "; "
                + RuleHelpers.ports(s) + ")";
    }

    static String subject(Finding f) {
        String type = switch (f.subject().type()) {
            case CONNECTOR -> "connector";
            case CONNECTOR_GROUP -> "group";
            case PROVISIONING_KEY -> "key";
            case ENROLLMENT_CERTIFICATE -> "certificate";
            case SERVER_GROUP -> "server group";
            case APPLICATION_SEGMENT -> "segment";
            case APPLICATION -> "application";
            case HOST -> "host";
            case TENANT -> "tenant";
            case FILE -> "file";
        };
        return f.subject().type() == SubjectType.TENANT ? "tenant" : type + " " + f.subject().label();
    }

    /** " (suppressed until 2027-03-31: reason)" or "" */
    static String suppressed(Finding f) {
        if (f.suppression() == null) {
            return "";
        }
        return " (suppressed" + (f.suppression().expires() != null ? " until " + f.suppression().expires() : "")
                + ": " + f.suppression().reason() + ")";
    }

    static String limit(List<String> items, int max) {
        if (items.size() <= max) {
            return String.join(", ", items);
        }
        return String.join(", ", items.subList(0, max)) + " and " + (items.size() - max) + " more";
    }

    static String count(Map<?, ?> m) {
        return Integer.toString(m.size());
    }

    /** The checks that could not be evaluated, grouped by the reason, in first-seen order. */
    static java.util.Map<String, java.util.List<String>> notEvaluatedByReason(io.zpadoctor.rules.Diagnosis d) {
        java.util.Map<String, java.util.List<String>> byReason = new java.util.LinkedHashMap<>();
        for (io.zpadoctor.rules.NotEvaluated n : d.notEvaluated()) {
            byReason.computeIfAbsent(n.reason(), r -> new java.util.ArrayList<>()).add(n.check());
        }
        return byReason;
    }

    /** An application's chain in one line: each server group, what is wrong with it, its groups and how many are up. */
    static String chain(io.zpadoctor.rules.FleetReport.UnreachableApplication a) {
        if (a.chain().isEmpty()) {
            return "no server group";
        }
        List<String> links = new java.util.ArrayList<>();
        for (io.zpadoctor.rules.FleetReport.ChainLink l : a.chain()) {
            StringBuilder sb = new StringBuilder("server group \"")
                    .append(l.serverGroupName() != null ? l.serverGroupName() : l.serverGroupId()).append('"');
            if (l.problem() != null) {
                sb.append(" (").append(l.problem()).append(')');
            }
            List<String> groups = new java.util.ArrayList<>();
            for (io.zpadoctor.rules.FleetReport.ChainGroup g : l.groups()) {
                groups.add((g.groupName() != null ? g.groupName() : g.groupId()) + (g.groupName() == null ? " (not in the tenant)"
                        : !g.enabled() ? " (disabled)" : " (" + g.serving() + " of " + g.total() + " up)"));
            }
            if (!groups.isEmpty()) {
                sb.append(" -> ").append(limit(groups, 5));
            }
            links.add(sb.toString());
        }
        return String.join("; ", links);
    }

    /** "12 problems (3 CRITICAL, 9 WARNING), explaining 20 more findings". */
    static String problemLine(io.zpadoctor.rules.FleetReport f) {
        List<String> parts = new java.util.ArrayList<>();
        Map<io.zpadoctor.model.finding.Severity, Integer> by = f.problemsBySeverity();
        for (io.zpadoctor.model.finding.Severity s : io.zpadoctor.model.finding.Severity.values()) {
            if (by.getOrDefault(s, 0) > 0) {
                parts.add(by.get(s) + " " + s);
            }
        }
        int explained = 0;
        for (io.zpadoctor.rules.FleetReport.Problem p : f.problems()) {
            explained += p.explains().size();
        }
        int n = f.problems().size();
        return n == 0 ? "none" : n + " problem" + (n == 1 ? "" : "s") + " (" + String.join(", ", parts) + ")"
                + (explained > 0 ? ", explaining " + explained + " more finding" + (explained == 1 ? "" : "s") : "");
    }
}
