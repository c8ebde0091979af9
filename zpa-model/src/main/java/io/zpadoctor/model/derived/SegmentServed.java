package io.zpadoctor.model.derived;

/**
 * A segment users can still reach: some server group of it is enabled, can find its servers (discovery on, or servers
 * listed) and has an enabled connector group with a connector up. A broken server group of such a segment costs no
 * one access, so the chain findings leave the segment out.
 */
public record SegmentServed(String segmentId) {
}
