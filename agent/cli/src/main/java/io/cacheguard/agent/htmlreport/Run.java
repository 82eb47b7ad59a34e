package io.cacheguard.agent.htmlreport;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One agent run in the report: a {@code start} event and the events after it up to the next
 * {@code start}. A report is appended to, so a file may hold many runs; the events before the first
 * {@code start} (a file whose head was cut off) make a run without one.
 */
final class Run {
    final int number;
    /** The {@code start} event, or null when the events came before any. */
    final Map<String, Object> start;
    final List<FieldEvent> fields = new ArrayList<>();
    final List<RaceEvent> races = new ArrayList<>();
    /** Other events in one line each ({@code attach}, {@code live}, events this version does not know). */
    final List<String> notes = new ArrayList<>();
    /** The last {@code summary} event, or null if the JVM never wrote one (killed, or still running). */
    Map<String, Object> summary;
    int summaries;
    private final Map<String, Integer> fieldIndex = new LinkedHashMap<>();

    Run(int number, Map<String, Object> start) {
        this.number = number;
        this.start = start;
    }

    void add(FieldEvent field) {
        String key = field.event() + ' ' + field.subject() + ' ' + field.reasons();
        Integer index = fieldIndex.get(key);
        if (index == null) {
            fieldIndex.put(key, fields.size());
            fields.add(field);
        } else {
            fields.set(index, fields.get(index).withOneMoreLoader());
        }
    }

    /** {@code pid 4242, Java 17.0.15, mode both, started 2026-12-07T03:50:01Z}, as far as the start event says. */
    String title() {
        if (start == null) {
            return "events before any start event (the head of the file is missing)";
        }
        StringBuilder title = new StringBuilder("pid ").append(Events.text(start, "pid"))
                .append(", Java ").append(Events.text(start, "java"))
                .append(", mode ").append(Events.text(start, "mode"));
        if (start.containsKey("detector")) {
            title.append(", detector ").append(Events.text(start, "detector"));
        }
        long time = Events.count(start, "time");
        if (time >= 0) {
            title.append(", started ").append(Instant.ofEpochMilli(time));
        }
        if (Boolean.TRUE.equals(start.get("attached"))) {
            title.append(", attached");
        }
        return title.toString();
    }

    /** The options the agent ran with, as its start line says them. */
    String options() {
        return start == null ? "" : Events.text(start, "options");
    }

    /** Why the counts may not be final, or null when the run ended with one summary. */
    String summaryNote() {
        if (summaries == 0) {
            return "no summary event: the JVM did not exit normally (killed) or is still running;"
                    + " the counts are those of the events it wrote";
        }
        if (summaries > 1) {
            return summaries + " summary events: several JVMs wrote this file at the same time, so their"
                    + " events are mixed here; give each JVM its own file (report=DIR/ or %p)";
        }
        return null;
    }

    long count(String verdict) {
        if (summary != null) {
            return Math.max(0, Events.count(summary, verdict));
        }
        long count = fields.stream().filter(field -> field.event().equals(verdict)).mapToLong(FieldEvent::loaders).sum();
        if (verdict.equals("tracked") && start != null && "both".equals(start.get("mode"))
                && !"off".equals(start.get("detector"))) {
            count += count("patched"); // mode=both tracks what it patches (unless detector=off), and reports it as patched
        }
        return count;
    }

    long errors() {
        if (summary != null) {
            return Math.max(0, Events.count(summary, "errors"));
        }
        return fields.stream().filter(field -> field.event().equals("error")).mapToLong(FieldEvent::loaders).sum();
    }

    long distinctRaces() {
        long reported = summary == null ? -1 : Events.count(summary, "distinctRaces");
        return reported >= 0 ? reported : races.size();
    }

    /** Races in all, repeats included, from the summary; -1 without one. */
    long racesInAll() {
        if (summary == null) {
            return -1;
        }
        return racesPerField().values().stream().mapToLong(Long::longValue).sum();
    }

    /** Per field, the races in all the summary counted; empty without a summary. */
    Map<String, Long> racesPerField() {
        Map<String, Long> counts = new TreeMap<>();
        if (summary != null && summary.get("races") instanceof Map<?, ?> races) {
            for (Map.Entry<?, ?> entry : races.entrySet()) {
                if (entry.getValue() instanceof Long count) {
                    counts.put(String.valueOf(entry.getKey()), count);
                }
            }
        }
        return counts;
    }

    /** Every field with a race: those of the race events and those the summary counted. */
    Map<String, FieldRaces> raceFields() {
        Map<String, FieldRaces> fields = new TreeMap<>();
        for (RaceEvent race : races) {
            fields.computeIfAbsent(race.field(), FieldRaces::new).distinct++;
        }
        racesPerField().forEach((field, count) -> fields.computeIfAbsent(field, FieldRaces::new).inAll = count);
        if (summary != null && summary.get("sampledRaceCounts") instanceof List<?> sampled) {
            for (Object field : sampled) {
                FieldRaces races = fields.get(String.valueOf(field));
                if (races != null) {
                    races.sampled = true;
                }
            }
        }
        return fields;
    }

    /** The races of one field: distinct ones in the file, and in all as the summary counted them. */
    static final class FieldRaces {
        final String field;
        int distinct;
        /** -1 without a summary. */
        long inAll = -1;
        /** The count is a lower bound: the field's accesses were sampled once it was hot. */
        boolean sampled;

        FieldRaces(String field) {
            this.field = field;
        }
    }
}
