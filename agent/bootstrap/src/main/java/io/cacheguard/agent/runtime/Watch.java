package io.cacheguard.agent.runtime;

import io.cacheguard.agent.runtime.detector.RaceListener;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lightweight detector as the agent meets it: on ({@link #configure}) or off, where races go,
 * and each field's {@link WatchedField}. Off, no map is watched. Nothing here throws into the
 * application: a failure switches watching off for new maps and is reported once.
 */
public final class Watch {
    private static volatile RaceListener races;
    private static volatile GuardListener listener = GuardListener.NONE;
    private static final Map<String, WatchedField> FIELDS = new ConcurrentHashMap<>();

    private Watch() {
    }

    /** Switches the lightweight detector on: maps tracked from now on are watched. */
    public static void configure(RaceListener sink, int stackDepth, GuardListener events) {
        Sites.configure(stackDepth);
        listener = events;
        races = sink;
        // before the application's cache code is compiled: see WatchWarmUp for why
        WatchWarmUp.startInBackground();
    }

    public static boolean enabled() {
        return races != null;
    }

    /** The watch of a new tracked map of {@code field}, or null when not watching. */
    static MapWatch of(String field, boolean patched, boolean readsWrite) {
        RaceListener sink = races;
        if (sink == null) {
            return null;
        }
        return new MapWatch(FIELDS.computeIfAbsent(field, label -> new WatchedField(label, patched, sink)), readsWrite);
    }

    static void fail(Throwable t) {
        if (races == null) {
            return;
        }
        races = null;
        try {
            listener.guardFailed("race watching", t);
        } catch (Throwable ignored) {
            // the listener failing must not reach the application either
        }
    }
}
