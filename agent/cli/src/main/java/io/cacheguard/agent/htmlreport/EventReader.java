package io.cacheguard.agent.htmlreport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns one parsed report line into the run it belongs to: a {@code start} opens a run, a field
 * decision, race, error or summary goes into the current one. A line that is JSON but not an event
 * the page can show is refused with the reason, and counted as a bad line.
 */
final class EventReader {
    private final List<Run> runs = new ArrayList<>();
    private Run current;

    /** @throws IllegalArgumentException with what is wrong with the event, to name the line */
    void add(int line, Object parsed) {
        if (!(parsed instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("not a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> event = (Map<String, Object>) parsed;
        if (!(event.get("event") instanceof String name)) {
            throw new IllegalArgumentException("no \"event\" name: not a cacheguard report event");
        }
        if (name.equals("start")) {
            current = new Run(runs.size() + 1, event);
            runs.add(current);
            return;
        }
        Run run = current();
        switch (name) {
            case "patched", "tracked", "safe", "skipped" -> run.add(field(line, name, event));
            case "error" -> run.add(error(line, event));
            case "race" -> run.races.add(race(line, event));
            case "summary" -> {
                run.summary = event;
                run.summaries++;
            }
            case "attach" -> run.notes.add("attach: " + Events.text(event, "outcome") + ": "
                    + Events.text(event, "message"));
            case "live" -> run.notes.add("live map of " + Events.text(event, "field") + " guarded in place ("
                    + Events.text(event, "entries") + " entries kept; " + Events.text(event, "how") + ")");
            default -> run.notes.add("event \"" + name + "\" (line " + line + "), which this version does not show");
        }
    }

    List<Run> runs() {
        return runs;
    }

    private Run current() {
        if (current == null) {
            current = new Run(runs.size() + 1, null);
            runs.add(current);
        }
        return current;
    }

    /**
     * A field decision. The {@code skipped} event of a stored value that cannot be wrapped names
     * the field whole ({@code field}: {@code Class.field}) and has a {@code message} instead of reasons.
     */
    private static FieldEvent field(int line, String name, Map<String, Object> event) {
        if (!event.containsKey("class")) {
            return new FieldEvent(line, name, Events.text(event, "field"), Events.text(event, "valueClass"),
                    List.of(Events.text(event, "message")), 1);
        }
        List<String> reasons = new ArrayList<>();
        if (event.get("reasons") instanceof List<?> list) {
            for (Object reason : list) {
                if (reason instanceof Map<?, ?> map && map.get("message") instanceof String message) {
                    reasons.add(message);
                }
            }
        }
        return new FieldEvent(line, name, Events.text(event, "class") + "." + Events.text(event, "field"),
                Events.text(event, "declaredType"), reasons, 1);
    }

    private static FieldEvent error(int line, Map<String, Object> event) {
        String subject = event.containsKey("class") ? Events.text(event, "class") : Events.text(event, "field");
        return new FieldEvent(line, "error", subject, null, List.of(Events.text(event, "message")), 1);
    }

    private static RaceEvent race(int line, Map<String, Object> event) {
        if (!(event.get("class") instanceof String owner) || !(event.get("field") instanceof String field)) {
            throw new IllegalArgumentException("a race event without its class and field");
        }
        return new RaceEvent(line, Events.text(event, "kind"),
                event.containsKey("detector") ? Events.text(event, "detector") : "not recorded",
                owner.isEmpty() ? field : owner + "." + field,
                Events.text(event, "map"), Boolean.TRUE.equals(event.get("patched")),
                access(event, "earlier"), access(event, "later"));
    }

    private static Access access(Map<String, Object> event, String side) {
        if (!(event.get(side) instanceof Map<?, ?> raw) || !(raw.get("stack") instanceof List<?>)) {
            throw new IllegalArgumentException("a race event without the stack of its " + side + " access");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> access = (Map<String, Object>) raw;
        return new Access(Events.text(access, "thread"), Events.text(access, "threadId"),
                Events.text(access, "operation"), Events.strings(access.get("stack")));
    }
}
