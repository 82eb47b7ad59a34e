package io.cacheguard.agent.runtime;

import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The agent's races as test code sees them: the seam between the agent, which publishes here every
 * race it reports (repeats included, where the log and the report count a repeat once), and test
 * tooling such as the JUnit extension, which fails the test a race happened in.
 *
 * <p>Boot-loaded, so a test class of any loader meets this one copy; plain strings only, so a
 * listener needs none of the agent's relocated types. With no agent on the JVM this class is not on
 * the boot class path at all: look it up there ({@code Class.forName(name, false, null)}) before
 * touching it.
 */
public final class RaceEvents {
    /** Receives races on the thread that reported them; it must be quick and must not block. */
    public interface Listener {
        /**
         * A race with both accesses known.
         *
         * @param field  the map's field, {@code com.acme.Cache.map}
         * @param kind   {@code write-write} or {@code read-write}
         * @param sites  the race without its threads and map instance: the same text for every
         *               repeat of it at the same two places, which the log reports once
         * @param report the race as the log shows it (headline, both threads, both stacks), lines
         *               separated by {@code \n}, without the log's prefix
         */
        void race(String field, String kind, String sites, String report);

        /**
         * A race on {@code field} counted without its accesses: the map raced so often that only a
         * sample of its races is attributed to stacks.
         */
        default void unattributed(String field) {
        }
    }

    private static final CopyOnWriteArrayList<Listener> LISTENERS = new CopyOnWriteArrayList<>();
    private static volatile boolean detecting;

    private RaceEvents() {
    }

    public static void addListener(Listener listener) {
        LISTENERS.addIfAbsent(listener);
    }

    public static void removeListener(Listener listener) {
        LISTENERS.remove(listener);
    }

    /** Whether the agent detects races in this JVM; with {@code mode=patch} it only patches, and nothing comes here. */
    public static boolean detecting() {
        return detecting;
    }

    /** Called by the agent once it detects races. */
    public static void detectionStarted() {
        detecting = true;
    }

    /** Whether anyone listens: the agent builds a race's text for listeners only then. */
    public static boolean listening() {
        return !LISTENERS.isEmpty();
    }

    /** Called by the agent for every race it reports, on the reporting thread. */
    public static void race(String field, String kind, String sites, String report) {
        for (Listener listener : LISTENERS) {
            try {
                listener.race(field, kind, sites, report);
            } catch (Throwable t) {
                // A listener's failure is its own: it never reaches the racing application thread.
            }
        }
    }

    /** Called by the agent for every race it only counts. */
    public static void unattributed(String field) {
        for (Listener listener : LISTENERS) {
            try {
                listener.unattributed(field);
            } catch (Throwable t) {
                // As in race: never into the application.
            }
        }
    }
}
