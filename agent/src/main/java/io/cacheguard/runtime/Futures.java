package io.cacheguard.runtime;

import io.cacheguard.detector.WeakIdentityMap;
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
}
