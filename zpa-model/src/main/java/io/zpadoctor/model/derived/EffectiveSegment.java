package io.zpadoctor.model.derived;

import io.zpadoctor.model.ApplicationTarget;
import io.zpadoctor.model.tenant.ApplicationSegment;

/**
 * The enabled segment that serves the case's application: the most specific one covering host and port. The rules
 * about the application's path start from it.
 *
 * @param segment the segment itself, so a rule about it needs no join with every segment
 * @param application the application the case names
 */
public record EffectiveSegment(String segmentId, ApplicationSegment segment, ApplicationTarget application) {
}
