package io.cacheguard.agent.runtime;


/**
 * The monitor waits and thread life: {@code wait} releases and re-takes the monitor, {@code start}
 * orders the new thread after its starter, {@code join} the joiner after the thread.
 *
 * <p>A hook that replaces a call ({@link Hook.Kind#REPLACES_CALL}) takes the receiver first, then
 * the original arguments, makes the call exactly as the program wrote it and answers its result,
 * adding the happens-before edge the call creates. Exceptions of the call reach the program
 * unchanged; the detector's own never do (see {@link Detection}).
 */
public final class ThreadHooks {
    private ThreadHooks() {
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static void wait(Object monitor) throws InterruptedException {
        Detection.exit(monitor);
        try {
            monitor.wait();
        } finally {
            Detection.enter(monitor);
        }
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static void wait(Object monitor, long millis) throws InterruptedException {
        Detection.exit(monitor);
        try {
            monitor.wait(millis);
        } finally {
            Detection.enter(monitor);
        }
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static void wait(Object monitor, long millis, int nanos) throws InterruptedException {
        Detection.exit(monitor);
        try {
            monitor.wait(millis, nanos);
        } finally {
            Detection.enter(monitor);
        }
    }

    /** Before {@code start()} on any receiver: a thread inherits what its starter did. */
    @Hook(Hook.Kind.AROUND_CALL)
    public static void starting(Object receiver) {
        if (receiver instanceof Thread) {
            Detection.starting((Thread) receiver);
        }
    }

    /** After {@code join()} on any receiver. */
    @Hook(Hook.Kind.AROUND_CALL)
    public static void joined(Object receiver) {
        if (receiver instanceof Thread && !((Thread) receiver).isAlive()) {
            Detection.joined((Thread) receiver);
        }
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static void join(Thread thread, long millis) throws InterruptedException {
        thread.join(millis);
        joined(thread);
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static void join(Thread thread, long millis, int nanos) throws InterruptedException {
        thread.join(millis, nanos);
        joined(thread);
    }
}
