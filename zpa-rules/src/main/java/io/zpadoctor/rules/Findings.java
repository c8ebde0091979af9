package io.zpadoctor.rules;

import io.zpadoctor.model.ApplicationTarget;
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
     * About a segment on the way to the application the case names: concerns the application; fills
     * {@code segmentName}, {@code segmentId} and {@code application}.
     */
    public static Finding.Builder about(String code, ApplicationSegment s, ApplicationTarget app) {
        return Finding.builder(code).subject(Subject.of(s)).concern(app.toString())
                .param("segmentName", s.displayName()).param("segmentId", s.id()).param("application", app.toString());
    }

    /**
     * About a server group of the segment serving the application the case names: concerns the segment and the
     * application; fills {@code serverGroupName}, {@code serverGroupId}, {@code segmentName}, {@code segmentId}
     * and {@code application}.
     */
    public static Finding.Builder about(String code, ServerGroup sg, ApplicationSegment s, ApplicationTarget app) {
        return Finding.builder(code).subject(Subject.of(sg)).concern(s.id()).concern(app.toString())
                .param("serverGroupName", sg.displayName()).param("serverGroupId", sg.id())
                .param("segmentName", s.displayName()).param("segmentId", s.id()).param("application", app.toString());
    }

    /**
     * About a connector group that a server group of the serving segment lists: concerns the segment, the server
     * group and the application; fills the group's, the server group's and the segment's names and ids, and
     * {@code application}.
     */
    public static Finding.Builder about(String code, ConnectorGroup g, ServerGroup sg, ApplicationSegment s,
                                        ApplicationTarget app) {
        return about(code, g).concern(s.id()).concern(sg.id()).concern(app.toString())
                .param("serverGroupName", sg.displayName()).param("serverGroupId", sg.id())
                .param("segmentName", s.displayName()).param("segmentId", s.id()).param("application", app.toString());
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
