package io.cacheguard.samples.serve;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code java -jar cacheguard-samples.jar --serve}: a server that runs until it is killed, for
 * attaching cacheguard to a JVM that is already running. Writer threads churn a static final memo
 * ({@link LiveMemo}) and an instance cache ({@link SessionCache}) as fast as they can: each keeps
 * its permanent entries and a window of recent ones, inserting a new key and dropping the oldest.
 *
 * <p>Every {@value #TICK_MILLIS} ms the writers stop at a checkpoint and the checker compares both
 * maps with what must be there: every permanent entry, every window entry, and a size that matches.
 * It prints one line per check: {@code CHECK <n> OK ...} or {@code CHECK <n> BROKEN <reason> ...};
 * after a broken check it refills the maps so the next check starts sound. When it first sees a
 * map guarded (its class is no longer {@code java.util.HashMap}) it prints {@code SWAP <map> <class>}
 * and whether the map was sound at that moment (damage done before the swap cannot be undone by it);
 * from then on every entry must stay.
 */
public final class ServeLoop {
    static final int WRITERS = 4;
    static final int PERMANENT_PER_WRITER = 20_000;
    static final int WINDOW = 1_000;
    static final long TICK_MILLIS = 200;
    private static final int KEY_SPACE = 100_000_000;

    private final PrintStream out;
    private final SessionCache sessions = new SessionCache();
    /** Per writer: the next churn index; keys [next - WINDOW, next) are in the window. */
    private final long[] next = new long[WRITERS];
    private final AtomicReference<Throwable> writerFailure = new AtomicReference<>();
    private volatile CountDownLatch parked;
    private volatile CountDownLatch resume;
    private boolean memoSwapped;
    private boolean sessionsSwapped;

    private ServeLoop(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) throws InterruptedException {
        new ServeLoop(System.out).serve();
    }

    private void serve() throws InterruptedException {
        fill();
        out.println("SERVE pid=" + ProcessHandle.current().pid() + " writers=" + WRITERS + " permanent="
                + WRITERS * PERMANENT_PER_WRITER + " window=" + WRITERS * WINDOW);
        out.flush();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            Thread thread = new Thread(() -> write(writer), "serve-writer-" + w);
            thread.setDaemon(true);
            thread.start();
        }
        for (long tick = 1; ; tick++) {
            Thread.sleep(TICK_MILLIS); // pacing of the checks, not synchronization: the checkpoint is a latch
            check(tick);
        }
    }

    private void write(int writer) {
        while (true) {
            try {
                CountDownLatch stop = parked;
                if (stop != null) {
                    CountDownLatch go = resume;
                    stop.countDown();
                    go.await();
                    continue;
                }
                long index = next[writer];
                int key = churnKey(writer, index);
                LiveMemo.lookup(key);
                sessions.put(session(key), key);
                if (index >= WINDOW) {
                    int oldest = churnKey(writer, index - WINDOW);
                    LiveMemo.forget(oldest);
                    sessions.remove(session(oldest));
                }
                next[writer] = index + 1; // read by the checker only at a checkpoint (latch: happens-before)
            } catch (InterruptedException e) {
                return;
            } catch (Throwable t) {
                writerFailure.compareAndSet(null, t);
            }
        }
    }

    private void check(long tick) throws InterruptedException {
        resume = new CountDownLatch(1);
        CountDownLatch stop = new CountDownLatch(WRITERS);
        parked = stop;
        boolean quiet = stop.await(5, TimeUnit.SECONDS);
        try {
            String state = " memo=" + LiveMemo.mapType() + " sessions=" + sessions.mapType();
            String swap = swaps();
            String problem = quiet ? problem() : "writers did not reach the checkpoint in 5 s (stuck in a map?)";
            if (swap != null) {
                out.println("SWAP " + tick + " " + swap + (problem == null ? " sound at the swap"
                        : " damaged before the swap: " + problem) + state);
                if (problem != null) {
                    fill();
                }
            } else if (problem == null) {
                out.println("CHECK " + tick + " OK memo.size=" + LiveMemo.size() + " sessions.size=" + sessions.size()
                        + state);
            } else {
                out.println("CHECK " + tick + " BROKEN " + problem + state);
                fill();
            }
            out.flush();
        } finally {
            CountDownLatch go = resume;
            parked = null;
            go.countDown();
        }
    }

    /** Maps seen guarded for the first time at this check, or null. */
    private String swaps() {
        StringBuilder swapped = new StringBuilder();
        if (!memoSwapped && !LiveMemo.mapType().equals("java.util.HashMap")) {
            memoSwapped = true;
            swapped.append("memo");
        }
        if (!sessionsSwapped && !sessions.mapType().equals("java.util.HashMap")) {
            sessionsSwapped = true;
            swapped.append(swapped.length() == 0 ? "" : "+").append("sessions");
        }
        return swapped.length() == 0 ? null : swapped.toString();
    }

    /** What is wrong with the maps now that no writer runs, or null. */
    private String problem() {
        Throwable failure = writerFailure.getAndSet(null);
        if (failure != null) {
            return "a writer threw " + failure;
        }
        int expected = 0;
        for (int writer = 0; writer < WRITERS; writer++) {
            for (int i = 0; i < PERMANENT_PER_WRITER; i++) {
                String missing = missing(permanentKey(writer, i), "permanent");
                if (missing != null) {
                    return missing;
                }
            }
            long end = next[writer];
            for (long index = Math.max(0, end - WINDOW); index < end; index++) {
                String missing = missing(churnKey(writer, index), "window");
                if (missing != null) {
                    return missing;
                }
            }
            expected += PERMANENT_PER_WRITER + (int) Math.min(WINDOW, end);
        }
        if (LiveMemo.size() != expected || sessions.size() != expected) {
            return "size() is " + LiveMemo.size() + " (memo) and " + sessions.size() + " (sessions) for " + expected
                    + " entries";
        }
        return null;
    }

    private String missing(int key, String kind) {
        String value = LiveMemo.peek(key);
        if (!LiveMemo.valueOf(key).equals(value)) {
            return kind + " memo entry " + key + " is " + value;
        }
        Integer user = sessions.get(session(key));
        if (user == null || user != key) {
            return kind + " session " + session(key) + " is " + user;
        }
        return null;
    }

    /** Empties both maps and puts every permanent entry back, while no writer runs. */
    private void fill() {
        LiveMemo.clear();
        sessions.clear();
        for (int writer = 0; writer < WRITERS; writer++) {
            next[writer] = 0;
            for (int i = 0; i < PERMANENT_PER_WRITER; i++) {
                int key = permanentKey(writer, i);
                LiveMemo.lookup(key);
                sessions.put(session(key), key);
            }
        }
    }

    private static int permanentKey(int writer, int i) {
        return writer * KEY_SPACE + i;
    }

    /** Churn keys follow the permanent ones in the writer's key space and wrap around before the next writer's. */
    private static int churnKey(int writer, long index) {
        return writer * KEY_SPACE + PERMANENT_PER_WRITER + (int) (index % (KEY_SPACE - PERMANENT_PER_WRITER));
    }

    private static String session(int key) {
        return "s" + key;
    }
}
