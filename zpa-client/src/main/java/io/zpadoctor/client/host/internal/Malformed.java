package io.zpadoctor.client.host.internal;

/**
 * Thrown inside a parser to give up on a file that is the right command but cannot be read; the parser's
 * boundary turns it into a MALFORMED outcome. Never escapes a parser.
 */
public final class Malformed extends RuntimeException {
    private final Integer line;

    public Malformed(Integer line, String detail) {
        super(detail, null, false, false);
        this.line = line;
    }

    public Malformed(ProbeText.Line line, String detail) {
        this(line == null ? null : line.number(), detail);
    }

    /** The 1-based line, or null for the whole file. */
    public Integer line() {
        return line;
    }
}
