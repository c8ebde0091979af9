package io.zpadoctor.rules;

import io.zpadoctor.model.tenant.ApplicationSegment;
import io.zpadoctor.model.tenant.ServerGroup;

import java.util.List;

/** A server group that uses a connector group, with the segments that use it. */
public record ServerGroupSummary(ServerGroup serverGroup, List<ApplicationSegment> segments) {
    public ServerGroupSummary {
        segments = List.copyOf(segments);
    }
}
