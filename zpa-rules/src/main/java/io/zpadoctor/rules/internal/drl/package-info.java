/**
 * The built-in rules: one DRL file per runbook chapter, the helpers their conditions and consequences call, and
 * the classes Drools generates from them at build time.
 * Not API: please do not depend on this package; its contents may change without notice.
 */
package io.zpadoctor.rules.internal.drl;
