package io.zpadoctor.examples.cli;

/** SIGTERM and SIGINT as a request to stop, so a long-running command ends through its own clean-up and exit code. */
final class Signals {
    private Signals() {
    }

    /**
     * Runs {@code stop} on SIGTERM or SIGINT instead of ending the JVM (a shutdown hook alone would end it with
     * 143 before the command's clean-up reports); where signals cannot be handled, a shutdown hook does it.
     */
    static void onTermination(Runnable stop) {
        try {
            for (String name : new String[] {"TERM", "INT"}) {
                sun.misc.Signal.handle(new sun.misc.Signal(name), s -> stop.run());
            }
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            Runtime.getRuntime().addShutdownHook(new Thread(stop, "stop"));
        }
    }
}
