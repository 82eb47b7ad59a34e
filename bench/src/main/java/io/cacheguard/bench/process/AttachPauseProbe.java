package io.cacheguard.bench.process;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The target of {@link AttachLatency}: a JVM with a racy static final memo under a writer's load,
 * and a thread in a tight loop that timestamps itself. Every 50 ms it prints
 * {@code WINDOW <epoch ms> <largest gap between two timestamps, µs>}: the longest the loop was held
 * up in that window, by the scheduler, the collector, or a safepoint of the attach.
 * Its class file is copied next to nothing else, so the agent is not on its class path.
 */
public final class AttachPauseProbe {
    private static final Map<Integer, Integer> MEMO_CACHE = new HashMap<>();
    private static final AtomicLong LARGEST_GAP = new AtomicLong();

    private AttachPauseProbe() {
    }

    public static void main(String[] args) throws InterruptedException {
        for (int i = 0; i < 100_000; i++) {
            MEMO_CACHE.put(i, i);
        }
        Thread writer = new Thread(AttachPauseProbe::write, "probe-writer");
        writer.setDaemon(true);
        writer.start();
        Thread spinner = new Thread(AttachPauseProbe::spin, "probe-spinner");
        spinner.setDaemon(true);
        spinner.start();
        System.out.println("READY " + ProcessHandle.current().pid());
        while (true) {
            Thread.sleep(50); // the reporting period, not synchronization
            System.out.println("WINDOW " + System.currentTimeMillis() + " " + LARGEST_GAP.getAndSet(0) / 1_000);
        }
    }

    /** One writer: the memo stays sound, and its class has live entries to guard at the attach. */
    private static void write() {
        for (int i = 0; ; i = (i + 1) % 200_000) {
            Integer value = MEMO_CACHE.get(i);
            if (value == null) {
                MEMO_CACHE.put(i, i);
            }
        }
    }

    private static void spin() {
        long last = System.nanoTime();
        while (true) {
            long now = System.nanoTime();
            long gap = now - last;
            if (gap > LARGEST_GAP.get()) {
                LARGEST_GAP.accumulateAndGet(gap, Math::max);
            }
            last = now;
        }
    }
}
