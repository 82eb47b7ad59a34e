package io.cacheguard.agent.runtime;

import io.cacheguard.agent.runtime.detector.MapShadow;
import io.cacheguard.agent.runtime.detector.RaceDetector;
import io.cacheguard.agent.runtime.detector.RaceListener;
import io.cacheguard.agent.runtime.detector.ReadWriteClocks;
import io.cacheguard.agent.runtime.detector.SiteCapture;
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
 * Configured, it is still not <em>armed</em> until the first access of a tracked map: until then
 * the synchronization hooks return at once too, so a program whose caches are never used pays one
 * field read per hook. That is sound: two accesses are ordered, if at all, by synchronization that
 * comes after the first of them, and all of that is observed once armed. (Arming later, when a
 * second thread touches a map, would not be: the release that ordered the two could be missed.)
 * A thread that started before arming gets its state at its first event after, and is registered
 * then, so that a later {@code join} of it is still seen.
 *
 * <p>Nothing here throws into the application; a failure of the detector switches it off and is
 * reported once.
 */
public final class Detection {
    /** The armed detector, which every hook reads: null until the first access of a tracked map. */
    private static volatile RaceDetector detector;
    /** The configured detector, armed at the first access (or at once, see {@link #ARM_AT_START}). */
    private static volatile RaceDetector configured;
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
    /**
     * A diagnostic: arm at {@link #configure} rather than at the first access, as before lazy arming,
     * so that tests can show both give the same verdicts.
     */
    private static final boolean ARM_AT_START = Boolean.getBoolean("cacheguard.diagnostic.armAtStart");

    private Detection() {
    }

    /** Switches detection on; races go to {@code races}, the detector's own failures to {@code events}. */
    public static void configure(RaceListener races, int stackDepth, GuardListener events) {
        Sites.configure(stackDepth);
        listener = events;
        configured = new RaceDetector(races);
        if (ARM_AT_START) {
            detector = configured;
        }
    }

    /** Whether the detector is configured: tracked maps are made for it (armed or not yet). */
    public static boolean enabled() {
        return configured != null;
    }

    /**
     * Whether the detector is armed: until then a synchronization hook has nothing to do, and one
     * that would look its lock up first (see {@code LockSides}) returns before that.
     */
    static boolean armed() {
        return detector != null;
    }

    /** The detector, armed now if it was not yet: called by map accesses only. */
    private static RaceDetector arm() {
        RaceDetector d = detector;
        if (d == null) {
            d = configured;
            if (d != null) {
                detector = d; // a racing arm writes the same value; after a failure nothing is written
            }
        }
        return d;
    }

    static void read(Object map, MapShadow shadow, SiteCapture operation) {
        RaceDetector d = arm();
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
        RaceDetector d = arm();
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

    /** The current thread entered {@code monitor} (or woke from a wait on it). */
    @Hook(Hook.Kind.ENTRY)
    public static void enter(Object monitor) {
        observe(ENTER, monitor);
    }

    /** The current thread is about to leave {@code monitor} (or to wait on it), holding it still. */
    @Hook(Hook.Kind.ENTRY)
    public static void exit(Object monitor) {
        observe(EXIT, monitor);
    }

    /** The current thread took the read ({@code read}) or write side of a lock (see {@link LockSides}). */
    static void acquire(ReadWriteClocks lock, boolean read) {
        observe(read ? ACQUIRE_READ : ACQUIRE_WRITE, lock);
    }

    /** The current thread is about to give back the read ({@code read}) or write side of a lock. */
    static void release(ReadWriteClocks lock, boolean read) {
        observe(read ? RELEASE_READ : RELEASE_WRITE, lock);
    }

    /**
     * The current thread released {@code sync}, which many threads release for few acquirers (a
     * latch counted down, an executor a task of which ended), each release ordered before the
     * acquires that see it by {@code sync} itself.
     */
    static void releaseGathered(Object sync) {
        observe(RELEASE_GATHERED, sync);
    }

    /** The current thread acquired what {@link #releaseGathered} released into {@code sync}. */
    static void acquireGathered(Object sync) {
        observe(ACQUIRE_GATHERED, sync);
    }

    /**
     * The current thread acquired {@code sync} (read a volatile, passed a semaphore, ...), or the
     * clock an object keeps itself (a hand-off's, a collection element's: see {@link RaceDetector#acquire}).
     */
    @Hook(Hook.Kind.ENTRY)
    public static void acquire(Object sync) {
        observe(ACQUIRE, sync);
    }

    /** The current thread released {@code sync}, or into a clock an object keeps itself. */
    @Hook(Hook.Kind.ENTRY)
    public static void release(Object sync) {
        observe(RELEASE, sync);
    }

    /** Synchronization events, as {@link #observe} dispatches them to the detector. */
    private static final int ENTER = 0;
    private static final int EXIT = 1;
    private static final int ACQUIRE = 2;
    private static final int RELEASE = 3;
    private static final int ACQUIRE_READ = 4;
    private static final int ACQUIRE_WRITE = 5;
    private static final int RELEASE_READ = 6;
    private static final int RELEASE_WRITE = 7;
    private static final int RELEASE_GATHERED = 8;
    private static final int ACQUIRE_GATHERED = 9;

    /**
     * Every synchronization hook: nothing until armed, then the event for the current thread. Each
     * caller passes a constant event, so the JIT folds the switch away where it inlines this.
     */
    private static void observe(int event, Object sync) {
        RaceDetector d = detector;
        if (d == null || sync == null) {
            return;
        }
        try {
            ThreadState state = state(d);
            if (HOOKS_ONLY) {
                return;
            }
            switch (event) {
                case ENTER: d.enter(state, sync); break;
                case EXIT: d.exit(state, sync); break;
                case ACQUIRE: d.acquire(state, sync); break;
                case RELEASE: d.release(state, sync); break;
                case ACQUIRE_READ: d.acquire(state, (ReadWriteClocks) sync, true); break;
                case ACQUIRE_WRITE: d.acquire(state, (ReadWriteClocks) sync, false); break;
                case RELEASE_READ: d.release(state, (ReadWriteClocks) sync, true); break;
                case RELEASE_WRITE: d.release(state, (ReadWriteClocks) sync, false); break;
                case RELEASE_GATHERED: d.releaseGathered(state, sync); break;
                case ACQUIRE_GATHERED: d.acquireGathered(state, sync); break;
                default: throw new IllegalArgumentException("event " + event);
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
        configured = null;
        try {
            listener.guardFailed("race detection", t);
        } catch (Throwable ignored) {
            // the listener failing must not reach the application either
        }
    }
}
