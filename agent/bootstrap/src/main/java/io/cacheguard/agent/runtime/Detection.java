package io.cacheguard.agent.runtime;

import io.cacheguard.agent.runtime.detector.MapShadow;
import io.cacheguard.agent.runtime.detector.RaceDetector;
import io.cacheguard.agent.runtime.detector.RaceListener;
import io.cacheguard.agent.runtime.detector.SiteCapture;
import io.cacheguard.agent.runtime.detector.SyncClock;
import io.cacheguard.agent.runtime.detector.ThreadState;
import io.cacheguard.agent.runtime.detector.VectorClock;
import io.cacheguard.agent.runtime.detector.WeakIdentityMap;

/**
 * The race detector as the instrumented program meets it: tracked maps report their accesses here,
 * and the synchronization hooks their acquires and releases. Each thread's detector state is
 * created on its first event and inherits what its starter had done when it was started from
 * instrumented code.
 *
 * <p>Off until {@link #configure} (mode {@code patch}): then every entry point returns at once.
 * Nothing here throws into the application; a failure of the detector switches it off and is
 * reported once.
 */
public final class Detection {
    private static volatile RaceDetector detector;
    private static volatile GuardListener listener = GuardListener.NONE;
    private static final ThreadLocal<ThreadState> STATE = new ThreadLocal<>();
    /** Each started thread's state, for {@code join}; and what a thread about to start inherits. */
    private static final WeakIdentityMap<ThreadState> THREADS = new WeakIdentityMap<>();
    private static final WeakIdentityMap<VectorClock> STARTING = new WeakIdentityMap<>();
    /**
     * A diagnostic for measuring, never for use: every access and acquire/release reaches this
     * class and finds its thread's state, then the detector does nothing. What a program still pays
     * then is the floor of observing each operation at all (bench/DetectorProcessOverhead).
     * A constant for the JIT, so it costs nothing when off.
     */
    private static final boolean HOOKS_ONLY = Boolean.getBoolean("cacheguard.diagnostic.hooksOnly");

    private Detection() {
    }

    /** Switches detection on; races go to {@code races}, the detector's own failures to {@code events}. */
    public static void configure(RaceListener races, int stackDepth, GuardListener events) {
        Sites.configure(stackDepth);
        listener = events;
        detector = new RaceDetector(races);
    }

    public static boolean enabled() {
        return detector != null;
    }

    static void read(Object map, MapShadow shadow, SiteCapture operation) {
        RaceDetector d = detector;
        if (d == null) {
            return;
        }
        try {
            ThreadState state = state(d);
            if (!HOOKS_ONLY) {
                d.read(state, map, shadow, operation);
            }
        } catch (Throwable t) {
            fail(t);
        }
    }

    static void write(Object map, MapShadow shadow, SiteCapture operation) {
        RaceDetector d = detector;
        if (d == null) {
            return;
        }
        try {
            ThreadState state = state(d);
            if (!HOOKS_ONLY) {
                d.write(state, map, shadow, operation);
            }
        } catch (Throwable t) {
            fail(t);
        }
    }

    /** The current thread acquired {@code sync} (entered a monitor, locked, read a volatile, ...). */
    @Hook(Hook.Kind.ENTRY)
    public static void acquire(Object sync) {
        RaceDetector d = detector;
        if (d == null || sync == null) {
            return;
        }
        try {
            ThreadState state = state(d);
            if (!HOOKS_ONLY) {
                d.acquire(state, sync);
            }
        } catch (Throwable t) {
            fail(t);
        }
    }

    /** The current thread released {@code sync}. */
    @Hook(Hook.Kind.ENTRY)
    public static void release(Object sync) {
        RaceDetector d = detector;
        if (d == null || sync == null) {
            return;
        }
        try {
            ThreadState state = state(d);
            if (!HOOKS_ONLY) {
                d.release(state, sync);
            }
        } catch (Throwable t) {
            fail(t);
        }
    }

    /** {@link #acquire} of an object that keeps its clock itself (a hand-off). */
    static void acquire(SyncClock released) {
        RaceDetector d = detector;
        if (d == null) {
            return;
        }
        try {
            ThreadState state = state(d);
            if (!HOOKS_ONLY) {
                d.acquire(state, released);
            }
        } catch (Throwable t) {
            fail(t);
        }
    }

    /** {@link #release} into a clock its object keeps itself. */
    static void release(SyncClock released) {
        RaceDetector d = detector;
        if (d == null) {
            return;
        }
        try {
            ThreadState state = state(d);
            if (!HOOKS_ONLY) {
                d.release(state, released);
            }
        } catch (Throwable t) {
            fail(t);
        }
    }

    /** The map now in a field that class initialisation or a constructor filled: its history so far is ordered. */
    @Hook(Hook.Kind.ENTRY)
    public static void published(Object map) {
        RaceDetector d = detector;
        if (d != null && map instanceof TrackedMap) {
            d.published(((TrackedMap) map).shadow());
        }
    }

    /** The current thread is about to start {@code thread}. */
    static void starting(Thread thread) {
        RaceDetector d = detector;
        if (d == null) {
            return;
        }
        try {
            VectorClock inherited = d.forkClock(state(d));
            STARTING.put(thread, inherited);
        } catch (Throwable t) {
            fail(t);
        }
    }

    /** The current thread joined {@code thread}, which has ended. */
    static void joined(Thread thread) {
        RaceDetector d = detector;
        if (d == null) {
            return;
        }
        try {
            ThreadState child = THREADS.get(thread);
            if (child != null) {
                d.join(state(d), child);
            }
        } catch (Throwable t) {
            fail(t);
        }
    }

    private static ThreadState state(RaceDetector d) {
        ThreadState state = STATE.get();
        if (state == null) {
            Thread current = Thread.currentThread();
            VectorClock inherited = STARTING.remove(current);
            state = d.newThread(current, inherited);
            STATE.set(state);
            THREADS.put(current, state);
        }
        return state;
    }

    private static void fail(Throwable t) {
        detector = null;
        try {
            listener.guardFailed("race detection", t);
        } catch (Throwable ignored) {
            // the listener failing must not reach the application either
        }
    }
}
