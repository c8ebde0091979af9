package io.zpadoctor.rules.internal.engine;

import io.zpadoctor.rules.DiagnosisException;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.FutureTask;

/**
 * Work a diagnosis hands to another core. Whoever needs the result first and finds the work not yet started does
 * it itself, so a busy or absent pool only costs the overlap, never a wait; a failure reaches that caller as
 * itself.
 */
public final class Background<T> {
    /** Read once: in a container every call reads the cgroup files again. */
    static final boolean SECOND_CORE = Runtime.getRuntime().availableProcessors() > 1;

    private final FutureTask<T> task;

    private Background(FutureTask<T> task) {
        this.task = task;
    }

    /** Starts {@code work} on the common pool when {@code parallel} and the machine has a second core. */
    public static <T> Background<T> start(Callable<T> work, boolean parallel) {
        FutureTask<T> task = new FutureTask<>(work);
        if (parallel && SECOND_CORE) {
            ForkJoinPool.commonPool().execute(task);
        }
        return new Background<>(task);
    }

    /** The result, computing it here unless another thread has started it, then waiting for that one. */
    public T get() {
        task.run();
        try {
            return task.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new DiagnosisException("a step of the diagnosis failed: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DiagnosisException("interrupted while waiting for a step of the diagnosis");
        }
    }
}
