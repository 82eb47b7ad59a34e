package io.cacheguard.samples.lru;

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
 * {@code lru-cache}: request threads get and put pages at random in a fresh
 * {@link RecentPagesCache} per round, over four times more pages than it holds, so nearly every
 * put evicts and every get relinks.
 *
 * <p>What a thread-safe (synchronized) LRU map guarantees, and so what is checked: every operation
 * leaves at most {@code capacity} entries, so {@code size()} never exceeds it; a get returns null or
 * the page put for that path; once all threads are done the map is full, and {@code size()} equals
 * the capacity and the number of entries iteration yields; putting {@code capacity} new pages then
 * evicts every old one and keeps all the new ones. No operation throws.
 */
public final class AccessOrderSample implements Sample {

    static final int THREADS = 4;
    static final int CAPACITY = 256;
    static final int PAGES = 4 * CAPACITY;
    static final int OPERATIONS_PER_THREAD = 20_000;
    static final Duration WORKER_TIMEOUT = Duration.ofSeconds(3);

    private final String[] paths = new String[PAGES];
    private final String[] pages = new String[PAGES];
    private final String[] newPaths = new String[CAPACITY];

    public AccessOrderSample() {
        for (int i = 0; i < PAGES; i++) {
            paths[i] = "/docs/page-" + i;
            pages[i] = "<html>page " + i + "</html>";
        }
        for (int i = 0; i < CAPACITY; i++) {
            newPaths[i] = "/news/item-" + i;
        }
    }

    @Override
    public String name() {
        return "lru-cache";
    }

    @Override
    public String description() {
        return "LinkedHashMap LRU (access order, removeEldestEntry) in a field, shared by readers and writers";
    }

    @Override
    public Result run(RunOptions options) {
        options.log().printf("%s: %s RecentPagesCache holding %d of %d pages, %d threads getting and putting%n",
                name(), options.variant().label(), CAPACITY, PAGES, THREADS);
        FirstViolation violations = new FirstViolation();
        Rounds rounds = new Rounds();
        Result result = rounds.repeat(name(), options.budget(), violations, () -> serve(
                options.variant() == Variant.RACY ? new RecentPagesCache(CAPACITY) : new SafeRecentPagesCache(CAPACITY),
                rounds.played(), violations));
        options.log().printf("%s: %d rounds, %d gets and puts%n", name(), rounds.played(),
                (long) rounds.played() * THREADS * OPERATIONS_PER_THREAD);
        return result;
    }

    private void serve(RecentPages cache, long seed, FirstViolation violations)
            throws InterruptedException, HangDetected {
        WorkerThreads.startTogether("page-worker", THREADS, violations, worker -> {
            SplittableRandom random = new SplittableRandom(seed * 31 + worker);
            for (int i = 0; i < OPERATIONS_PER_THREAD && !violations.found(); i++) {
                int page = random.nextInt(PAGES);
                if (random.nextBoolean()) {
                    cache.put(paths[page], pages[page]);
                    int size = cache.size();
                    if (size > CAPACITY) {
                        violations.report("size() is " + size + " after a put, above the capacity " + CAPACITY);
                    }
                } else {
                    String html = cache.get(paths[page]);
                    if (html != null && !html.equals(pages[page])) {
                        violations.report("get(" + paths[page] + ") returned " + html);
                    }
                }
            }
        }).awaitFinished(WORKER_TIMEOUT);
        if (violations.found()
                || !SizeAudit.verify(violations, "after all threads", CAPACITY, cache.size(), cache.paths())) {
            return;
        }
        for (String path : newPaths) {
            cache.put(path, "<html>" + path + "</html>");
        }
        for (String path : newPaths) {
            if (cache.get(path) == null) {
                violations.report("after putting " + CAPACITY + " new pages: " + path + " is missing");
                return;
            }
        }
        if (!SizeAudit.verify(violations, "after putting " + CAPACITY + " new pages", CAPACITY, cache.size(),
                cache.paths())) {
            return;
        }
        for (String path : cache.paths()) {
            if (!path.startsWith("/news/")) {
                violations.report("after putting " + CAPACITY + " new pages: old page " + path + " was not evicted");
                return;
            }
        }
    }
}
