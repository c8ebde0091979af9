package io.zpadoctor.rules.internal.engine;

import io.zpadoctor.rules.DiagnosisException;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How long a session's rules may run. The built-in rules always end (the firing limit guards against a loop); a
 * rule pack's are code nobody here wrote, so with a pack the rules run on a worker thread that is given the budget:
 * past it the session is halted, and the diagnosis ends naming the rule that kept firing, or the one whose
 * consequence never returned (that thread is stopped where the JVM allows it, Java 17-19, and is otherwise left
 * running, a daemon, until the JVM exits).
 *
 * @param wall the wall-clock budget of one session
 * @param guarded whether the rules include a pack's, and so run under the budget
 */
public record Budget(Duration wall, boolean guarded) {
    /** No guard: the built-in rules alone. */
    public static final Budget NONE = new Budget(Duration.ofSeconds(5), false);

    /** Fires the session's rules within the budget and the firing limit; returns how many fired. */
    public int fire(KieSession session, int limit) {
        if (!guarded) {
            return checked(session.fireAllRules(limit), limit, null);
        }
        Tracker tracker = new Tracker();
        session.addEventListener(tracker);
        ClassLoader callers = Thread.currentThread().getContextClassLoader();
        CompletableFuture<Integer> run = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            Thread.currentThread().setContextClassLoader(callers);
            try {
                run.complete(session.fireAllRules(limit));
            } catch (Throwable t) {
                run.completeExceptionally(t);
            }
        }, "zpa-doctor-pack-rules");
        worker.setDaemon(true);
        worker.start();
        try {
            return checked(run.get(wall.toMillis(), TimeUnit.MILLISECONDS), limit, tracker);
        } catch (TimeoutException e) {
            session.halt();
            try {
                run.get(500, TimeUnit.MILLISECONDS);
                throw new DiagnosisException("the rules ran past the " + seconds() + " budget: rule \""
                        + tracker.busiest() + "\" kept firing (" + tracker.firings(tracker.busiest()) + " times); the"
                        + " diagnosis was stopped");
            } catch (TimeoutException stuck) {
                worker.interrupt();
                stop(worker);
                throw new Abandoned("rule \"" + tracker.current + "\" did not finish within the " + seconds()
                        + " budget: its consequence does not return; the diagnosis was stopped");
            } catch (InterruptedException | ExecutionException other) {
                throw new DiagnosisException("the rules ran past the " + seconds() + " budget and were stopped");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            session.halt();
            throw new DiagnosisException("interrupted while the rules ran");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new DiagnosisException("the rules failed: " + cause, cause);
        }
    }

    /**
     * A session left to a consequence that does not return: it cannot be disposed (disposing waits for the rule to
     * end), so it is abandoned with its thread.
     */
    public static final class Abandoned extends DiagnosisException {
        Abandoned(String message) {
            super(message);
        }
    }

    /**
     * Stops a thread stuck in a consequence where the JVM still can (Java 17-19; later ones refuse): the session is
     * abandoned either way, and a stopped thread no longer burns a core for the rest of the process.
     */
    @SuppressWarnings({"deprecation", "removal"})
    private static void stop(Thread t) {
        try {
            t.join(200);
            if (t.isAlive()) {
                t.stop();
            }
        } catch (UnsupportedOperationException | SecurityException | InterruptedException e) {
            // left running, a daemon: it ends with the JVM
        }
    }

    private String seconds() {
        long ms = wall.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }

    private static int checked(int fired, int limit, Tracker tracker) {
        if (fired >= limit) {
            throw new DiagnosisException("the rules fired " + fired + " times, the limit for this input: "
                    + (tracker != null ? "rule \"" + tracker.busiest() + "\"" : "a rule (most likely in a rule pack)")
                    + " keeps re-activating itself");
        }
        return fired;
    }

    /** Which rule is firing now, and how often each fired. */
    private static final class Tracker extends DefaultAgendaEventListener {
        volatile String current = "(none yet)";
        private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

        @Override
        public void beforeMatchFired(BeforeMatchFiredEvent event) {
            current = event.getMatch().getRule().getName();
        }

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            counts.computeIfAbsent(event.getMatch().getRule().getName(), k -> new AtomicLong()).incrementAndGet();
        }

        String busiest() {
            return counts.entrySet().stream().max(Map.Entry.comparingByValue(
                    java.util.Comparator.comparingLong(AtomicLong::get))).map(Map.Entry::getKey).orElse(current);
        }

        long firings(String rule) {
            AtomicLong n = counts.get(rule);
            return n == null ? 0 : n.get();
        }
    }
}
