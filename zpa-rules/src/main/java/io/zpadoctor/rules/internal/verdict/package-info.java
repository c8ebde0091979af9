/**
 * From raw findings to a verdict: the catalog's words applied, causes related to the symptoms they explain, the
 * primary cause, suppressions, what passed or could not be checked, the report's summaries, and why a code did or
 * did not fire.
 * Not API: please do not depend on this package; its contents may change without notice.
 */
package io.zpadoctor.rules.internal.verdict;
