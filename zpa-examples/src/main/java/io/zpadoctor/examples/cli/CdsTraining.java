package io.zpadoctor.examples.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Not a command: one JVM running what users run most (the demo in each format, the fleet view of a small
 * generated tenant, an MCP session), so the launcher can list the classes they load and record its class-data-sharing archive
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
                // every format: the classes a format alone loads (the page's templates) start from the archive too
                for (String format : new String[] {"markdown", "text", "json", "html"}) {
                    ZpaDoctor.run("fleet", "--bundle", tenant, "--format", format);
                }
            }
            ZpaDoctor.run("demo", "--format", "html");
            mcpSession();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        System.exit(generated == ExitCodes.OK ? ExitCodes.OK : ExitCodes.SOFTWARE);
    }

    /** {@code zpa-doctor mcp} answering a client's first requests, fed one at a time as a client sends them. */
    private static void mcpSession() {
        java.io.InputStream in = System.in;
        try (java.io.PipedOutputStream client = new java.io.PipedOutputStream();
             java.io.PipedInputStream server = new java.io.PipedInputStream(client, 1 << 16)) {
            Thread feeder = new Thread(() -> {
                String[] requests = {
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                                + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"cds\",\"version\":\"1\"}}}",
                        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                        "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}",
                        "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"resources/list\"}",
                        "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"prompts/list\"}"};
                try {
                    for (String r : requests) {
                        Thread.sleep(300);   // a client waits for each answer; requests before initialize ends are dropped
                        client.write((r + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        client.flush();
                    }
                    Thread.sleep(300);
                    client.close();
                } catch (java.io.IOException | InterruptedException e) {
                    // the session ends either way; training only lists what loaded
                }
            }, "cds-mcp-client");
            System.setIn(server);
            feeder.start();
            ZpaDoctor.run("mcp", "--no-config");
            feeder.join();
        } catch (java.io.IOException | InterruptedException e) {
            // a training run that could not finish still lists what loaded
        } finally {
            System.setIn(in);
        }
    }
}
