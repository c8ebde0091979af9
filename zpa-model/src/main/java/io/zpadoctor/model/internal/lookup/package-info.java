/**
 * Lookups the diagnoser hands the built-in rules as single facts (connectors and group counts by id, keys by group
 * and prefix), so a rule looks a record up with {@code from} instead of joining every record. They wrap the
 * diagnoser's own maps without copying them, which a public type could not do.
 * Not API: please do not depend on this package; its contents may change without notice.
 */
package io.zpadoctor.model.internal.lookup;
