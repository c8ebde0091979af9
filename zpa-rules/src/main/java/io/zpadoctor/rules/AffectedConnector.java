package io.zpadoctor.rules;

/**
 * A connector the diagnosis is about, as the report's header lists it.
 *
 * @param id null when the connector has no API object (it never enrolled)
 * @param status the API's controlChannelStatus text, {@link #NOT_IN_API} or {@link #NO_CONNECTOR_LIST}
 */
public record AffectedConnector(String name, String id, String status, String groupName) {
    /** The status of a connector a connector list was read for and does not hold. */
    public static final String NOT_IN_API = "not in the API (not enrolled)";
    /** The status of a connector when no connector list was read: its absence proves nothing. */
    public static final String NO_CONNECTOR_LIST = "unknown (no connector list was read)";
}
