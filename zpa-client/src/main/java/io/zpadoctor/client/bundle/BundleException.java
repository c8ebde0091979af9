package io.zpadoctor.client.bundle;

/**
 * A bundle that cannot be read: not a bundle, an unsafe archive, broken JSON, a value of the wrong kind.
 * The message names the file and, where known, the line and column, and says what was expected.
 */
public class BundleException extends Exception {
    private final String file;
    private final int line;
    private final int column;
    private final String problem;

    public BundleException(String file, int line, int column, String problem) {
        super(format(file, line, column, problem));
        this.file = file;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    public BundleException(String file, String problem) {
        this(file, -1, -1, problem);
    }

    public BundleException(String file, String problem, Throwable cause) {
        super(format(file, -1, -1, problem), cause);
        this.file = file;
        this.line = -1;
        this.column = -1;
        this.problem = problem;
    }

    private static String format(String file, int line, int column, String problem) {
        return io.zpadoctor.client.internal.wire.WireException.format(file, line, column, problem);
    }

    /** The bundle-relative file (or the bundle path itself), or null. */
    public String file() {
        return file;
    }

    /** 1-based line, or -1 when not known. */
    public int line() {
        return line;
    }

    /** 1-based column, or -1 when not known. */
    public int column() {
        return column;
    }

    /** What is wrong, without the file and position. */
    public String problem() {
        return problem;
    }
}
