package io.zpadoctor.rules.internal;

import io.zpadoctor.model.ReportedCase;
import io.zpadoctor.model.derived.CaseConnector;
import io.zpadoctor.model.derived.CaseScope;
import io.zpadoctor.model.tenant.AppConnector;
import io.zpadoctor.model.tenant.ConnectorGroup;
import io.zpadoctor.model.tenant.ProvisioningKey;
import io.zpadoctor.model.tenant.Tenant;

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
            return new Result(CaseScope.EVERYTHING, notes);
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
