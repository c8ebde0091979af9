package io.zpadoctor.client.host;

/** Reads one probe file. Never throws: every failure is a {@link ParseResult} outcome. */
@FunctionalInterface
public interface HostParser {
    ParseResult parse(HostFile file);
}
