package io.cacheguard.agent.runtime;

import io.cacheguard.agent.runtime.detector.WeakIdentityMap;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * What a future's completion stands for: the tasks and stages that complete it. Learning that a
 * future completed ({@code get}, {@code join}) acquires the future itself (released by
 * {@code complete}) and everything linked to it, transitively (a stage's function, the stage it
 * depends on, a composed stage).
 */
final class Futures {
    private static final Object[] NONE = {};
    private static final int MAX_VISITED = 256;
    private static final WeakIdentityMap<Object[]> LINKS = new WeakIdentityMap<>();
    /** Each completion service's token, which every task it was handed releases into as it ends. */
    private static final WeakIdentityMap<Object> COMPLETIONS = new WeakIdentityMap<>();

    private Futures() {
    }

    /** {@code future} completes after {@code completers} (its task, the stages it depends on). */
    static void link(Object future, Object... completers) {
        if (future == null || !Detection.enabled()) {
            return;
        }
        synchronized (LINKS) { // read, extend, write back: one linker at a time
            Object[] known = LINKS.get(future);
            if (known == null) {
                LINKS.put(future, completers.clone());
            } else {
                Object[] all = new Object[known.length + completers.length];
                System.arraycopy(known, 0, all, 0, known.length);
                System.arraycopy(completers, 0, all, known.length, completers.length);
                LINKS.put(future, all);
            }
        }
    }

    /** The current thread learnt that {@code future} completed. */
    static void acquireCompletion(Object future) {
        if (future == null || !Detection.enabled()) {
            return;
        }
        Map<Object, Boolean> visited = new IdentityHashMap<>();
        Deque<Object> pending = new ArrayDeque<>();
        pending.push(future);
        while (!pending.isEmpty() && visited.size() < MAX_VISITED) {
            Object next = pending.pop();
            if (next == null || visited.put(next, Boolean.TRUE) != null) {
                continue;
            }
            if (next instanceof Handoff) {
                Detection.acquire(((Handoff) next).clock);
            } else {
                Detection.acquire(next);
            }
            Object[] links = LINKS.get(next);
            for (Object link : links == null ? NONE : links) {
                pending.push(link);
            }
        }
    }

    /**
     * What a task handed to {@code service} releases into as it ends: a token standing for the
     * service, not the service itself, which holds the futures that {@link #LINKS} keys weakly
     * (a task must not keep them alive).
     */
    static Object completionToken(Object service) {
        if (service == null || !Detection.enabled()) {
            return null;
        }
        return COMPLETIONS.computeIfAbsent(service, s -> new Object());
    }

    /**
     * The current thread took {@code future} from {@code service}'s completion queue, where a task
     * is queued only once it has ended: acquires that task's completion. A future taken before the
     * thread that submitted it linked it to its task (the task ran and was queued while
     * {@code submit} had yet to return) acquires the end of every task the service was handed.
     */
    static void taken(Object service, Object future) {
        if (future == null || !Detection.enabled()) {
            return;
        }
        if (LINKS.get(future) != null) {
            acquireCompletion(future);
        } else {
            Detection.acquireGathered(COMPLETIONS.get(service));
        }
    }
}
