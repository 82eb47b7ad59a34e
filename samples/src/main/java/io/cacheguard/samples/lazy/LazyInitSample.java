package io.cacheguard.samples.lazy;

import io.cacheguard.samples.Result;
import io.cacheguard.samples.RunOptions;
import io.cacheguard.samples.Sample;
import io.cacheguard.samples.Variant;
import io.cacheguard.samples.harness.FirstViolation;
import io.cacheguard.samples.harness.HangDetected;
import io.cacheguard.samples.harness.Rounds;
import io.cacheguard.samples.harness.WorkerThreads;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * {@code lazy-map}: two threads meet at each of many fresh {@link AttributeCache}s and each puts
 * one attribute, so both make the first put, the one that creates the map, at about the same time.
 * The window between reading null and assigning the new map is nanoseconds wide; a spinning
 * rendezvous per instance (parking would cost microseconds) and many instances make it count.
 *
 * <p>What a thread-safe attribute cache guarantees, and so what is checked: once both threads have
 * put, the instance holds both attributes and its size is 2. No operation throws. Note that a
 * thread-safe map alone does not pass: the lazy assignment itself must happen once (compare-and-set
 * or a lock), which is a stronger fix than swapping the map.
 */
public final class LazyInitSample implements Sample {

    static final int THREADS = 2;
    static final int INSTANCES_PER_ROUND = 5_000;
    /** Spins before yielding: long enough for a running partner, short when it lost its core. */
    static final int SPINS_BEFORE_YIELD = 100;
    /** Up to a few hundred nanoseconds of busy work between meeting and putting; see {@link #stagger}. */
    static final int STAGGER_STEPS = 256;
    static final Duration WORKER_TIMEOUT = Duration.ofSeconds(3);

    private static final String[] NAMES = {"owner", "locale"};
    private static final String[] VALUES = {"alice", "en-GB"};

    @Override
    public String name() {
        return "lazy-map";
    }

    @Override
    public String description() {
        return "map created lazily on first put (if (map == null) map = new HashMap<>()) by two threads at once";
    }

    @Override
    public Result run(RunOptions options) {
        options.log().printf("%s: %s AttributeCache, %d threads making the first puts into %d fresh instances per round%n",
                name(), options.variant().label(), THREADS, INSTANCES_PER_ROUND);
        Supplier<Attributes> fresh = options.variant() == Variant.RACY ? AttributeCache::new : SafeAttributeCache::new;
        FirstViolation violations = new FirstViolation();
        Rounds rounds = new Rounds();
        Result result = rounds.repeat(name(), options.budget(), violations,
                () -> putFirst(fresh, violations));
        options.log().printf("%s: %d rounds, %d instances initialized by two threads%n", name(), rounds.played(),
                (long) rounds.played() * INSTANCES_PER_ROUND);
        return result;
    }

    private static void putFirst(Supplier<Attributes> fresh, FirstViolation violations)
            throws InterruptedException, HangDetected {
        Attributes[] instances = new Attributes[INSTANCES_PER_ROUND];
        for (int i = 0; i < instances.length; i++) {
            instances[i] = fresh.get();
        }
        AtomicInteger arrivals = new AtomicInteger();
        long[] staggerResults = new long[THREADS];
        WorkerThreads.startTogether("attribute-worker", THREADS, violations, worker -> {
            SplittableRandom random = new SplittableRandom();
            long staggerResult = 0;
            for (int i = 0; i < instances.length; i++) {
                if (!meet(arrivals, THREADS * (i + 1), violations)) {
                    return;
                }
                staggerResult ^= stagger(random);
                instances[i].put(NAMES[worker], VALUES[worker]);
            }
            staggerResults[worker] = staggerResult;
        }).awaitFinished(WORKER_TIMEOUT);
        if (violations.found()) {
            return;
        }
        String firstLoss = null;
        int losses = 0;
        for (int i = 0; i < instances.length; i++) {
            String loss = lostAttribute(instances[i]);
            if (loss != null) {
                firstLoss = firstLoss == null ? "instance " + i + " " + loss : firstLoss;
                losses++;
            }
        }
        if (firstLoss != null) {
            violations.report(firstLoss + "; " + losses + " of " + instances.length + " instances affected");
        }
    }

    /** What is wrong with an instance both threads have put into, or null if nothing is. */
    private static String lostAttribute(Attributes instance) {
        for (int worker = 0; worker < THREADS; worker++) {
            if (!VALUES[worker].equals(instance.get(NAMES[worker]))) {
                return "lost attribute '" + NAMES[worker] + "': two threads each created its map, and one was overwritten";
            }
        }
        return instance.size() == THREADS ? null : "has size() " + instance.size() + " after " + THREADS + " puts";
    }

    /**
     * Random busy work, returning its result so the JIT cannot drop it. Once compiled, the window
     * between reading null and assigning the new map is a few nanoseconds, while the thread that
     * arrives last at a rendezvous leaves it some tens of nanoseconds before the other notices:
     * without a random shift the two first puts would almost never overlap. This is not a sleep
     * standing in for synchronization; the rendezvous does that, the shift only varies the overlap.
     */
    private static long stagger(SplittableRandom random) {
        long x = random.nextLong();
        for (int step = random.nextInt(STAGGER_STEPS); step > 0; step--) {
            x = x * 6364136223846793005L + 1442695040888963407L;
        }
        return x;
    }

    /**
     * Waits until all threads have arrived at this instance; false if the run was abandoned. Spins
     * first, because a partner on the other core arrives within nanoseconds, then yields, because a
     * partner that lost its core (to the JIT or GC) would otherwise wait out our whole time slice.
     */
    private static boolean meet(AtomicInteger arrivals, int allArrived, FirstViolation violations) {
        arrivals.incrementAndGet();
        for (int spins = 0; arrivals.get() < allArrived; spins++) {
            if (violations.found()) {
                return false;
            }
            if (spins < SPINS_BEFORE_YIELD) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
        return true;
    }
}
