/**
 * The Drools engine behind {@link io.zpadoctor.rules.Diagnoser}: loading the prebuilt executable model, running a
 * session, choosing the primary cause. Not API: do not depend on this package; it changes without notice.
 */
package io.zpadoctor.rules.internal;
