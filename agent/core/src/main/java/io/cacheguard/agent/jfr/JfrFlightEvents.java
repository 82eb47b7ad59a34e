package io.cacheguard.agent.jfr;

import io.cacheguard.agent.runtime.detector.Race;
import io.cacheguard.agent.runtime.detector.Site;
import io.cacheguard.agent.status.AgentState;
import io.cacheguard.agent.status.BoundedCounts;
import io.cacheguard.agent.status.FieldState;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.Supplier;
import jdk.jfr.Event;
import jdk.jfr.FlightRecorder;
import jdk.jfr.FlightRecorderListener;

/**
 * The events as {@code jdk.jfr} events, registered with Flight Recorder only once it is initialised
 * (a recording started, at launch or later): an event class registered when it is first used makes
 * JFR build its whole metadata repository right then, on the thread loading the application's first
 * class with a map field, some 300 ms of CPU in every JVM the agent runs in, and heats the JDK's
 * internal ASM (used to spin lambda forms and annotation proxies for it) until C2 compiles its
 * {@code Frame.execute}: 445 ms of a C2 thread in the middle of a short application's run (measured
 * on bench/MemoLookups with -XX:+LogCompilation). Until a recording exists nothing could record an
 * event anyway; once one does, the first emit registers them all. Without a recording each emit
 * reads two flags.
 */
final class JfrFlightEvents implements FlightEvents {
    private static final List<Class<? extends Event>> EVENTS = List.of(FieldPatchedEvent.class,
            FieldSkippedEvent.class, LiveMapGuardedEvent.class, RaceEvent.class, SummaryEvent.class);
    private static volatile boolean registered;

    /**
     * Whether events can be recorded: Flight Recorder is initialised (a recording was started), and
     * then ours are registered, once. {@code FlightRecorder.isInitialized()} reads a flag and
     * initialises nothing.
     */
    private static boolean recordable() {
        if (registered) {
            return true;
        }
        if (!FlightRecorder.isInitialized()) {
            return false;
        }
        register();
        return true;
    }

    private static synchronized void register() {
        if (registered) {
            return;
        }
        try {
            for (Class<? extends Event> event : EVENTS) {
                FlightRecorder.register(event);
            }
        } catch (RuntimeException | Error e) {
            // refused (a security manager): the events stay disabled, isEnabled() answers false
        }
        registered = true;
    }

    @Override
    public void fieldDecided(FieldDecision decision) {
        if (!recordable()) {
            return;
        }
        if (decision.skipped()) {
            FieldSkippedEvent event = new FieldSkippedEvent();
            if (event.isEnabled()) {
                event.className = decision.className();
                event.fieldName = decision.fieldName();
                event.reason = decision.reason();
                event.declaredType = decision.declaredType();
                event.seenAt = at(decision);
                event.commit();
            }
            return;
        }
        FieldPatchedEvent event = new FieldPatchedEvent();
        if (event.isEnabled()) {
            event.className = decision.className();
            event.fieldName = decision.fieldName();
            event.verdict = decision.verdict();
            event.reason = decision.reason();
            event.declaredType = decision.declaredType();
            event.mapTypeBefore = decision.typeBefore();
            event.mapTypeAfter = decision.typeAfter();
            event.patchedAt = at(decision);
            event.commit();
        }
    }

    private static String at(FieldDecision decision) {
        return decision.live() ? "live" : "load";
    }

    @Override
    public void liveMapGuarded(String field, String valueClass, int entries, String how, String staleAliases) {
        if (!recordable()) {
            return;
        }
        LiveMapGuardedEvent event = new LiveMapGuardedEvent();
        if (event.isEnabled()) {
            event.field = field;
            event.mapClass = valueClass;
            event.entries = entries;
            event.how = how;
            event.staleAliases = staleAliases;
            event.commit();
        }
    }

    @Override
    public void race(Race race) {
        if (!recordable()) {
            return;
        }
        RaceEvent event = new RaceEvent();
        if (event.isEnabled()) {
            event.field = race.map();
            event.kind = race.kind().label();
            event.detector = race.detector().label();
            event.patched = race.patched();
            event.map = "@" + Integer.toHexString(race.mapIdentity());
            event.laterThread = thread(race.later());
            event.laterOperation = race.later().operation();
            event.laterStack = stack(race.later());
            event.earlierThread = thread(race.earlier());
            event.earlierOperation = race.earlier().operation();
            event.earlierStack = stack(race.earlier());
            event.commit();
        }
    }

    private static String thread(Site site) {
        return site.threadName() + " (id " + site.threadId() + ")";
    }

    private static String stack(Site site) {
        StringJoiner frames = new StringJoiner("\n");
        for (StackTraceElement frame : site.stack()) {
            frames.add("at " + frame);
        }
        return frames.toString();
    }

    /**
     * Registers our events and the periodic Summary once Flight Recorder initialises, which happens
     * when the first recording starts ({@code -XX:StartFlightRecording}, {@code jcmd JFR.start}); not
     * before, for the reason in the class comment. The listener alone costs some 15 ms on JDK 17, so
     * it is added off the start-up path, by a short-lived daemon thread. A recording started before
     * that still gets the Summary: the listener is then told at once.
     */
    @Override
    public void summarise(Supplier<AgentState> state) {
        Thread registrar = new Thread(() -> {
            try {
                FlightRecorder.addListener(new FlightRecorderListener() {
                    @Override
                    public void recorderInitialized(FlightRecorder recorder) {
                        register();
                        FlightRecorder.addPeriodicEvent(SummaryEvent.class, () -> emitSummary(state.get()));
                    }
                });
            } catch (RuntimeException | Error e) {
                // JFR unavailable or refused (a security manager): the other events still go out
            }
        }, "cacheguard-jfr-summary");
        registrar.setDaemon(true);
        registrar.start();
    }

    private static void emitSummary(AgentState state) {
        SummaryEvent event = new SummaryEvent();
        if (!event.isEnabled()) {
            return;
        }
        event.mode = state.mode();
        event.detector = state.detector();
        event.patchedFields = state.count("patched");
        event.trackedFields = state.count("tracked");
        event.skippedFields = state.count("skipped");
        event.livePatchedFields = state.fields().stream()
                .filter(field -> field.patchedAt().equals("live") && !field.verdict().equals("skipped")).count();
        event.distinctRaces = state.distinctRaces();
        event.races = state.totalRaces();
        event.suppressedRaces = state.suppressedRaces();
        StringJoiner perField = new StringJoiner(", ");
        for (FieldState field : state.fields()) {
            if (field.races() > 0) {
                perField.add(field.field() + "=" + field.races());
            }
        }
        event.racesPerField = perField.toString();
        event.evictions = state.evictions();
        event.expiries = state.expiries();
        StringJoiner bounded = new StringJoiner(", ");
        for (FieldState field : state.fields()) {
            BoundedCounts maps = field.maps();
            if (maps.counted()) {
                bounded.add(field.field() + "=" + maps.entries() + " entries/" + maps.evictions() + " evicted/"
                        + maps.expiries() + " expired");
            }
        }
        event.boundedPerField = bounded.toString();
        event.commit();
    }
}
