package io.zpadoctor.model.derived;

import io.zpadoctor.model.finding.Subject;
import io.zpadoctor.model.finding.SubjectType;
import io.zpadoctor.model.host.HostMatch;

/**
 * What a host folder is: the connector it belongs to and that connector's group, as far as they are known.
 *
 * @param connectorId the connector's id (from the API, or only from the journal when the API has none)
 * @param connectorName the connector's name, or the folder name when nothing better is known
 * @param groupId the group, or null when unknown (a VM that never enrolled and that the case does not place)
 * @param inApi whether the API lists the connector
 */
public record HostContext(String host, String connectorId, String connectorName, String groupId, boolean inApi,
                          HostMatch match) {

    /** What a finding about this host is about: its API connector, else the connector's name, else the folder. */
    public Subject subject() {
        if (inApi) {
            return new Subject(SubjectType.CONNECTOR, connectorId, connectorName);
        }
        if (connectorName != null && !connectorName.equals(host)) {
            return Subject.connectorNamed(connectorName);
        }
        return Subject.host(host);
    }
}
