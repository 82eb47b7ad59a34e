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
 * It prints one line per check: {@code CHECK <n> OK ...} or {@code CHECK <n> BROKEN memo: <reason>;
 * sessions: <reason> ...} naming each broken map; after a broken check it refills the maps so the next
 * check starts sound. When it first sees a map guarded (its class is no longer
 * {@code java.util.HashMap}) it prints {@code SWAP <n> <map> sound at the swap} or {@code ... damaged
 * before the swap: <reason>} (damage done before the swap cannot be undone by it) instead of judging
 * that map; from then on every one of its entries must stay.
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
            // Each map's class is read once per check: the attach retransforms on its own thread, and
            // a second read could already see a guard the first did not.
            String memoType = LiveMemo.mapType();
            String sessionsType = sessions.mapType();
            String state = " memo=" + memoType + " sessions=" + sessionsType;
            Throwable failure = writerFailure.getAndSet(null);
            String writers = !quiet ? "writers did not reach the checkpoint in 5 s (stuck in a map?)"
                    : failure == null ? null : "a writer threw " + failure;
            String memo = quiet ? memoProblem() : null;
            String session = quiet ? sessionProblem() : null;
            StringBuilder broken = new StringBuilder();
            boolean damaged = false;
            if (!memoSwapped && !memoType.equals("java.util.HashMap")) {
                memoSwapped = true;
                out.println("SWAP " + tick + " memo " + verdict(memo) + state);
                damaged |= memo != null;
            } else if (memo != null) {
                broken.append("memo: ").append(memo);
            }
            if (!sessionsSwapped && !sessionsType.equals("java.util.HashMap")) {
                sessionsSwapped = true;
                out.println("SWAP " + tick + " sessions " + verdict(session) + state);
                damaged |= session != null;
            } else if (session != null) {
                broken.append(broken.length() == 0 ? "" : "; ").append("sessions: ").append(session);
            }
            if (writers != null) {
                broken.append(broken.length() == 0 ? "" : "; ").append("writers: ").append(writers);
            }
            if (broken.length() > 0) {
                out.println("CHECK " + tick + " BROKEN " + broken + state);
            } else if (!damaged) { // a map damaged before its swap was judged on its SWAP line
                out.println("CHECK " + tick + " OK memo.size=" + LiveMemo.size() + " sessions.size=" + sessions.size()
                        + state);
            }
            if (damaged || broken.length() > 0) {
                fill();
            }
            out.flush();
        } finally {
            CountDownLatch go = resume;
            parked = null;
            go.countDown();
        }
    }

    /** Damage found at the first check that sees a map guarded was done before the swap: no guard can undo it. */
    private static String verdict(String problem) {
        return problem == null ? "sound at the swap" : "damaged before the swap: " + problem;
    }

    /** What is wrong with the memo now that no writer runs, or null. */
    private String memoProblem() {
        int expected = 0;
        for (int writer = 0; writer < WRITERS; writer++) {
            for (int key : expectedKeys(writer)) {
                String value = LiveMemo.peek(key);
                if (!LiveMemo.valueOf(key).equals(value)) {
                    return "entry " + key + " is " + value;
                }
            }
            expected += expectedCount(writer);
        }
        return LiveMemo.size() == expected ? null : "size() is " + LiveMemo.size() + " for " + expected + " entries";
    }

    /** What is wrong with the session cache now that no writer runs, or null. */
    private String sessionProblem() {
        int expected = 0;
        for (int writer = 0; writer < WRITERS; writer++) {
            for (int key : expectedKeys(writer)) {
                Integer user = sessions.get(session(key));
                if (user == null || user != key) {
                    return "entry " + session(key) + " is " + user;
                }
            }
            expected += expectedCount(writer);
        }
        return sessions.size() == expected ? null : "size() is " + sessions.size() + " for " + expected + " entries";
    }

    /** The writer's permanent keys and its window, which must all be present at a checkpoint. */
    private int[] expectedKeys(int writer) {
        int[] keys = new int[expectedCount(writer)];
        int n = 0;
        for (int i = 0; i < PERMANENT_PER_WRITER; i++) {
            keys[n++] = permanentKey(writer, i);
        }
        long end = next[writer];
        for (long index = Math.max(0, end - WINDOW); index < end; index++) {
            keys[n++] = churnKey(writer, index);
        }
        return keys;
    }

    private int expectedCount(int writer) {
        return PERMANENT_PER_WRITER + (int) Math.min(WINDOW, next[writer]);
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
