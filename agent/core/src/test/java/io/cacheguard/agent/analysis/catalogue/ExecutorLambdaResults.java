package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.PATCH;

import io.cacheguard.agent.analysis.Expect;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Results written by a lambda submitted to an executor, from inside a synchronized method. The
 * lambda runs later on a pool thread, long after the monitor was released, under no lock: patch.
 */
public final class ExecutorLambdaResults {

    @Expect(PATCH)
    private final Map<Integer, Long> results = new HashMap<>();
    private final ExecutorService executor = Executors.newFixedThreadPool(4);

    public synchronized void submit(int id) {
        executor.submit(() -> results.put(id, compute(id)));
    }

    public synchronized Long result(int id) {
        return results.get(id);
    }

    private static long compute(int id) {
        return (long) id * id;
    }
}
