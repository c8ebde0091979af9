package io.zpadoctor.model.derived;

/** A segment uses a server group (from either side of the link), for every segment of the tenant. */
public record SegmentUsesServerGroup(String segmentId, String serverGroupId) {
}
