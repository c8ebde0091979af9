/**
 * The tenant as the rules and the report need it: objects by id, the relations a session takes beside the
 * records (each group's counts, shared fingerprints and addresses, the indexes by id), the case's scope, and shards
 * of whole groups for a large tenant.
 * Not API: please do not depend on this package; its contents may change without notice.
 */
package io.zpadoctor.rules.internal.tenant;
