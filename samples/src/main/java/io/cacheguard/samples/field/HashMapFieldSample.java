package io.cacheguard.samples.field;

import io.cacheguard.samples.Result;
import io.cacheguard.samples.RunOptions;
import io.cacheguard.samples.Sample;
import io.cacheguard.samples.Variant;
import io.cacheguard.samples.harness.FirstViolation;
import io.cacheguard.samples.harness.HangDetected;
import io.cacheguard.samples.harness.Rounds;
import io.cacheguard.samples.harness.SizeAudit;
import io.cacheguard.samples.harness.WorkerThreads;
import java.time.Duration;

/**
 * {@code hashmap-field}: several threads register disjoint tokens into one fresh
 * {@link TokenCache} per round, so the map grows from empty through many resizes while all of them
 * write.
 *
 * <p>What a thread-safe map guarantees, and so what is checked: a get right after a put of the same
 * key (no one else writes that key) returns the value put; once all threads are done every token is
 * present with its id and {@code size()}, the number of tokens and the number of entries iteration
 * yields agree. No operation throws.
 */
public final class HashMapFieldSample implements Sample {

    static final int THREADS = 4;
    static final int TOKENS_PER_THREAD = 25_000;
    static final Duration WORKER_TIMEOUT = Duration.ofSeconds(3);

    /** Made once: building strings inside the loop would spread the writes out and hide the race. */
    private final String[][] tokens = new String[THREADS][TOKENS_PER_THREAD];

    public HashMapFieldSample() {
        for (int worker = 0; worker < THREADS; worker++) {
            for (int i = 0; i < TOKENS_PER_THREAD; i++) {
                tokens[worker][i] = "token-" + worker + "-" + i;
            }
        }
    }

    @Override
    public String name() {
        return "hashmap-field";
    }

    @Override
    public String description() {
        return "private final HashMap field (concrete type) written by several threads";
    }

    @Override
    public Result run(RunOptions options) {
        options.log().printf("%s: %s TokenCache, %d threads registering %d tokens each into a fresh cache%n",
                name(), options.variant().label(), THREADS, TOKENS_PER_THREAD);
        FirstViolation violations = new FirstViolation();
        Rounds rounds = new Rounds();
        Result result = rounds.repeat(name(), options.budget(), violations,
                () -> registerAll(options.variant() == Variant.RACY ? new TokenCache() : new SafeTokenCache(), violations));
        options.log().printf("%s: %d rounds, %d tokens registered%n", name(), rounds.played(),
                (long) rounds.played() * THREADS * TOKENS_PER_THREAD);
        return result;
    }

    private void registerAll(TokenIds cache, FirstViolation violations) throws InterruptedException, HangDetected {
        WorkerThreads.startTogether("token-worker", THREADS, violations, worker -> {
            for (int i = 0; i < TOKENS_PER_THREAD && !violations.found(); i++) {
                String token = tokens[worker][i];
                int id = idFor(worker, i);
                cache.register(token, id);
                Integer seen = cache.idOf(token);
                if (seen == null || seen != id) {
                    violations.report("idOf(" + token + ") returned " + seen + " right after registering " + id);
                }
            }
        }).awaitFinished(WORKER_TIMEOUT);
        if (violations.found()) {
            return;
        }
        for (int worker = 0; worker < THREADS; worker++) {
            for (int i = 0; i < TOKENS_PER_THREAD; i++) {
                Integer seen = cache.idOf(tokens[worker][i]);
                if (seen == null || seen != idFor(worker, i)) {
                    violations.report("after all threads: " + tokens[worker][i] + " maps to " + seen);
                    return;
                }
            }
        }
        SizeAudit.verify(violations, "after all threads", THREADS * TOKENS_PER_THREAD, cache.size(), cache.tokens());
    }

    private static int idFor(int worker, int i) {
        return worker * TOKENS_PER_THREAD + i;
    }
}
