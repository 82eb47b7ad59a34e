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
 * {@code expiring-cache}: {@code terragrunt run-all} over a stack of modules that share one
 * {@link ExpiringCache}. Each round is one run-all: a fixed pool runs every module through
 * {@code init}, the clock moves past the outputs' time-to-live, then the pool runs every module
 * through {@code validate}. {@code init} caches the module's config (long-lived) and its outputs
 * (short-lived) and reads both back; {@code validate} reads its config and the outputs of itself
 * and its dependencies, which have expired, so those reads delete under the shared read lock,
 * several workers at once, often the same key.
 *
 * <p>What a thread-safe map guarantees, and so what is checked (puts hold the write lock either way;
 * only the map's own correctness is relied on):
 * <ul>
 *   <li>a get returns the value last put for its key unless the key was deleted since: each module
 *       reads back its config and outputs in {@code init} and its config in {@code validate};
 *   <li>with the clock standing still during a stage, expired outputs read back as absent;
 *   <li>once {@code validate} is over, every outputs key was deleted and not put again, so none is
 *       left, every config is present, and {@code size()}, the number of modules and the number of
 *       entries iteration yields all agree;
 *   <li>no operation throws.
 * </ul>
 */
public final class RunAllSample implements Sample {

    static final int MODULES = 2000;
    static final int PARALLELISM = 8;
    static final int DEPENDENCIES_PER_MODULE = 3;
    static final Duration CONFIG_TTL = Duration.ofHours(1);
    static final Duration OUTPUTS_TTL = Duration.ofMinutes(5);
    /** How long a stage may take before a worker is taken to be looping in a corrupted map. */
    static final Duration STAGE_TIMEOUT = Duration.ofSeconds(3);

    private static final Instant START = Instant.parse("2024-05-01T12:00:00Z");

    private final String[] configKeys = new String[MODULES];
    private final String[] outputsKeys = new String[MODULES];
    private final String[] configs = new String[MODULES];
    private final String[] outputs = new String[MODULES];

    public RunAllSample() {
        for (int module = 0; module < MODULES; module++) {
            String path = String.format("live/prod/app-%04d", module);
            configKeys[module] = path + "/terragrunt.hcl";
            outputsKeys[module] = path + "/outputs";
            configs[module] = "config of " + path;
            outputs[module] = "{\"id\": \"" + path + "\"}";
        }
    }

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
                name(), options.variant().label(), PARALLELISM, MODULES);
        NamedDaemonThreads threads = new NamedDaemonThreads("run-all-worker");
        ExecutorService pool = Executors.newFixedThreadPool(PARALLELISM, threads);
        try {
            FirstViolation violations = new FirstViolation();
            Rounds rounds = new Rounds();
            Result result = rounds.repeat(name(), options.budget(), violations,
                    () -> runAll(options.variant(), pool, threads, violations));
            options.log().printf("%s: %d run-all rounds, %d modules through init and validate%n",
                    name(), rounds.played(), (long) rounds.played() * MODULES);
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
        stage(pool, threads, violations, module -> init(store, module, now, violations));
        if (violations.found()) {
            return;
        }
        clock.advance(OUTPUTS_TTL.plusSeconds(1));
        stage(pool, threads, violations, module -> validate(store, module, violations));
        if (violations.found()) {
            return;
        }
        audit(store, violations);
    }

    /** Runs one stage of every module on the pool and waits for all of them, as run-all does. */
    private static void stage(ExecutorService pool, NamedDaemonThreads threads, FirstViolation violations,
            IntConsumer moduleStage) throws InterruptedException, HangDetected {
        CountDownLatch done = new CountDownLatch(MODULES);
        for (int module = 0; module < MODULES; module++) {
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

    private void init(ExpiringStore<String> store, int module, Instant now, FirstViolation violations) {
        store.put(configKeys[module], configs[module], now.plus(CONFIG_TTL));
        store.put(outputsKeys[module], outputs[module], now.plus(OUTPUTS_TTL));
        expectValue(store, configKeys[module], configs[module], "init", violations);
        expectValue(store, outputsKeys[module], outputs[module], "init", violations);
    }

    private void validate(ExpiringStore<String> store, int module, FirstViolation violations) {
        expectValue(store, configKeys[module], configs[module], "validate", violations);
        for (int dependency = Math.max(0, module - DEPENDENCIES_PER_MODULE); dependency <= module; dependency++) {
            String stale = store.get(outputsKeys[dependency]);
            if (stale != null) {
                violations.report("validate: expired " + outputsKeys[dependency] + " was returned");
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
        for (int module = 0; module < MODULES; module++) {
            if (store.keys().contains(outputsKeys[module])) {
                violations.report("after validate: deleted " + outputsKeys[module] + " is back in the map");
                return;
            }
            if (!configs[module].equals(store.get(configKeys[module]))) {
                violations.report("after validate: " + configKeys[module] + " is missing");
                return;
            }
        }
        SizeAudit.verify(violations, "after validate", MODULES, store.size(), store.keys());
    }
}
