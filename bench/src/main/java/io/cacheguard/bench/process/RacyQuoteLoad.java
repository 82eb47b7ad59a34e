package io.cacheguard.bench.process;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A legacy racy cache under load, as a whole process: {@code threads} threads read and overwrite a
 * {@code HashMap} field with no lock. Run by {@link DetectorProcessOverhead} without the agent and
 * with each mode; prints {@code NS_PER_OP <median over rounds>} (wall time per operation, all
 * threads together). Usage: {@code RacyQuoteLoad READ_PERCENT THREADS}.
 */
public final class RacyQuoteLoad {
    private static final int KEYS = 10_000;
    private static final int OPS_PER_THREAD = 10_000_000;
    private static final int ROUNDS = 5;

    private final Map<Integer, Integer> cache = new HashMap<>();

    Integer get(Integer key) {
        return cache.get(key);
    }

    void put(Integer key, Integer value) {
        cache.put(key, value);
    }

    public static void main(String[] args) throws InterruptedException {
        int readPercent = Integer.parseInt(args[0]);
        int threads = Integer.parseInt(args[1]);
        RacyQuoteLoad quotes = new RacyQuoteLoad();
        Integer[] keys = new Integer[KEYS];
        for (int i = 0; i < KEYS; i++) {
            keys[i] = i;
            quotes.put(keys[i], i);
        }
        List<Double> nanosPerOp = new ArrayList<>();
        for (int round = 0; round <= ROUNDS; round++) { // round 0 warms up
            long start = System.nanoTime();
            Thread[] workers = new Thread[threads];
            for (int t = 0; t < threads; t++) {
                int seed = t;
                workers[t] = new Thread(() -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    for (int i = 0; i < OPS_PER_THREAD; i++) {
                        Integer key = keys[random.nextInt(KEYS)];
                        if (random.nextInt(100) < readPercent) {
                            quotes.get(key);
                        } else {
                            quotes.put(key, key);
                        }
                    }
                });
                workers[t].start();
            }
            for (Thread worker : workers) {
                worker.join();
            }
            if (round > 0) {
                nanosPerOp.add((System.nanoTime() - start) / (double) (OPS_PER_THREAD * threads));
            }
        }
        nanosPerOp.sort(null);
        System.out.println("NS_PER_OP " + nanosPerOp.get(ROUNDS / 2));
    }
}
