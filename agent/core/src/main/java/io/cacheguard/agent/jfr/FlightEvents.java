package io.cacheguard.agent.jfr;

import io.cacheguard.agent.runtime.detector.Race;
import io.cacheguard.agent.status.AgentState;
import java.util.function.Supplier;

/**
 * What the agent publishes to JDK Flight Recorder. An interface that names no {@code jdk.jfr} type,
 * so a JVM whose image lacks the {@code jdk.jfr} module (a jlink image, {@code --limit-modules})
 * gets {@link #NONE} without ever resolving one.
 */
public interface FlightEvents {
    FlightEvents NONE = new FlightEvents() {
        @Override
        public void fieldDecided(FieldDecision decision) {
        }

        @Override
        public void liveMapGuarded(String field, String valueClass, int entries, String how, String staleAliases) {
        }

        @Override
        public void race(Race race) {
        }

        @Override
        public void summarise(Supplier<AgentState> state) {
        }
    };

    /** A field was patched, tracked (mode detect) or skipped. */
    void fieldDecided(FieldDecision decision);

    /** An attach found a raw map live in a patched field and guarded it in place. */
    void liveMapGuarded(String field, String valueClass, int entries, String how, String staleAliases);

    /** A distinct race, once, as the report has it. */
    void race(Race race);

    /** Emits the periodic {@code io.cacheguard.Summary} from {@code state} while a recording runs. */
    void summarise(Supplier<AgentState> state);

    /** The Flight Recorder events if this JVM has {@code jdk.jfr}, else {@link #NONE}. */
    static FlightEvents forThisJvm() {
        if (ModuleLayer.boot().findModule("jdk.jfr").isPresent()) {
            return new JfrFlightEvents(); // only loaded here: it names jdk.jfr types
        }
        return NONE;
    }
}
