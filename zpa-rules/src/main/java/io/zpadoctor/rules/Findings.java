package io.zpadoctor.rules;

import io.zpadoctor.model.ApplicationTarget;
import io.zpadoctor.model.derived.EffectiveSegment;
import io.zpadoctor.model.derived.HostContext;
import io.zpadoctor.model.derived.NotEnrolling;
import io.zpadoctor.model.finding.Finding;
import io.zpadoctor.model.finding.Subject;
import io.zpadoctor.model.finding.SubjectType;
import io.zpadoctor.model.tenant.AppConnector;
import io.zpadoctor.model.tenant.ApplicationSegment;
import io.zpadoctor.model.tenant.ConnectorGroup;
import io.zpadoctor.model.tenant.EnrollmentCertificate;
import io.zpadoctor.model.tenant.ProvisioningKey;
import io.zpadoctor.model.tenant.ServerGroup;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Starts a finding about one object, for the consequence of a rule (built-in or a pack's): the subject, what the
 * finding concerns (so a cause about the same connector, group or key can explain it) and the ids and names the
 * catalog's sentences use are filled in; the rule adds its evidence and its own values, then {@code build()}s.
 *
 * <pre>
 * insertLogical( Findings.about("ACME-AGT-001", $x)
 *         .evidence($p.source(), "%CPU of " + $p.command(), $p.cpuPercent(), $p.line())
 *         .param("cpu", $p.cpuPercent())
 *         .build() );
 * </pre>
 *
 * The name of the rule that inserted a finding is recorded by the engine; a rule need not set it.
 */
public final class Findings {
    private Findings() {
    }

    /** About a connector: concerns its group; fills {@code connectorName}, {@code connectorId}, {@code groupId}. */
    public static Finding.Builder about(String code, AppConnector c) {
        return Finding.builder(code).subject(Subject.of(c)).concern(c.groupId())
                .param("connectorName", c.displayName()).param("connectorId", c.id()).param("groupId", c.groupId());
    }

    /**
     * About a provisioning key: concerns the group it names; fills {@code keyId}, {@code keyName}, {@code groupId}
     * and {@code groupName}.
     */
    public static Finding.Builder about(String code, ProvisioningKey k) {
        return Finding.builder(code).subject(Subject.of(k)).concern(k.groupId())
                .param("keyId", k.id()).param("keyName", k.displayName())
                .param("groupId", k.groupId()).param("groupName", k.groupName());
    }

    /** About a connector group: fills {@code groupName} and {@code groupId}. */
    public static Finding.Builder about(String code, ConnectorGroup g) {
        return Finding.builder(code).subject(Subject.of(g)).param("groupName", g.displayName()).param("groupId", g.id());
    }

    /** About a connector group known only by its id (no group record names it): fills {@code groupId}. */
    public static Finding.Builder aboutGroup(String code, String groupId) {
        return Finding.builder(code).subject(new Subject(SubjectType.CONNECTOR_GROUP, groupId, null))
                .param("groupId", groupId);
    }

    /** About an enrollment certificate (a CA): fills {@code certName} and {@code certId}. */
    public static Finding.Builder about(String code, EnrollmentCertificate c) {
        return Finding.builder(code).subject(Subject.of(c)).param("certName", c.displayName()).param("certId", c.id());
    }

    /** About the application the case names: fills {@code application} ({@code host:port}), {@code host}, {@code port}. */
    public static Finding.Builder about(String code, ApplicationTarget app) {
        return Finding.builder(code).subject(Subject.application(app.toString()))
                .param("application", app.toString()).param("host", app.host()).param("port", app.port());
    }

    /**
     * About a segment on the way to the application the case names (or, tenant-wide, when {@code app} is null, to
     * its own applications): concerns the application; fills {@code segmentName}, {@code segmentId} and
     * {@code application}.
     */
    public static Finding.Builder about(String code, ApplicationSegment s, ApplicationTarget app) {
        return Finding.builder(code).subject(Subject.of(s)).concern(app == null ? null : app.toString())
                .param("segmentName", s.displayName()).param("segmentId", s.id())
                .param("application", app == null ? null : app.toString());
    }

    /**
     * About a server group of the serving segments ({@code EffectiveSegment}s): concerns each segment (and the
     * application the case names); fills {@code serverGroupName}, {@code serverGroupId}, {@code segments} (their
     * names, for a sentence), {@code segmentCount}, and for one segment {@code segmentName}, {@code segmentId} and
     * {@code application}.
     */
    public static Finding.Builder about(String code, ServerGroup sg, Collection<?> served) {
        return segments(Finding.builder(code).subject(Subject.of(sg)).param("serverGroupName", sg.displayName())
                .param("serverGroupId", sg.id()), served);
    }

    /**
     * About a connector group that enabled server groups ({@code via}) of the serving segments list: concerns the
     * server groups and the segments; fills the group's name and id, {@code serverGroupName} (their names) and the
     * segments' values as {@link #about(String, ServerGroup, Collection)} does.
     */
    public static Finding.Builder about(String code, ConnectorGroup g, Collection<?> via, Collection<?> served) {
        List<ServerGroup> sgs = new ArrayList<>();
        for (Object o : via) {
            sgs.add((ServerGroup) o);
        }
        sgs.sort(Comparator.comparing(ServerGroup::displayName).thenComparing(ServerGroup::id));
        Finding.Builder b = about(code, g);
        List<String> names = new ArrayList<>();
        for (ServerGroup sg : sgs) {
            b.concern(sg.id());
            names.add(sg.displayName());
        }
        b.param("serverGroupName", names.isEmpty() ? null : String.join("\", \"", names));
        b.param("serverGroupId", sgs.size() == 1 ? sgs.get(0).id() : null);
        return segments(b, served);
    }

    /**
     * Names the serving segments on a finding, in name order; a list longer than the fleet view's lists (25) is cut
     * there, with how many more (the fleet's JSON impact names every one).
     */
    private static Finding.Builder segments(Finding.Builder b, Collection<?> served) {
        List<EffectiveSegment> segs = new ArrayList<>();
        for (Object o : served) {
            segs.add((EffectiveSegment) o);
        }
        segs.sort(Comparator.comparing((EffectiveSegment e) -> e.segment().displayName())
                .thenComparing(EffectiveSegment::segmentId));
        List<String> names = new ArrayList<>();
        for (EffectiveSegment e : segs) {
            b.concern(e.segmentId());
            if (e.application() != null) {
                b.concern(e.application().toString());
            }
            if (names.size() < 25) {
                names.add("\"" + e.segment().displayName() + "\"");
            }
        }
        if (segs.size() > names.size()) {
            names.add("and " + (segs.size() - names.size()) + " more");
        }
        b.param("segments", (segs.size() == 1 ? "segment " : segs.size() + " segments (") + String.join(", ", names)
                + (segs.size() == 1 ? "" : ")")).param("segmentCount", segs.size());
        if (segs.size() == 1) {
            EffectiveSegment e = segs.get(0);
            b.param("segmentName", e.segment().displayName()).param("segmentId", e.segmentId())
                    .param("application", e.application() == null ? null : e.application().toString());
        }
        return b;
    }

    /**
     * About a host folder's connector (or the bare folder when no connector is known): concerns the folder, the
     * connector's id and name and its group; fills {@code host}, {@code connectorName}, {@code connectorId} (when
     * the API lists the connector) and {@code groupId}.
     */
    public static Finding.Builder about(String code, HostContext h) {
        return Finding.builder(code).subject(h.subject()).concern(h.host()).concern(h.connectorId())
                .concern(h.connectorName()).concern(h.groupId())
                .param("host", h.host()).param("connectorName", h.connectorName())
                .param("connectorId", h.inApi() ? h.connectorId() : null).param("groupId", h.groupId());
    }

    /**
     * About a connector failing to enroll: the connector (by id and name, or by name when the API has none), else
     * its group, else the tenant; concerns the group; fills {@code connectorName} and {@code groupId}.
     */
    public static Finding.Builder about(String code, NotEnrolling n) {
        Subject subject = n.connectorName() != null
                ? (n.connectorId() != null ? new Subject(SubjectType.CONNECTOR, n.connectorId(), n.connectorName())
                        : Subject.connectorNamed(n.connectorName()))
                : n.groupId() != null ? new Subject(SubjectType.CONNECTOR_GROUP, n.groupId(), null)
                : new Subject(SubjectType.TENANT, null, "tenant");
        return Finding.builder(code).subject(subject).concern(n.groupId())
                .param("connectorName", n.connectorName()).param("groupId", n.groupId());
    }
}
