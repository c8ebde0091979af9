package io.zpadoctor.examples.cli;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The child JVM of the hostile-input suite for many small runs: each line of {@code runs.txt} in the folder given is
 * one command line (arguments separated by a unit separator); run {@code i} leaves {@code i.out}, {@code i.err} and
 * {@code i.code} there. A throwable that escapes is handled as {@code main} would (one line, exit 70).
 */
public final class HostileBatch {
    static final String SEPARATOR = "\u001f";

    private HostileBatch() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        List<String> runs = Files.readAllLines(dir.resolve("runs.txt"), StandardCharsets.UTF_8);
        PrintStream out = System.out;
        PrintStream err = System.err;
        for (int i = 0; i < runs.size(); i++) {
            String[] argv = runs.get(i).split(SEPARATOR, -1);
            int code;
            try (PrintStream o = new PrintStream(new FileOutputStream(dir.resolve(i + ".out").toFile()), true,
                    StandardCharsets.UTF_8);
                 PrintStream e = new PrintStream(new FileOutputStream(dir.resolve(i + ".err").toFile()), true,
                         StandardCharsets.UTF_8)) {
                System.setOut(o);
                System.setErr(e);
                try {
                    code = ZpaDoctor.run(argv);
                } catch (Throwable t) {
                    code = ZpaDoctor.internalError(t, new PrintWriter(System.err, true));
                }
            } finally {
                System.setOut(out);
                System.setErr(err);
            }
            Files.writeString(dir.resolve(i + ".code"), Integer.toString(code));
        }
    }
}
