/**
 * Facts the engine derives before it diagnoses ("classify first, then diagnose"). Built-in rules insert most of
 * them logically, so they disappear with their premises; ops-team rules may match them like any other fact.
 */
package io.zpadoctor.model.derived;
