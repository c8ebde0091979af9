package io.zpadoctor.model.derived;

/** The enabled segment that serves the case's application: the most specific one covering host and port. */
public record EffectiveSegment(String segmentId) {
}
