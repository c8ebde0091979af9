package io.zpadoctor.model.finding;

import io.zpadoctor.model.internal.Require;
import io.zpadoctor.model.tenant.AppConnector;
import io.zpadoctor.model.tenant.ApplicationSegment;
import io.zpadoctor.model.tenant.ConnectorGroup;
import io.zpadoctor.model.tenant.EnrollmentCertificate;
import io.zpadoctor.model.tenant.ProvisioningKey;
import io.zpadoctor.model.tenant.ServerGroup;

/**
 * What a finding is about.
 *
 * @param id the object's id, or null when the object does not exist in the API (a connector that never enrolled)
 * @param name its name as an administrator knows it
 */
public record Subject(SubjectType type, String id, String name) {

    public Subject {
        if (type == null) {
            throw new IllegalArgumentException("subject needs a type");
        }
        id = Require.blankToNull(id);
        name = Require.blankToNull(name);
        if (id == null && name == null) {
            throw new IllegalArgumentException("subject " + type + " needs an id or a name");
        }
    }

    public static Subject of(AppConnector c) {
        return new Subject(SubjectType.CONNECTOR, c.id(), c.displayName());
    }

    public static Subject of(ConnectorGroup g) {
        return new Subject(SubjectType.CONNECTOR_GROUP, g.id(), g.displayName());
    }

    public static Subject of(ProvisioningKey k) {
        return new Subject(SubjectType.PROVISIONING_KEY, k.id(), k.displayName());
    }

    public static Subject of(EnrollmentCertificate c) {
        return new Subject(SubjectType.ENROLLMENT_CERTIFICATE, c.id(), c.displayName());
    }

    public static Subject of(ServerGroup s) {
        return new Subject(SubjectType.SERVER_GROUP, s.id(), s.displayName());
    }

    public static Subject of(ApplicationSegment s) {
        return new Subject(SubjectType.APPLICATION_SEGMENT, s.id(), s.displayName());
    }

    public static Subject connectorNamed(String name) {
        return new Subject(SubjectType.CONNECTOR, null, name);
    }

    public static Subject host(String hostname) {
        return new Subject(SubjectType.HOST, null, hostname);
    }

    public static Subject application(String hostPort) {
        return new Subject(SubjectType.APPLICATION, null, hostPort);
    }

    public static Subject file(String path) {
        return new Subject(SubjectType.FILE, null, path);
    }

    /** The name, or the id when the subject has no name. */
    public String label() {
        return name != null ? name : id;
    }
}
