package io.zpadoctor.model.finding;

/** What kind of thing a finding is about. */
public enum SubjectType {
    CONNECTOR, CONNECTOR_GROUP, PROVISIONING_KEY, ENROLLMENT_CERTIFICATE, SERVER_GROUP, APPLICATION_SEGMENT,
    /** The application host:port users cannot reach. */
    APPLICATION,
    /** A connector VM, named by its hostname, when no API connector is matched to it. */
    HOST,
    TENANT,
    /** A file of the bundle (a probe output that could not be used, or one that is missing). */
    FILE
}
