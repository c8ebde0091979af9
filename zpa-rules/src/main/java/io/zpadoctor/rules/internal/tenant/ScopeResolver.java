package io.zpadoctor.rules.internal.tenant;

import io.zpadoctor.model.ReportedCase;
import io.zpadoctor.model.derived.CaseConnector;
import io.zpadoctor.model.derived.CaseScope;
import io.zpadoctor.model.tenant.AppConnector;
import io.zpadoctor.model.tenant.ApplicationSegment;
import io.zpadoctor.model.tenant.ConnectorGroup;
import io.zpadoctor.model.tenant.ProvisioningKey;
import io.zpadoctor.model.tenant.ServerGroup;
import io.zpadoctor.model.tenant.Tenant;
import io.zpadoctor.model.tenant.TenantCollection;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the names in a case to API objects: the connector (which may not exist if it never enrolled),
 * its group, the named group. Names match exactly first, then ignoring case.
 */
public final class ScopeResolver {
    /** ZPA names a connector {@code <provisioning key name>-<n>} unless an administrator renames it. */
    private static final Pattern DEFAULT_NAME = Pattern.compile("(.+)-(\\d+)");

    /** The scope plus the notes a report should show about how names were resolved. */
    public record Result(CaseScope scope, List<String> notes) {
    }

    private ScopeResolver() {
    }

    public static Result resolve(ReportedCase c, Tenant tenant) {
        List<String> notes = new ArrayList<>();
        if (!c.hasScope()) {
            return c.application() != null ? byApplication(c, tenant, notes) : new Result(CaseScope.EVERYTHING, notes);
        }
        Set<String> connectorIds = new LinkedHashSet<>();
        Set<String> groupIds = new LinkedHashSet<>();
        String unresolvedGroup = null;
        ConnectorGroup group = null;
        if (c.groupName() != null) {
            group = byName(tenant.groups(), ConnectorGroup::name, c.groupName());
            if (group != null) {
                groupIds.add(group.id());
            } else {
                unresolvedGroup = c.groupName();
                notes.add("No connector group named \"" + c.groupName() + "\" is in the tenant data"
                        + (tenant.groups().isEmpty() ? " (no connector groups were read)." : "."));
            }
        }
        CaseConnector cc = null;
        if (c.connectorName() != null) {
            AppConnector a = byName(tenant.connectors(), AppConnector::name, c.connectorName());
            if (a != null) {
                connectorIds.add(a.id());
                if (a.groupId() != null) {
                    groupIds.add(a.groupId());
                }
                cc = new CaseConnector(a.displayName(), a.id(), a.groupId(), "API");
                if (c.symptom() == io.zpadoctor.model.Symptom.NOT_ENROLLING
                        && a.controlChannelStatus() == io.zpadoctor.model.tenant.ControlChannelStatus.AUTHENTICATED) {
                    notes.add("The case reports that " + a.displayName() + " is not enrolling, but the API lists it as"
                            + " enrolled and authenticated, so the enrollment checks do not apply to it. If another VM"
                            + " is meant, name that VM's hostname or its group.");
                }
            } else {
                String gid = group != null ? group.id() : null;
                String basis = group != null ? "case group" : null;
                if (gid == null) {
                    ProvisioningKey k = keyFromDefaultName(c.connectorName(), tenant);
                    if (k != null && k.groupId() != null) {
                        gid = k.groupId();
                        basis = "connector name follows key \"" + k.displayName() + "\"";
                        groupIds.add(gid);
                    }
                }
                cc = new CaseConnector(c.connectorName(), null, gid, basis);
                notes.add("Connector \"" + c.connectorName() + "\" is not in the tenant's connector list"
                        + (tenant.connectors().isEmpty() ? " (no connectors were read)" : "")
                        + ": it has not enrolled, or was deleted."
                        + (basis != null && basis.startsWith("connector name")
                        ? " Its group was inferred because its " + basis + "." : ""));
            }
        }
        return new Result(new CaseScope(false, cc, connectorIds, groupIds, unresolvedGroup), notes);
    }

    /**
     * A case naming only an application is about the connector groups that serve it: the most specific enabled
     * segment covering its host and port (as ZPA chooses, and as classify.drl does), its server groups, their
     * connector groups. Trouble elsewhere in the tenant is no answer to "why can users not reach this".
     */
    private static Result byApplication(ReportedCase c, Tenant tenant, List<String> notes) {
        if (tenant.segments().isEmpty() && !tenant.isLoaded(TenantCollection.APPLICATION_SEGMENTS)) {
            return new Result(CaseScope.EVERYTHING, notes);   // no segments read: which groups serve it is unknown
        }
        String host = c.application().host();
        Integer port = c.application().port();
        ApplicationSegment serving = null;
        int best = -1;
        for (ApplicationSegment s : tenant.segments()) {
            int spec = s.matchSpecificity(host);
            if (spec < 0 || !s.enabled() || port != null && !s.coversPort(port)) {
                continue;
            }
            if (spec > best || spec == best && s.id().compareTo(serving.id()) < 0) {
                serving = s;
                best = spec;
            }
        }
        Set<String> groupIds = new LinkedHashSet<>();
        if (serving != null) {
            for (ServerGroup sg : tenant.serverGroups()) {
                if (serving.serverGroupIds().contains(sg.id()) || sg.applicationIds().contains(serving.id())) {
                    groupIds.addAll(sg.connectorGroupIds());
                }
            }
            List<String> names = new ArrayList<>();
            for (String gid : groupIds) {
                ConnectorGroup g = tenant.groups().stream().filter(x -> gid.equals(x.id())).findFirst().orElse(null);
                names.add(g != null ? g.displayName() : gid);
            }
            notes.add("Application " + c.application() + " is served by segment \"" + serving.displayName() + "\""
                    + (names.isEmpty() ? ", through no connector group; " : " through connector group"
                    + (names.size() == 1 ? " " : "s ") + String.join(", ", names) + "; ")
                    + "the diagnosis covers " + (names.isEmpty() ? "that chain only." : "those groups."));
        } else {
            notes.add("No enabled segment covers " + c.application() + "; the diagnosis covers that chain only.");
        }
        return new Result(new CaseScope(false, null, Set.of(), groupIds, null), notes);
    }

    private static ProvisioningKey keyFromDefaultName(String connectorName, Tenant tenant) {
        Matcher m = DEFAULT_NAME.matcher(connectorName);
        if (!m.matches()) {
            return null;
        }
        return byName(tenant.keys().stream().filter(ProvisioningKey::isForConnectors).toList(),
                ProvisioningKey::name, m.group(1));
    }

    static <T> T byName(List<T> items, Function<T, String> name, String wanted) {
        T folded = null;
        for (T t : items) {
            String n = name.apply(t);
            if (wanted.equals(n)) {
                return t;
            }
            if (folded == null && n != null && n.equalsIgnoreCase(wanted)) {
                folded = t;
            }
        }
        return folded;
    }
}
