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
    }

    public static boolean enabled() {
        return races != null;
    }

    /** The watch of a new tracked map of {@code field}, or null when not watching. */
    static MapWatch of(String field, boolean patched, boolean readsWrite) {
        if (races == null) {
            return null;
        }
        return new MapWatch(FIELDS.computeIfAbsent(field, label -> new WatchedField(label, patched)), readsWrite);
    }

    static void race(io.cacheguard.agent.runtime.detector.Race race) {
        RaceListener sink = races;
        if (sink != null) {
            sink.race(race);
        }
    }

    static void counted(String field, boolean patched) {
        RaceListener sink = races;
        if (sink != null) {
            sink.counted(field, patched);
        }
    }

    static void sampled(String field) {
        RaceListener sink = races;
        if (sink != null) {
            sink.sampled(field);
        }
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
