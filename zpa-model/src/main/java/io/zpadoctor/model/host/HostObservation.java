package io.zpadoctor.model.host;

/**
 * A value read from one probe file of a host folder: every parsed host fact is one, so a rule can cite its
 * evidence as file and line without knowing the fact's type.
 */
public interface HostObservation extends HostFact {
    /** The file's path inside the bundle, e.g. {@code hosts/ac-fra-3/df.txt}. */
    String source();

    /** The 1-based line the value was read at, or null when it stands for the whole file. */
    Integer line();
}
