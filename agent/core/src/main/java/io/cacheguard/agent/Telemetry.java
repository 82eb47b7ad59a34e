package io.cacheguard.agent;

import io.cacheguard.agent.analysis.FieldReport;
import io.cacheguard.agent.config.Detector;
import io.cacheguard.agent.jfr.FieldDecision;
import io.cacheguard.agent.jfr.FlightEvents;
import io.cacheguard.agent.jmx.AgentBeans;
import io.cacheguard.agent.report.RaceReporter;
import io.cacheguard.agent.runtime.BoundedFields;
import io.cacheguard.agent.runtime.BoundedMapCounts;
import io.cacheguard.agent.runtime.detector.Race;
import io.cacheguard.agent.status.AgentState;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the field-debugging tools see of the agent: the Flight Recorder events, the state published
 * for {@code status} (a system property) and the JMX beans. The log and the report hear of each
 * event through their own reporters; this hears of the same events from them.
 *
 * <p>The state is republished at most once per {@link #DELAY_MILLIS} after a change, trailing (the
 * last change always gets out): race counts change on every repeat, and building the state after
 * each of ten thousand field decisions made a start-up quadratic ({@code SharedReportIT}). The start
 * and the end of an attach publish at once ({@link AgentStatus}), so {@code status} right after an
 * attach shows what it patched.
 *
 * <p>Bounded maps evict and expire without telling anyone (a call out of the map on each eviction
 * would cost every writer), so while bounds are set the state is looked at once per
 * {@link #DELAY_MILLIS} and republished when what the bounded maps hold or dropped has changed.
 */
final class Telemetry implements RaceReporter.Watcher {
    static final long DELAY_MILLIS = 1000;
    /** Runs the delayed publication on the JDK's delay thread itself, never in the host's common pool. */
    private static final Executor LATER = CompletableFuture.delayedExecutor(DELAY_MILLIS, TimeUnit.MILLISECONDS,
            Runnable::run);

    private final FieldStates fields = new FieldStates();
    private final FlightEvents flight = FlightEvents.forThisJvm();
    private final AtomicBoolean pending = new AtomicBoolean();
    private final AtomicBoolean followingBoundedMaps = new AtomicBoolean();
    /** What the bounded maps held and dropped when last published; only the following thread uses it. */
    private long boundedPublished;
    /** The thread retransforming the classes already loaded at an attach: its decisions are {@code live}. */
    private volatile Thread retransforming;
    private volatile AgentSession session;
    private volatile AgentBeans beans;

    /** Once the session exists: publishes the state and arranges the Summary event and the JMX beans. */
    void start(AgentSession started) {
        session = started;
        beans = new AgentBeans(this::state, started.log::error);
        publish();
        followBoundedMapsIfBounded();
        flight.summarise(this::state);
        beans.registerWhenServerExists(started.instrumentation);
    }

    void retransforming(boolean on) {
        retransforming = on ? Thread.currentThread() : null;
    }

    void fieldDecided(FieldReport field, String verdict) {
        boolean live = Thread.currentThread() == retransforming;
        fields.decided(field.qualifiedName(), verdict, live);
        boolean skipped = verdict.equals("skipped");
        flight.fieldDecided(new FieldDecision(field.className(), field.fieldName(), verdict,
                field.reasons().isEmpty() ? "" : field.reasons().get(0).message(), field.declaredType(),
                field.assignedTypes().isEmpty() ? field.declaredType() : String.join(", ", field.assignedTypes()),
                skipped ? "" : MapTypeAfter.of(field, tracked(), watchedInside() && !live), live));
        publishSoon();
    }

    /** Whether a race detector watches patched maps too: they are then tracked maps around the guard. */
    private boolean tracked() {
        AgentSession current = session;
        return current != null && current.options.mode().detects() && current.options.detects();
    }

    /**
     * Whether that detector is the watch, which a guarded {@code HashMap} carries itself (a map
     * guarded live, by attach, is guarded in place and wrapped, whatever the detector).
     */
    private boolean watchedInside() {
        AgentSession current = session;
        return current != null && current.options.detector() == Detector.WATCH;
    }

    void liveMapGuarded(String field, String valueClass, int entries, String how, String staleAliases) {
        flight.liveMapGuarded(field, valueClass, entries, how, staleAliases);
    }

    @Override
    public void first(Race race) {
        flight.race(race);
        publishSoon();
    }

    @Override
    public void counted() {
        publishSoon();
    }

    /** Starts following the bounded maps once bounds are set: at start, or when an attach sets them. */
    private void followBoundedMapsIfBounded() {
        AgentSession current = session;
        if (current != null && (!current.options.defaultBounds().isEmpty() || !current.options.fieldBounds().isEmpty())
                && followingBoundedMaps.compareAndSet(false, true)) {
            LATER.execute(this::followBoundedMaps);
        }
    }

    private void followBoundedMaps() {
        try {
            long now = 1;
            for (BoundedMapCounts counts : BoundedFields.all().values()) {
                now = 31 * (31 * (31 * now + counts.entries()) + counts.evictions()) + counts.expiries();
            }
            if (now != boundedPublished) {
                boundedPublished = now;
                publish();
            }
        } catch (RuntimeException e) {
            // never on the JDK's delay thread; the next look tries again
        } finally {
            LATER.execute(this::followBoundedMaps);
        }
    }

    private void publishSoon() {
        if (!pending.get() && pending.compareAndSet(false, true)) {
            LATER.execute(() -> {
                pending.set(false);
                publish();
            });
        }
    }

    /** The state now; before the session exists (decisions during start-up) there is none to show yet. */
    AgentState state() {
        return AgentStateView.of(session, fields);
    }

    /**
     * Republishes the state: also after an attach changed the options. Synchronized, so that a
     * state built earlier is never set over one built later by another thread.
     */
    synchronized void publish() {
        AgentSession current = session;
        if (current == null) {
            return; // start() publishes everything decided before it
        }
        followBoundedMapsIfBounded();
        try {
            AgentState now = state();
            System.setProperty(AgentState.PROPERTY, now.toText());
            AgentBeans registered = beans;
            if (registered != null) {
                registered.refresh(now);
            }
        } catch (RuntimeException e) {
            // a security manager may refuse the property: status then cannot tell, the agent works the same
        }
    }
}
