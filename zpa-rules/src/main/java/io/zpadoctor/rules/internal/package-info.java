/**
 * What {@link io.zpadoctor.rules.Diagnoser} delegates to: the pipeline from facts to a diagnosis, and beneath it the
 * engine and session ({@code engine}), the tenant's indexes and relations ({@code tenant}), verdicts and
 * explanations ({@code verdict}), the catalog file and the rule page ({@code catalog}), rule packs ({@code pack})
 * and the built-in DRL with the helpers its rules call ({@code drl}).
 * Not API: please do not depend on this package or those beneath it; their contents may change without notice.
 */
package io.zpadoctor.rules.internal;
