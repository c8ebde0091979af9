package io.zpadoctor.examples.cli;

import io.zpadoctor.model.finding.Severity;
import io.zpadoctor.rules.Diagnosis;

import java.util.Locale;

/** Exit codes: the monitoring-plugin convention for results, sysexits for failures. */
final class ExitCodes {
    static final int OK = 0;
    static final int WARNING = 1;
    static final int CRITICAL = 2;
    static final int UNKNOWN = 3;
    static final int USAGE = 64;
    static final int DATA = 65;
    static final int UNAVAILABLE = 69;
    static final int SOFTWARE = 70;
    static final int IO = 74;

    private ExitCodes() {
    }

    /** Which results make the exit code non-zero. */
    enum FailOn {
        CRITICAL, WARNING, UNKNOWN, NEVER;

        static FailOn parse(String s) {
            try {
                return valueOf(s.trim().toUpperCase(Locale.ROOT));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("--fail-on must be critical, warning, unknown or never, not '" + s + "'");
            }
        }
    }

    /** 2 for a CRITICAL finding, else 1 for a WARNING, else 3 for a check that could not be evaluated, else 0. */
    static int of(Diagnosis d, FailOn failOn) {
        if (failOn == FailOn.NEVER) {
            return OK;
        }
        boolean critical = has(d, Severity.CRITICAL);
        boolean warning = has(d, Severity.WARNING);
        boolean unknown = has(d, Severity.UNKNOWN);
        if (critical) {
            return CRITICAL;
        }
        if (warning && failOn != FailOn.CRITICAL) {
            return WARNING;
        }
        if (unknown && failOn == FailOn.UNKNOWN) {
            return UNKNOWN;
        }
        return OK;
    }

    /** Suppressed findings are reported but do not fail a run: that is what suppressing them is for. */
    private static boolean has(Diagnosis d, Severity s) {
        return d.findings().stream().anyMatch(f -> f.severity() == s && !f.isSuppressed());
    }
}
