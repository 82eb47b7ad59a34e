package io.cacheguard.agent.status;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the agent in a JVM has done so far, as one value: the JMX beans read it, and the agent
 * publishes it as a system property that the {@code status} command reads through the attach API.
 * A property, because reading the target's properties loads nothing into it, while a JMX connection
 * would start the JDK's management agent there.
 *
 * <p>The text form is line based, one key per line, a field per {@code field} line; its first line
 * names the format, so a later version can change it and an older command can tell. What a field's
 * bounded maps hold and dropped is a {@code bounded} line of its own after the field's: a command
 * of the version before ignores it, as it ignores every key it does not know.
 */
public record AgentState(String version, String mode, String detector, String start, String options, String report,
                         List<FieldState> fields, long distinctRaces, long suppressedRaces, long updatedMillis) {
    /** The property the agent publishes this under; not under {@code cacheguard.}, which holds options. */
    public static final String PROPERTY = "io.cacheguard.agent.state";
    private static final String FORMAT = "cacheguard-state 1";
    private static final String NONE = "-";

    public AgentState {
        fields = List.copyOf(fields);
    }

    /** Races on all fields, repeats included. */
    public long totalRaces() {
        return fields.stream().mapToLong(FieldState::races).sum();
    }

    /** Entries the bounded maps of all fields evicted to keep within their maximum sizes. */
    public long evictions() {
        return fields.stream().filter(field -> field.maps().counted()).mapToLong(field -> field.maps().evictions()).sum();
    }

    /** Entries the bounded maps of all fields dropped as expired. */
    public long expiries() {
        return fields.stream().filter(field -> field.maps().counted()).mapToLong(field -> field.maps().expiries()).sum();
    }

    public long count(String verdict) {
        return fields.stream().filter(field -> field.verdict().equals(verdict)).count();
    }

    public String toText() {
        StringBuilder text = new StringBuilder(FORMAT).append('\n');
        line(text, "version", version);
        line(text, "mode", mode);
        line(text, "detector", detector);
        line(text, "start", start);
        line(text, "options", options);
        line(text, "report", report);
        line(text, "races", distinctRaces + " " + suppressedRaces);
        line(text, "updated", Long.toString(updatedMillis));
        for (FieldState field : fields) {
            // field names and verdicts never hold spaces; the bounds spec is last, so it may
            line(text, "field", field.field() + ' ' + field.verdict() + ' ' + field.patchedAt() + ' ' + field.races()
                    + ' ' + (field.bounds().isEmpty() ? NONE : field.bounds()));
            BoundedCounts maps = field.maps();
            if (maps.counted()) {
                line(text, "bounded", field.field() + ' ' + maps.entries() + ' ' + maps.evictions() + ' ' + maps.expiries());
            }
        }
        return text.toString();
    }

    /** @throws IllegalArgumentException if the text is not this format (another version's agent) */
    public static AgentState parse(String text) {
        String[] lines = text.split("\n");
        if (lines.length == 0 || !lines[0].equals(FORMAT)) {
            throw new IllegalArgumentException("not a " + FORMAT + " text: " + (lines.length == 0 ? "" : lines[0]));
        }
        String version = "";
        String mode = "";
        String detector = "";
        String start = "";
        String options = "";
        String report = "";
        long distinct = 0;
        long suppressed = 0;
        long updated = 0;
        List<FieldState> fields = new ArrayList<>();
        Map<String, BoundedCounts> bounded = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            int space = line.indexOf(' ');
            String key = space < 0 ? line : line.substring(0, space);
            String value = space < 0 ? "" : line.substring(space + 1);
            switch (key) {
                case "version" -> version = value;
                case "mode" -> mode = value;
                case "detector" -> detector = value;
                case "start" -> start = value;
                case "options" -> options = value;
                case "report" -> report = value;
                case "races" -> {
                    String[] counts = value.split(" ");
                    distinct = Long.parseLong(counts[0]);
                    suppressed = Long.parseLong(counts[1]);
                }
                case "updated" -> updated = Long.parseLong(value);
                case "bounded" -> {
                    String[] parts = value.split(" ");
                    bounded.put(parts[0], new BoundedCounts(Long.parseLong(parts[1]), Long.parseLong(parts[2]),
                            Long.parseLong(parts[3])));
                }
                case "field" -> {
                    String[] parts = value.split(" ", 5);
                    fields.add(new FieldState(parts[0], parts[1], parts[2], parts[4].equals(NONE) ? "" : parts[4],
                            Long.parseLong(parts[3])));
                }
                default -> {
                    // a key a later version added: ignored
                }
            }
        }
        fields.replaceAll(field -> bounded.containsKey(field.field())
                ? new FieldState(field.field(), field.verdict(), field.patchedAt(), field.bounds(), field.races(),
                        bounded.get(field.field()))
                : field);
        return new AgentState(version, mode, detector, start, options, report, fields, distinct, suppressed, updated);
    }

    private static void line(StringBuilder text, String key, String value) {
        // a value never spans lines: an option value with a line break would forge a key
        text.append(key).append(' ').append(value == null ? "" : value.replace('\n', ' ').replace('\r', ' '))
                .append('\n');
    }
}
