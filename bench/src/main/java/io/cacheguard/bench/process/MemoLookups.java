package io.cacheguard.bench.process;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * The commonest legacy cache: {@code static final Map MEMO = new HashMap<>()}, get-then-put, about
 * 90% hits, two threads, {@code LOOKUPS} lookups in all, timed inside the program. With the
 * argument {@code chm} the same program hand-fixed with a ConcurrentHashMap (the baseline the agent
 * is held to); with {@code hashmap} the racy original, which the agent patches. Copied alone into a
 * directory by {@link DetectorModesOverhead}. Prints {@code millis N}.
 */
public final class MemoLookups {
    private static final int KEYS = 10_000;

    public static void main(String[] args) throws Exception {
        boolean handFixed = args[0].equals("chm");
        long lookups = Long.parseLong(args[1]);
        Memo memo = handFixed ? new HandFixed() : new Racy();
        CountDownLatch start = new CountDownLatch(1);
        Thread[] threads = new Thread[2];
        long[] sums = new long[threads.length];
        for (int t = 0; t < threads.length; t++) {
            int index = t;
            threads[t] = new Thread(() -> {
                SplittableRandom random = new SplittableRandom(index);
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                long sum = 0;
                for (long i = lookups / threads.length; i > 0; i--) {
                    // 90% of lookups among the first tenth of keys, which stay cached; the rest miss often
                    int key = random.nextInt(10) != 0 ? random.nextInt(KEYS / 10) : random.nextInt(KEYS) + KEYS * (int) (i & 63);
                    sum += memo.lookup(key);
                }
                sums[index] = sum;
            });
            threads[t].start();
        }
        long begin = System.nanoTime();
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        long millis = (System.nanoTime() - begin) / 1_000_000;
        System.out.println("millis " + millis + " checksum " + (sums[0] ^ sums[1]));
    }

    private interface Memo {
        long lookup(int key);
    }

    /** As legacy code writes it: the agent finds the racy field and patches it. */
    private static final class Racy implements Memo {
        private static final Map<Integer, Long> MEMO = new HashMap<>();

        @Override
        public long lookup(int key) {
            Long value = MEMO.get(key);
            if (value == null) {
                value = (long) key * key;
                MEMO.put(key, value);
            }
            return value;
        }
    }

    /** As a developer would fix it by hand. */
    private static final class HandFixed implements Memo {
        private static final Map<Integer, Long> MEMO = new ConcurrentHashMap<>();

        @Override
        public long lookup(int key) {
            Long value = MEMO.get(key);
            if (value == null) {
                value = (long) key * key;
                MEMO.put(key, value);
            }
            return value;
        }
    }
}
