package io.cacheguard.samples.reassign;

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
import java.util.SplittableRandom;

/**
 * {@code reassign-clear}: one long-lived {@link TemplateCache}; each round first serves traffic
 * while one thread keeps reloading (clearing by reassignment), then, after a last reload, all
 * threads compile disjoint templates into the fresh map.
 *
 * <p>What a thread-safe map guarantees, and so what is checked. The field is not volatile and the
 * patch does not make it so: while reloads race with traffic, a thread may keep using an old map
 * for a while, so nothing about presence can be demanded there, only that no operation throws and
 * that a get returns null or the template compiled for that name. The last reload happens before
 * the threads are released (a happens-before edge), so afterwards all of them use the same fresh
 * map: each reads back what it put, and once they are done every template is present and
 * {@code size()}, the number of templates and the number of entries iteration yields agree.
 */
public final class ReassignClearSample implements Sample {

    static final int THREADS = 4;
    static final int SHARED_TEMPLATES = 2_000;
    static final int TRAFFIC_PER_THREAD = 20_000;
    static final int RELOAD_EVERY = 500;
    static final int TEMPLATES_PER_THREAD = 20_000;
    static final Duration WORKER_TIMEOUT = Duration.ofSeconds(3);

    private final String[] sharedNames = new String[SHARED_TEMPLATES];
    private final String[] sharedCompiled = new String[SHARED_TEMPLATES];
    private final String[][] ownNames = new String[THREADS][TEMPLATES_PER_THREAD];

    public ReassignClearSample() {
        for (int i = 0; i < SHARED_TEMPLATES; i++) {
            sharedNames[i] = "layout/" + i + ".html";
            sharedCompiled[i] = compiled(sharedNames[i]);
        }
        for (int worker = 0; worker < THREADS; worker++) {
            for (int i = 0; i < TEMPLATES_PER_THREAD; i++) {
                ownNames[worker][i] = "mail/" + worker + "/" + i + ".txt";
            }
        }
    }

    @Override
    public String name() {
        return "reassign-clear";
    }

    @Override
    public String description() {
        return "cache cleared by reassignment (map = new HashMap<>()) while other threads use it";
    }

    @Override
    public Result run(RunOptions options) {
        options.log().printf("%s: %s TemplateCache, %d threads; traffic with reloads, then a reload and %d puts each%n",
                name(), options.variant().label(), THREADS, TEMPLATES_PER_THREAD);
        Templates cache = options.variant() == Variant.RACY ? new TemplateCache() : new SafeTemplateCache();
        FirstViolation violations = new FirstViolation();
        Rounds rounds = new Rounds();
        Result result = rounds.repeat(name(), options.budget(), violations, () -> {
            serveWhileReloading(cache, rounds.played(), violations);
            if (!violations.found()) {
                compileAfterReload(cache, violations);
            }
        });
        options.log().printf("%s: %d rounds, %d reloads%n", name(), rounds.played(),
                (long) rounds.played() * (TRAFFIC_PER_THREAD / RELOAD_EVERY + 1));
        return result;
    }

    private void serveWhileReloading(Templates cache, long seed, FirstViolation violations)
            throws InterruptedException, HangDetected {
        WorkerThreads.startTogether("template-worker", THREADS, violations, worker -> {
            SplittableRandom random = new SplittableRandom(seed * 31 + worker);
            for (int i = 0; i < TRAFFIC_PER_THREAD && !violations.found(); i++) {
                if (worker == 0 && i % RELOAD_EVERY == 0) {
                    cache.clear();
                }
                int template = random.nextInt(SHARED_TEMPLATES);
                String compiled = cache.get(sharedNames[template]);
                if (compiled == null) {
                    cache.put(sharedNames[template], sharedCompiled[template]);
                } else if (!compiled.equals(sharedCompiled[template])) {
                    violations.report("get(" + sharedNames[template] + ") returned " + compiled);
                }
            }
        }).awaitFinished(WORKER_TIMEOUT);
    }

    private void compileAfterReload(Templates cache, FirstViolation violations) throws InterruptedException, HangDetected {
        cache.clear();
        WorkerThreads.startTogether("template-worker", THREADS, violations, worker -> {
            for (int i = 0; i < TEMPLATES_PER_THREAD && !violations.found(); i++) {
                String name = ownNames[worker][i];
                cache.put(name, compiled(name));
                String seen = cache.get(name);
                if (seen == null) {
                    violations.report("get(" + name + ") returned null right after the put (no reload since)");
                }
            }
        }).awaitFinished(WORKER_TIMEOUT);
        if (violations.found()) {
            return;
        }
        for (int worker = 0; worker < THREADS; worker++) {
            for (String name : ownNames[worker]) {
                if (cache.get(name) == null) {
                    violations.report("after the last reload: " + name + " is missing");
                    return;
                }
            }
        }
        SizeAudit.verify(violations, "after the last reload", THREADS * TEMPLATES_PER_THREAD, cache.size(),
                cache.names());
    }

    private static String compiled(String name) {
        return "compiled(" + name + ")";
    }
}
