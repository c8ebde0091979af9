package io.zpadoctor.model.derived;

import io.zpadoctor.model.host.LogEvent;

/**
 * A host whose connector is paused as of the journal's end: it entered pause mode, and neither restarted nor
 * connected again since.
 *
 * @param entered the line where it entered pause mode (or said it is in paused mode), cited as evidence
 * @param reason why, as the journal gives it ({@code ADMIN_PROBE_PROCESS_RESTART}), or null
 */
public record Paused(String host, LogEvent entered, String reason) {
}
