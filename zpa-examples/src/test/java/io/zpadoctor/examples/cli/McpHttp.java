package io.zpadoctor.examples.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Waiting for a {@code zpa-doctor mcp --http} process to listen. */
final class McpHttp {
    private McpHttp() {
    }

    static void awaitListening(Process server, int port) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new AssertionError("zpa-doctor mcp --http exited with " + server.exitValue() + " before listening");
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("zpa-doctor mcp --http did not listen on 127.0.0.1:" + port + " within 30 s");
    }
}
