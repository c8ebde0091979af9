package io.zpadoctor.model.derived;

/** A segment uses a server group: from the segment's {@code serverGroups} or the group's {@code applications}. */
public record SegmentServerGroup(String segmentId, String serverGroupId) {
}
