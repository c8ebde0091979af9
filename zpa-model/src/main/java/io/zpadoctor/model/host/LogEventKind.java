package io.zpadoctor.model.host;

/**
 * The connector log lines that mean something for a diagnosis (zpa-domain.md 5.4-5.5). {@link #benign()} is
 * true for lines that are healthy operation or documented as ignorable: a rule must never count them as a
 * failure on their own.
 */
public enum LogEventKind {
    // Network path and TLS
    /** {@code ... BEV_EVENT_ERROR ... self signed certificate in certificate chain <DN>}: TLS interception. */
    TLS_SELF_SIGNED_IN_CHAIN(false),
    /** {@code Received event from ...: BEV_EVENT_READING BEV_EVENT_ERROR} without a certificate reason. */
    CONNECTION_EVENT_ERROR(false),
    /** {@code DNS resolution failed for <name>}. */
    DNS_RESOLUTION_FAILED(false),
    /** {@code Adding name resolution for <name> of <ip>}: DNS works. */
    NAME_RESOLUTION_ADDED(true),
    /** {@code Connector not yet connected to cloud, please check connectivity}: also printed after a deletion in the portal. */
    NOT_CONNECTED_TO_CLOUD(false),
    /** {@code Broker control connection to Zscaler Cloud closed: ... FOHH_CLOSE_REASON_*} with any reason but redirect. */
    CONTROL_CLOSED(false),
    /** The same close with {@code FOHH_CLOSE_REASON_REDIRECT}: part of a normal redirect. */
    CONTROL_CLOSED_REDIRECT(true),
    /** {@code Broker control connection successfully connected to Zscaler Cloud: ...}. */
    CONTROL_CONNECTED(true),
    /** {@code Received broker_redirect for control connection}: normal load balancing. */
    BROKER_REDIRECT(true),
    /** {@code fohh_connection_backoff} outside a status block (e.g. the flow-control dump). */
    CONNECTION_BACKOFF(false),

    // Enrollment
    /** {@code Checking Enrollment}: printed at every start. */
    CHECKING_ENROLLMENT(true),
    /** {@code Resolve read certificatefailed}: no stored certificate could be read. */
    CERTIFICATE_READ_FAILED(false),
    /** {@code No valid certificate. Attempting to enroll}. */
    ENROLLMENT_ATTEMPT(false),
    /** {@code Enroll: Connecting to <api host> via <co2br host>.}; detail is the API host, peer the co2br host. */
    ENROLL_CONNECTING(false),
    /** {@code This provisioning key has already been enrolled. Attempting to re-enroll}. */
    ALREADY_ENROLLED(false),
    /** {@code Send CSR from ... failed: Expected HTTP 204, got HTTP 400}; httpStatus is the status received. */
    SEND_CSR_FAILED(false),
    /** {@code Login request failed - http status(401) nonce(<n|host|...>)}: the key was refused; detail is the key's public prefix. */
    LOGIN_REFUSED(false),
    /** {@code Certificates retrieved do not successfully verify: ... certificate is not yet valid}: the clock is behind. */
    CERTIFICATE_NOT_YET_VALID(false),
    /** {@code Certificates retrieved do not successfully verify: <reason>} for any other reason. */
    CERTIFICATE_VERIFY_FAILED(false),
    /** {@code Could not create HTTP client}. */
    HTTP_CLIENT_FAILED(false),
    /** {@code Certificate enrollment failed.} */
    ENROLLMENT_FAILED(false),
    /** {@code Cannot decrypt data from instance_id.crypt}, or {@code EVP_DecryptFinal_ex:bad decrypt}: a cloned or migrated VM. */
    INSTANCE_ID_DECRYPT_FAILED(false),
    /** {@code Cannot get instance id}. */
    INSTANCE_ID_UNAVAILABLE(false),
    /** {@code Control channel successfully connected to Zscaler Cloud}: enrollment or start-up succeeded. */
    CONTROL_CHANNEL_CONNECTED(true),
    /** {@code Connector- waiting for time synchronization}. */
    WAITING_FOR_TIME_SYNC(true),
    /** {@code Connector- Time synchronized, Local time - 737.427447s = cloud_time}; seconds is the host's lead. */
    TIME_SYNCHRONIZED(true),
    /** {@code Waiting for connector to retrieve configuration}. */
    WAITING_FOR_CONFIGURATION(true),

    // Health and state
    /** {@code Certificate will expire in N days, ...}: printed in every status block; days is what matters. */
    CERTIFICATE_EXPIRY(true),
    /** {@code Connector(ID = ..) (Name = ..) entering PAUSE mode because of - <reason>}. */
    PAUSED(false),
    /** {@code entity is currently in paused mode, not taking any probe commands}. */
    IN_PAUSED_MODE(false),

    // Software updates and the process supervisor
    /** {@code zscaler-update: zpa-connector-child exited too fast, was running for N seconds}: a crash loop when repeated. */
    EXITED_TOO_FAST(false),
    /** {@code zpa-connector-child failed too many times in a row- reverting to default software}. */
    REVERTING_TO_DEFAULT(false),
    /** {@code Upgrade prep error for: Connector, err: ZPATH_RESULT_ERR}: documented as ignorable. */
    UPGRADE_PREP_ERROR(true),
    /** {@code Zscaler software update: Currently installed version verified as <version>}. */
    UPGRADE_VERSION_VERIFIED(true),
    /** {@code zpa-connector-child Started from /opt/zscaler/var/image.bin}. */
    CHILD_STARTED(true),
    /** {@code This system is not registered with an entitlement server}: yum noise, ignorable. */
    ENTITLEMENT_NOTICE(true),

    // systemd about the unit
    /** {@code Started Zscaler Private Access App Connector.} */
    SERVICE_STARTED(true),
    /** {@code Stopped Zscaler Private Access App Connector.} or {@code Stopping ...}. */
    SERVICE_STOPPED(false),
    /** {@code zpa-connector.service: Failed with result ...} or {@code Main process exited, code=...}. */
    SERVICE_FAILED(false);

    private final boolean benign;

    LogEventKind(boolean benign) {
        this.benign = benign;
    }

    /** Healthy operation or documented as ignorable: never a failure by itself. */
    public boolean benign() {
        return benign;
    }
}
