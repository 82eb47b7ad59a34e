package io.cacheguard.agent;

import io.cacheguard.agent.config.AgentOptions;
import io.cacheguard.agent.report.RaceReporter;
import io.cacheguard.agent.runtime.BoundedFields;
import io.cacheguard.agent.runtime.BoundedMapCounts;
import io.cacheguard.agent.status.AgentState;
import io.cacheguard.agent.status.BoundedCounts;
import io.cacheguard.agent.status.FieldState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;

/** Builds the {@link AgentState} of a session at this moment. */
final class AgentStateView {
    private AgentStateView() {
    }

    static AgentState of(AgentSession session, FieldStates decisions) {
        AgentOptions options = session.options;
        RaceReporter races = session.races;
        Map<String, Long> counts = races == null ? Map.of() : races.countsPerField();
        Map<String, BoundedMapCounts> bounded = BoundedFields.all();
        Map<String, FieldState> fields = new TreeMap<>();
        decisions.all().forEach((field, decision) -> {
            String bounds = bounds(options, field);
            fields.put(field, new FieldState(field, decision.verdict(), decision.at(), bounds,
                    counts.getOrDefault(field, 0L), maps(bounded, field, decision.verdict(), bounds)));
        });
        counts.forEach((field, count) -> fields.putIfAbsent(field, new FieldState(field, "raced", "-",
                bounds(options, field), count)));
        Path report = session.report.path();
        return new AgentState(CacheguardVersion.get(), options.mode().label(), detector(options),
                session.attachedAtStart ? "attach" : "javaagent", options.describe(),
                report == null ? "none" : report.toString(), new ArrayList<>(fields.values()),
                races == null ? 0 : races.distinct(), races == null ? 0 : races.suppressed(),
                System.currentTimeMillis());
    }

    /** The detector that runs: {@code watch}, {@code hb}, or {@code off} when none does. */
    static String detector(AgentOptions options) {
        return options.detector().label();
    }

    /**
     * What the field's bounded maps hold and dropped; zeros for a patched field with bounds and no map
     * yet. Only a patched field's maps have bounds: a tracked or skipped field keeps the program's own.
     */
    private static BoundedCounts maps(Map<String, BoundedMapCounts> bounded, String field, String verdict, String bounds) {
        BoundedMapCounts counts = bounded.get(field);
        if (counts != null) {
            return new BoundedCounts(counts.entries(), counts.evictions(), counts.expiries());
        }
        return verdict.equals("patched") && !bounds.isEmpty() ? BoundedCounts.NONE_YET : BoundedCounts.NOT_COUNTED;
    }

    private static String bounds(AgentOptions options, String field) {
        return options.fieldBounds().getOrDefault(field, options.defaultBounds());
    }
}
