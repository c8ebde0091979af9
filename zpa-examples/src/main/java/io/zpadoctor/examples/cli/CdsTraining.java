package io.zpadoctor.examples.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Not a command: one JVM running what users run most (the demo in each format, the fleet view of a small
 * generated tenant), so the launcher can list the classes they load and record its class-data-sharing archive
 * from one list (lists of separate JVMs cannot be merged on every JDK: JDK 25 numbers their classes).
 */
public final class CdsTraining {
    private CdsTraining() {
    }

    /** {@code args[0]}: an empty folder to write the generated tenant into. */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: CdsTraining EMPTY_FOLDER");
            System.exit(ExitCodes.USAGE);
        }
        String tenant = Path.of(args[0]).resolve("tenant").toString();
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        System.setOut(nowhere);
        System.setErr(nowhere);
        int generated;
        try {
            ZpaDoctor.run("demo");
            ZpaDoctor.run("demo", "--format", "json");
            ZpaDoctor.run("demo", "--format", "text");
            generated = ZpaDoctor.run("generate", "--connectors", "300", "--out", tenant);
            if (generated == ExitCodes.OK) {
                ZpaDoctor.run("fleet", "--bundle", tenant);
            }
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        System.exit(generated == ExitCodes.OK ? ExitCodes.OK : ExitCodes.SOFTWARE);
    }
}
