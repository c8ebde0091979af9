/**
 * The Drools side of a diagnosis: the built-in rule base loaded from the executable model, one session per
 * diagnosis (facts in, findings out), the firing limit and budget, and the rule name each finding is stamped with.
 * Not API: please do not depend on this package; its contents may change without notice.
 */
package io.zpadoctor.rules.internal.engine;
