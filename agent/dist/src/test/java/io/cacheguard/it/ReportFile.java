package io.cacheguard.it;

import io.cacheguard.testing.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The agent's JSON Lines report as the tests read it. Every line must parse as exactly one JSON
 * object (a strict parser): a line that does not is a test failure, not something to skip.
 */
final class ReportFile {
    final List<Map<String, Object>> events;

    private ReportFile(List<Map<String, Object>> events) {
        this.events = events;
    }

    static ReportFile read(Path path) throws IOException {
        List<Map<String, Object>> events = new ArrayList<>();
        for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
            events.add(JsonParser.object(JsonParser.parse(line)));
        }
        return new ReportFile(events);
    }

    List<Map<String, Object>> events(String name) {
        List<Map<String, Object>> matching = new ArrayList<>();
        for (Map<String, Object> event : events) {
            if (name.equals(event.get("event"))) {
                matching.add(event);
            }
        }
        return matching;
    }

    /** Class.field of every {@code patched} event. */
    Set<String> patchedFields() {
        Set<String> fields = new TreeSet<>();
        for (Map<String, Object> event : events("patched")) {
            fields.add(event.get("class") + "." + event.get("field"));
        }
        return fields;
    }
}
