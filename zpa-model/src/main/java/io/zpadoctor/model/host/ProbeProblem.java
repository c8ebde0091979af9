package io.zpadoctor.model.host;

import io.zpadoctor.model.internal.Require;

/**
 * A probe file that could not be used, so the rules can say "cannot tell" instead of guessing.
 *
 * @param line the 1-based line where the problem was seen, or null for the whole file
 * @param detail what was expected and what was found
 */
public record ProbeProblem(String host, String file, Integer line, Kind kind, String detail) implements HostFact {

    public enum Kind {
        /** Empty, or the output of another command. */
        NOT_APPLICABLE,
        /** The right command, but text the parser cannot read. */
        MALFORMED,
        /**
         * The right command, read only in part: the output is cut short, or a line cannot be read. What was read is
         * used; what the missing part would have said is unknown, never taken as absent.
         */
        PARTIAL,
        /**
         * ZPA Doctor's parser failed on the file: a defect in ZPA Doctor, not in the file or in the customer's
         * tenant. Nothing of the file is used; the report asks for the defect to be reported, not for the
         * command to be run again.
         */
        PARSER_ERROR
    }

    public ProbeProblem {
        Require.nonBlank(host, "host");
        Require.nonBlank(file, "file");
        if (kind == null) {
            throw new IllegalArgumentException("probe problem needs a kind");
        }
        Require.nonBlank(detail, "detail");
    }

    /** The file's path inside the bundle. */
    public String path() {
        return "hosts/" + host + "/" + file;
    }
}
