package io.zpadoctor.model.derived;

/**
 * An application segment whose domains match the application the case names.
 *
 * @param specificity how specific the domain match is (higher wins, as ZPA picks the most specific segment)
 * @param portCovered the port is in the segment's TCP or UDP ranges (true when the case gave no port)
 */
public record SegmentMatch(String segmentId, String matchedDomain, int specificity, boolean portCovered,
                           boolean enabled) {
}
