package io.zpadoctor.model.host;

/** How a host folder was tied to an API connector, strongest first. */
public enum HostMatch {
    /** The connector id and name printed in the journal's status-block header. */
    STATUS_BLOCK,
    /** One of the VM's addresses ({@code ip-addr.txt}) is the connector's {@code privateIp}. */
    IP_ADDRESS,
    /** The folder is named after the connector. */
    FOLDER_NAME,
    /** The bundle has a single host and the case names a connector. */
    CASE_CONNECTOR,
    /** Not tied to any API connector. */
    NONE
}
