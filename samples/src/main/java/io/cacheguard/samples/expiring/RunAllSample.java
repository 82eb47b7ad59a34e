package io.cacheguard.samples.expiring;

import io.cacheguard.samples.Result;
import io.cacheguard.samples.RunOptions;
import io.cacheguard.samples.Sample;
import io.cacheguard.samples.Variant;
import io.cacheguard.samples.harness.FirstViolation;
import io.cacheguard.samples.harness.HangDetected;
import io.cacheguard.samples.harness.NamedDaemonThreads;
import io.cacheguard.samples.harness.Rounds;
import io.cacheguard.samples.harness.SizeAudit;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * {@code expiring-cache}: {@code terragrunt run-all} over a {@link Stack} of modules sharing one
 * {@link ExpiringCache}. Each round is one run-all: a fixed pool runs every module through
 * {@code init}, the clock moves past the outputs' time-to-live, then the pool runs every module
 * through {@code validate}. {@code init} caches the module's config (long-lived) and its outputs
 * (short-lived) and reads both back; {@code validate} reads the module's config and the outputs of
 * its dependencies, which have expired by then, so those reads delete under the shared read lock,
 * often two workers the same item at once.
 *
 * <p>What a thread-safe map guarantees, and so what is checked (puts hold the write lock either way;
 * only the map's own correctness is relied on):
 * <ul>
 *   <li>a get returns the value last put for its key unless the key was deleted since: each module
 *       reads back its config and outputs in {@code init} and its config in {@code validate};
 *   <li>with the clock standing still during a stage, expired outputs read back as absent;
 *   <li>once {@code validate} is over, the outputs of every module that others depend on were
 *       deleted and not put again, so they are gone; every config and every other outputs item is
 *       still there; {@code size()}, that count and the number of entries iteration yields agree;
 *   <li>no operation throws.
 * </ul>
 */
public final class RunAllSample implements Sample {

    static final int ENVIRONMENTS = 160;
    static final int APPS_PER_ENVIRONMENT = 4;
    static final int PARALLELISM = 8;
    static final Duration CONFIG_TTL = Duration.ofHours(1);
    static final Duration OUTPUTS_TTL = Duration.ofMinutes(5);
    /** How long a stage may take before a worker is taken to be looping in a corrupted map. */
    static final Duration STAGE_TIMEOUT = Duration.ofSeconds(3);

    private static final Instant START = Instant.parse("2024-05-01T12:00:00Z");

    private final Stack stack = Stack.of(ENVIRONMENTS, APPS_PER_ENVIRONMENT);

    @Override
    public String name() {
        return "expiring-cache";
    }

    @Override
    public String description() {
        return "Terragrunt's ExpiringCache port: Get deletes expired items under the READ lock of an RWMutex";
    }

    @Override
    public Result run(RunOptions options) {
        options.log().printf("%s: %s ExpiringCache shared by a run-all pool of %d workers, %d modules per run-all%n",
                name(), options.variant().label(), PARALLELISM, stack.size());
        NamedDaemonThreads threads = new NamedDaemonThreads("run-all-worker");
        ExecutorService pool = Executors.newFixedThreadPool(PARALLELISM, threads);
        try {
            FirstViolation violations = new FirstViolation();
            Rounds rounds = new Rounds();
            Result result = rounds.repeat(name(), options.budget(), violations,
                    () -> runAll(options.variant(), pool, threads, violations));
            options.log().printf("%s: %d run-all rounds, %d modules through init and validate%n",
                    name(), rounds.played(), (long) rounds.played() * stack.size());
            return result;
        } finally {
            pool.shutdownNow();
        }
    }

    private void runAll(Variant variant, ExecutorService pool, NamedDaemonThreads threads, FirstViolation violations)
            throws InterruptedException, HangDetected {
        ManualClock clock = new ManualClock(START);
        ExpiringStore<String> store = variant == Variant.RACY ? new ExpiringCache<>(clock) : new SafeExpiringCache<>(clock);
        Instant now = clock.instant();
        stage(pool, threads, violations, module -> init(store, stack.get(module), now, violations));
        if (violations.found()) {
            return;
        }
        clock.advance(OUTPUTS_TTL.plusSeconds(1));
        stage(pool, threads, violations, module -> validate(store, stack.get(module), violations));
        if (violations.found()) {
            return;
        }
        audit(store, violations);
    }

    /** Runs one stage of every module on the pool, in stack order, and waits for all of them. */
    private void stage(ExecutorService pool, NamedDaemonThreads threads, FirstViolation violations,
            IntConsumer moduleStage) throws InterruptedException, HangDetected {
        CountDownLatch done = new CountDownLatch(stack.size());
        for (int module = 0; module < stack.size(); module++) {
            int current = module;
            pool.execute(() -> {
                try {
                    if (!violations.found()) {
                        moduleStage.accept(current);
                    }
                } catch (Throwable thrown) {
                    violations.report(thrown);
                } finally {
                    done.countDown();
                }
            });
        }
        if (!done.await(STAGE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new HangDetected("run-all stage unfinished after " + STAGE_TIMEOUT.toMillis() + " ms: "
                    + threads.describeStuck());
        }
    }

    private static void init(ExpiringStore<String> store, Stack.Module module, Instant now, FirstViolation violations) {
        store.put(module.configKey(), module.config(), now.plus(CONFIG_TTL));
        store.put(module.outputsKey(), module.outputs(), now.plus(OUTPUTS_TTL));
        expectValue(store, module.configKey(), module.config(), "init", violations);
        expectValue(store, module.outputsKey(), module.outputs(), "init", violations);
    }

    private void validate(ExpiringStore<String> store, Stack.Module module, FirstViolation violations) {
        expectValue(store, module.configKey(), module.config(), "validate", violations);
        for (int dependency : module.dependencies()) {
            String outputsKey = stack.get(dependency).outputsKey();
            String stale = store.get(outputsKey);
            if (stale != null) {
                violations.report("validate: expired " + outputsKey + " was returned");
            }
        }
    }

    private static void expectValue(ExpiringStore<String> store, String key, String expected, String stage,
            FirstViolation violations) {
        String actual = store.get(key);
        if (!expected.equals(actual)) {
            violations.report(stage + ": get(" + key + ") returned " + actual + " right after it was put");
        }
    }

    private void audit(ExpiringStore<String> store, FirstViolation violations) {
        int expected = 0;
        for (int index = 0; index < stack.size(); index++) {
            Stack.Module module = stack.get(index);
            if (!module.config().equals(store.get(module.configKey()))) {
                violations.report("after validate: " + module.configKey() + " is missing");
                return;
            }
            // keys(), not get(): a get would delete the expired outputs nobody depends on.
            boolean deleted = stack.isDependedOn(index);
            if (store.keys().contains(module.outputsKey()) == deleted) {
                violations.report("after validate: " + module.outputsKey()
                        + (deleted ? " was deleted but is back in the map" : " is missing, though nothing deleted it"));
                return;
            }
            expected += deleted ? 1 : 2;
        }
        SizeAudit.verify(violations, "after validate", expected, store.size(), store.keys());
    }
}
