package io.cacheguard.agent.attach;

import io.cacheguard.agent.report.Json;
import io.cacheguard.agent.status.AgentState;
import io.cacheguard.agent.status.BoundedCounts;
import io.cacheguard.agent.status.FieldState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** An {@link AgentState} as {@code status} prints it: a table for people, one JSON object for scripts. */
final class StatusView {
    private static final String NL = System.lineSeparator();

    private StatusView() {
    }

    static String table(long pid, AgentState state) {
        StringBuilder text = new StringBuilder();
        text.append("cacheguard ").append(state.version()).append(" in JVM ").append(pid).append(" (")
                .append(state.start()).append(')').append(NL);
        Table settings = new Table("mode", state.mode());
        settings.row("detector", state.detector());
        settings.row("options", state.options());
        settings.row("report", state.report());
        settings.row("races", state.distinctRaces() + " distinct, " + state.totalRaces() + " in all"
                + (state.suppressedRaces() > 0 ? ", " + state.suppressedRaces() + " on suppressed fields" : ""));
        settings.row("as of", Instant.ofEpochMilli(state.updatedMillis()).toString());
        text.append(settings.render());
        if (state.fields().isEmpty()) {
            text.append(NL).append("no field patched, tracked or skipped yet").append(NL);
            return text.toString();
        }
        // the columns of bounded maps only when a field has bounds: most runs have none
        boolean bounded = state.fields().stream().anyMatch(field -> field.maps().counted());
        Table fields = bounded
                ? new Table("FIELD", "VERDICT", "AT", "RACES", "BOUNDS", "SIZE", "EVICTED", "EXPIRED")
                : new Table("FIELD", "VERDICT", "AT", "RACES", "BOUNDS");
        for (FieldState field : state.fields()) {
            String[] cells = {field.field(), field.verdict(), field.patchedAt(), Long.toString(field.races()),
                    field.bounds().isEmpty() ? "-" : field.bounds()};
            if (bounded) {
                BoundedCounts maps = field.maps();
                cells = Arrays.copyOf(cells, 8);
                cells[5] = maps.counted() ? Long.toString(maps.entries()) : "-";
                cells[6] = maps.counted() ? Long.toString(maps.evictions()) : "-";
                cells[7] = maps.counted() ? Long.toString(maps.expiries()) : "-";
            }
            fields.row(cells);
        }
        return text.append(NL).append(fields.render()).toString();
    }

    static String json(long pid, AgentState state) {
        List<Json> fields = new ArrayList<>();
        for (FieldState field : state.fields()) {
            Json object = Json.object()
                    .put("field", field.field())
                    .put("verdict", field.verdict())
                    .put("patchedAt", field.patchedAt())
                    .put("bounds", field.bounds())
                    .put("races", field.races());
            BoundedCounts maps = field.maps();
            if (maps.counted()) { // only a field with bounds: unbounded maps neither evict nor expire
                object.put("size", maps.entries()).put("evictions", maps.evictions()).put("expiries", maps.expiries());
            }
            fields.add(object);
        }
        return Json.object()
                .put("pid", pid)
                .put("version", state.version())
                .put("mode", state.mode())
                .put("detector", state.detector())
                .put("start", state.start())
                .put("options", state.options())
                .put("report", state.report())
                .put("distinctRaces", state.distinctRaces())
                .put("races", state.totalRaces())
                .put("suppressedRaces", state.suppressedRaces())
                .put("updated", state.updatedMillis())
                .put("fields", fields)
                + NL;
    }
}
