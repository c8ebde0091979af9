package io.zpadoctor.model.finding;

/** Where a remediation step is carried out. */
public enum StepKind {
    /** A ZPA management API call (or the equivalent SDK / MCP tool call). */
    API,
    /** A command on the connector VM. */
    HOST,
    /** A change in the ZPA admin portal or another system (firewall, DNS, SSL inspection). */
    PORTAL,
    /** A check that confirms the fix worked. */
    VERIFY
}
