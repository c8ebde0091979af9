package io.zpadoctor.rules;

/**
 * A connector the diagnosis is about, as the report's header lists it.
 *
 * @param id null when the connector has no API object (it never enrolled)
 * @param status the API's controlChannelStatus text, or a phrase such as "not in the API"
 */
public record AffectedConnector(String name, String id, String status, String groupName) {
}
