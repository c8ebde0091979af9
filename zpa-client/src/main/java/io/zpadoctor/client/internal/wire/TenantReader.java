package io.zpadoctor.client.internal.wire;

import io.zpadoctor.model.tenant.AppConnector;
import io.zpadoctor.model.tenant.ApplicationSegment;
import io.zpadoctor.model.tenant.ConnectorGroup;
import io.zpadoctor.model.tenant.EnrollmentCertificate;
import io.zpadoctor.model.tenant.ProvisioningKey;
import io.zpadoctor.model.tenant.ServerGroup;
import io.zpadoctor.model.tenant.Tenant;
import io.zpadoctor.model.tenant.TenantCollection;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Collects the tenant from a bundle's {@code api/*.json} files, one collection per file. */
public final class TenantReader {
    private final List<String> warnings;
    private final Set<TenantCollection> loaded = EnumSet.noneOf(TenantCollection.class);
    private final Map<String, AppConnector> connectors = new LinkedHashMap<>();
    private final Map<String, AppConnector> embedded = new LinkedHashMap<>();
    private final Map<String, ConnectorGroup> groups = new LinkedHashMap<>();
    private final Map<String, ProvisioningKey> keys = new LinkedHashMap<>();
    private final Map<String, EnrollmentCertificate> certificates = new LinkedHashMap<>();
    private final Map<String, ServerGroup> serverGroups = new LinkedHashMap<>();
    private final Map<String, ApplicationSegment> segments = new LinkedHashMap<>();

    public TenantReader(List<String> warnings) {
        this.warnings = warnings;
    }

    /** Reads one api/ file; an unknown name is reported, not guessed at. */
    public void accept(String path, byte[] bytes) throws WireException {
        TenantCollection c = null;
        for (TenantCollection t : TenantCollection.values()) {
            if (t.bundlePath().equals(path)) {
                c = t;
            }
        }
        if (c == null) {
            warnings.add(path + ": not a file ZPA Doctor reads (expected one of " + expected() + "); ignored");
            return;
        }
        ApiJson.Result r = ApiJson.read(bytes, path);
        warnings.addAll(r.warnings());
        accept(c, r.items(), path, path);
    }

    /**
     * Maps objects already parsed, one page of a live read or a whole file.
     *
     * @param where names the file or response in errors (with line and column)
     * @param source what each fact records as its source, shown beside evidence in reports
     */
    public void accept(TenantCollection c, List<ApiJson.Item> items, String where, String source)
            throws WireException {
        loaded.add(c);
        for (ApiJson.Item item : items) {
            switch (c) {
                case CONNECTORS -> put(connectors,
                        TenantMapper.connector(new Fields(item, where, "connector"), source, null),
                        AppConnector::id, where);
                case CONNECTOR_GROUPS -> {
                    Fields f = new Fields(item, where, "connector group");
                    ConnectorGroup g = TenantMapper.group(f, source);
                    put(groups, g, ConnectorGroup::id, where);
                    for (AppConnector a : TenantMapper.embeddedConnectors(f, item, g.id(), where, source)) {
                        embedded.putIfAbsent(a.id(), a);
                    }
                }
                case PROVISIONING_KEYS -> put(keys,
                        TenantMapper.key(new Fields(item, where, "provisioning key"), source),
                        ProvisioningKey::id, where);
                case ENROLLMENT_CERTIFICATES -> put(certificates,
                        TenantMapper.certificate(new Fields(item, where, "enrollment certificate"), source),
                        EnrollmentCertificate::id, where);
                case SERVER_GROUPS -> put(serverGroups,
                        TenantMapper.serverGroup(new Fields(item, where, "server group"), source),
                        ServerGroup::id, where);
                case APPLICATION_SEGMENTS -> put(segments,
                        TenantMapper.segment(new Fields(item, where, "application segment"), source),
                        ApplicationSegment::id, where);
            }
        }
    }

    /** Ids seen twice, per file: one note each, however many repeat (a page repeating another repeats 500). */
    private final Map<String, List<String>> repeated = new LinkedHashMap<>();

    private <T> void put(Map<String, T> map, T value, Function<T, String> id, String path) {
        if (map.putIfAbsent(id.apply(value), value) != null) {
            List<String> ids = repeated.computeIfAbsent(path, k -> new ArrayList<>());
            ids.add(id.apply(value));
            if (ids.size() == 1) {
                warnings.add(path + ": id " + id.apply(value) + " appears more than once (overlapping pages?);"
                        + " the first is used, and objects the overlap pushed off the list may be missing");
            }
        }
    }

    public Tenant tenant() {
        repeated.forEach((path, ids) -> {
            if (ids.size() > 1) {
                warnings.add(path + ": " + ids.size() + " ids appear more than once in all");
            }
        });
        repeated.clear();
        List<AppConnector> all = new ArrayList<>(connectors.values());
        if (!embedded.isEmpty()) {
            int added = 0;
            for (AppConnector a : embedded.values()) {
                if (!connectors.containsKey(a.id())) {
                    all.add(a);
                    added++;
                }
            }
            if (!loaded.contains(TenantCollection.CONNECTORS)) {
                loaded.add(TenantCollection.CONNECTORS);
                warnings.add("api/connectors.json is missing; the " + added
                        + " connector(s) listed inside api/connector-groups.json are used instead");
            }
        }
        return new Tenant(all, new ArrayList<>(groups.values()), new ArrayList<>(keys.values()),
                new ArrayList<>(certificates.values()), new ArrayList<>(serverGroups.values()),
                new ArrayList<>(segments.values()), loaded);
    }

    private static String expected() {
        StringBuilder sb = new StringBuilder();
        for (TenantCollection t : TenantCollection.values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(t.bundlePath());
        }
        return sb.toString();
    }
}
