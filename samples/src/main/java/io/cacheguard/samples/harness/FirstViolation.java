package io.cacheguard.samples.harness;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The first broken invariant any thread noticed. Keeping only the first keeps the verdict about the
 * cause: once a map is corrupt, later symptoms are mere consequences. Workers poll {@link #found()}
 * to stop early, which keeps a broken run short.
 */
public final class FirstViolation {

    private final AtomicReference<String> reason = new AtomicReference<>();

    public void report(String what) {
        reason.compareAndSet(null, what);
    }

    /**
     * A correct map never throws from get/put/remove/iteration without concurrent structural change,
     * so any exception the map lets escape (ConcurrentModificationException, ClassCastException from
     * HashMap$Node to TreeNode, NullPointerException in LinkedHashMap's links...) is a violation.
     */
    public void report(Throwable thrown) {
        // Thread and frame first: a long exception message may be cut off in the RESULT line.
        String message = thrown.getMessage() == null ? "" : ": " + thrown.getMessage();
        report("exception " + thrown.getClass().getName() + " in " + Thread.currentThread().getName()
                + whereThrown(thrown) + message);
    }

    public boolean found() {
        return reason.get() != null;
    }

    /** The reason, or null if nothing was found. */
    public String reason() {
        return reason.get();
    }

    private static String whereThrown(Throwable thrown) {
        StackTraceElement[] frames = thrown.getStackTrace();
        return frames.length == 0 ? "" : " at " + StackFrames.compact(frames[0]);
    }
}
