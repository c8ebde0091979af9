/**
 * The catalog file reader, its small template language, and the generator of the rule catalog page.
 * Not API: please do not depend on this package; its contents may change without notice.
 */
package io.zpadoctor.rules.internal.catalog;
