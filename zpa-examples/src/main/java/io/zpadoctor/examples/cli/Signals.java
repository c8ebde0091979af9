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

    /**
     * Runs {@code stop} on SIGTERM or SIGINT until the returned handle is closed, which puts back what handled them
     * before: a command that waits (collecting LSS records) ends its wait early and still reports, and a signal after
     * that ends the process as usual. Where signals cannot be handled, nothing changes.
     */
    static Restore during(Runnable stop) {
        java.util.List<Runnable> restore = new java.util.ArrayList<>();
        try {
            for (String name : new String[] {"TERM", "INT"}) {
                sun.misc.Signal signal = new sun.misc.Signal(name);
                sun.misc.SignalHandler before = sun.misc.Signal.handle(signal, s -> stop.run());
                restore.add(() -> sun.misc.Signal.handle(signal, before));
            }
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            // the JVM's own handling stays: the wait ends with the process, as before
        }
        return () -> restore.forEach(Runnable::run);
    }

    /** Puts the handlers back; throws nothing. */
    interface Restore extends AutoCloseable {
        @Override
        void close();
    }
}
