/**
 * The HTML report: the pages' view models and the jte templates' engine ({@code src/main/jte}, compiled at build
 * time). Not API: use {@code io.zpadoctor.report.Reports} with {@code Format.HTML}.
 */
package io.zpadoctor.report.internal.html;
