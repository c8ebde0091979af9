package io.zpadoctor.model.host;

/**
 * What a {@code ps aux} file held as a whole, so rules can tell "the connector is not in the list" from
 * "the list was cut".
 *
 * @param line the header line
 * @param sortedBy the order the rows are in: taken from the {@code --sort} of a pasted command line, or
 *        the file's purpose ({@code ps-cpu.txt}: CPU, {@code ps-mem.txt}: memory) when the rows confirm it
 * @param rows how many process rows were read
 * @param truncated the listing is not the whole process table: cut by {@code head}, or without PID 1, which
 *        a complete {@code ps aux} always lists
 * @param connectorChildListed whether a {@code zpa-connector-child} row is among the rows
 */
public record ProcessTable(String host, String source, Integer line, ProcessSort sortedBy, int rows,
                           boolean truncated, boolean connectorChildListed) implements HostObservation {
    public ProcessTable {
        Checks.origin(host, source, line);
        sortedBy = sortedBy == null ? ProcessSort.NONE : sortedBy;
        Checks.nonNegative(rows, "rows");
    }
}
