/**
 * Ops-team rule packs: compiling them at run time with file and line for every problem, linting them, and reading
 * from their generated classes what they can reach.
 * Not API: please do not depend on this package; its contents may change without notice.
 */
package io.zpadoctor.rules.internal.pack;
