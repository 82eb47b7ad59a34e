package io.cacheguard.samples.weak;

import io.cacheguard.samples.Result;
import io.cacheguard.samples.RunOptions;
import io.cacheguard.samples.Sample;
import io.cacheguard.samples.Variant;
import io.cacheguard.samples.harness.FirstViolation;
import io.cacheguard.samples.harness.HangDetected;
import io.cacheguard.samples.harness.Rounds;
import io.cacheguard.samples.harness.SizeAudit;
import io.cacheguard.samples.harness.WorkerThreads;
import java.lang.ref.Reference;
import java.time.Duration;

/**
 * {@code weak-cache}: several threads store data for their own sessions in one fresh
 * {@link SessionDataCache} per round. The driver holds every session strongly until the checks are
 * done, so the garbage collector may not remove a single entry: anything missing was lost by the map.
 *
 * <p>What a thread-safe weak map guarantees, and so what is checked: entries whose keys are
 * strongly reachable stay; a get right after a put of the same key returns the value put; once all
 * threads are done every session has its data and {@code size()}, the number of sessions and the
 * number of entries iteration yields agree. No operation throws.
 */
public final class WeakKeysSample implements Sample {

    static final int THREADS = 4;
    static final int SESSIONS_PER_THREAD = 20_000;
    static final Duration WORKER_TIMEOUT = Duration.ofSeconds(3);

    private final String[][] data = new String[THREADS][SESSIONS_PER_THREAD];

    public WeakKeysSample() {
        for (int worker = 0; worker < THREADS; worker++) {
            for (int i = 0; i < SESSIONS_PER_THREAD; i++) {
                data[worker][i] = "cart of user " + worker + "-" + i;
            }
        }
    }

    @Override
    public String name() {
        return "weak-cache";
    }

    @Override
    public String description() {
        return "WeakHashMap field keyed by live sessions, written by several threads";
    }

    @Override
    public Result run(RunOptions options) {
        options.log().printf("%s: %s SessionDataCache, %d threads storing data for %d live sessions each%n",
                name(), options.variant().label(), THREADS, SESSIONS_PER_THREAD);
        FirstViolation violations = new FirstViolation();
        Rounds rounds = new Rounds();
        Result result = rounds.repeat(name(), options.budget(), violations, () -> store(
                options.variant() == Variant.RACY ? new SessionDataCache() : new SafeSessionDataCache(), violations));
        options.log().printf("%s: %d rounds, %d sessions stored%n", name(), rounds.played(),
                (long) rounds.played() * THREADS * SESSIONS_PER_THREAD);
        return result;
    }

    private void store(SessionData cache, FirstViolation violations) throws InterruptedException, HangDetected {
        // Strong references for the whole round: a weak map may only drop entries of unreachable keys.
        Session[][] sessions = new Session[THREADS][SESSIONS_PER_THREAD];
        for (int worker = 0; worker < THREADS; worker++) {
            for (int i = 0; i < SESSIONS_PER_THREAD; i++) {
                sessions[worker][i] = new Session(worker + "-" + i);
            }
        }
        WorkerThreads.startTogether("session-worker", THREADS, violations, worker -> {
            for (int i = 0; i < SESSIONS_PER_THREAD && !violations.found(); i++) {
                Session session = sessions[worker][i];
                cache.put(session, data[worker][i]);
                String seen = cache.get(session);
                if (!data[worker][i].equals(seen)) {
                    violations.report("get(" + session + ") returned " + seen + " right after the put");
                }
            }
        }).awaitFinished(WORKER_TIMEOUT);
        if (violations.found()) {
            return;
        }
        try {
            for (int worker = 0; worker < THREADS; worker++) {
                for (int i = 0; i < SESSIONS_PER_THREAD; i++) {
                    if (!data[worker][i].equals(cache.get(sessions[worker][i]))) {
                        violations.report("after all threads: data of live " + sessions[worker][i] + " is gone");
                        return;
                    }
                }
            }
            SizeAudit.verify(violations, "after all threads", THREADS * SESSIONS_PER_THREAD, cache.size(),
                    cache.sessions());
        } finally {
            // Without the fence the JIT may treat the array as dead after its last read, and a GC
            // during the audit would then clear entries that this sample promised to keep.
            Reference.reachabilityFence(sessions);
        }
    }
}
