package io.zpadoctor.model.host;

/** The order a {@code ps} listing is in. */
public enum ProcessSort {
    /** {@code ps aux --sort=-pcpu}: highest %CPU first. */
    CPU,
    /** {@code ps aux --sort=-pmem}: highest %MEM first. */
    MEMORY,
    /** Neither column is in descending order: the rank of a row says nothing. */
    NONE
}
