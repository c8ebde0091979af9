package io.zpadoctor.client.internal.wire;

/**
 * An API object or page that does not hold what the wire format promises: the file or request it came from, the
 * line and column where known, and what was expected. A bundle read turns it into a BundleException, an API read
 * into a ZpaApiException, each with this message.
 */
public final class WireException extends Exception {
    private final String file;
    private final int line;
    private final int column;
    private final String problem;

    public WireException(String file, int line, int column, String problem) {
        super(format(file, line, column, problem));
        this.file = file;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    public WireException(String file, String problem) {
        this(file, -1, -1, problem);
    }

    /** {@code file:line:column: problem}, leaving out what is unknown: the one shape every reading error takes. */
    public static String format(String file, int line, int column, String problem) {
        StringBuilder sb = new StringBuilder(file == null ? "bundle" : file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        return sb.append(": ").append(problem).toString();
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String problem() {
        return problem;
    }
}
