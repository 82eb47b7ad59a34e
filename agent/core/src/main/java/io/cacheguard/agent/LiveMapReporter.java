package io.cacheguard.agent;

import io.cacheguard.agent.report.AgentLog;
import io.cacheguard.agent.report.EventReport;
import io.cacheguard.agent.report.Json;
import io.cacheguard.agent.runtime.LiveListener;

/**
 * Reports the maps an attach found live in patched fields and guarded in place: one log line and
 * one {@code live} event per field. Such a map may still have stale aliases, and the user must
 * know which fields those are.
 */
final class LiveMapReporter implements LiveListener {
    static final String STALE_ALIASES = "threads that were inside a method using it at the attach, and references "
            + "to it taken before (locals, other fields, iterators), keep the unguarded map";

    private final AgentLog log;
    private final EventReport report;
    private final Telemetry telemetry;

    LiveMapReporter(AgentLog log, EventReport report, Telemetry telemetry) {
        this.log = log;
        this.report = report;
        this.telemetry = telemetry;
    }

    @Override
    public void guardedInPlace(String field, boolean isStatic, boolean isFinal, String valueClass, int entries,
                               String how) {
        log.info("guarded the live " + valueClass + " of " + field + " in place (" + entries + " entries kept; "
                + how + "); " + STALE_ALIASES);
        report.write(Json.object()
                .put("event", "live")
                .put("time", System.currentTimeMillis())
                .put("field", field)
                .put("static", isStatic)
                .put("final", isFinal)
                .put("valueClass", valueClass)
                .put("entries", entries)
                .put("how", how)
                .put("staleAliases", STALE_ALIASES));
        telemetry.liveMapGuarded(field, valueClass, entries, how, STALE_ALIASES);
    }
}
