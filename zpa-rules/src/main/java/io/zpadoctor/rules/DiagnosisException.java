package io.zpadoctor.rules;

/** A diagnosis could not be completed (for example a rule pack looped past the firing limit). */
public class DiagnosisException extends RuntimeException {
    public DiagnosisException(String message) {
        super(message);
    }

    public DiagnosisException(String message, Throwable cause) {
        super(message, cause);
    }
}
