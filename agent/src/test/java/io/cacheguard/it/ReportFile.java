package io.cacheguard.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The agent's JSON Lines report as the tests read it: events by name, patched fields by Class.field. */
final class ReportFile {
    private static final Pattern EVENT = Pattern.compile("^\\{\"event\":\"([a-z-]+)\"");
    private static final Pattern CLASS = Pattern.compile("\"class\":\"([^\"]+)\"");
    private static final Pattern FIELD = Pattern.compile("\"field\":\"([^\"]+)\"");

    final List<String> lines;

    private ReportFile(List<String> lines) {
        this.lines = lines;
    }

    static ReportFile read(Path path) throws IOException {
        return new ReportFile(Files.readAllLines(path, StandardCharsets.UTF_8));
    }

    List<String> events(String name) {
        return lines.stream().filter(line -> name.equals(event(line))).collect(Collectors.toList());
    }

    static String event(String line) {
        Matcher m = EVENT.matcher(line);
        return m.find() ? m.group(1) : null;
    }

    /** Class.field of every {@code patched} event. */
    Set<String> patchedFields() {
        Set<String> fields = new TreeSet<>();
        for (String line : events("patched")) {
            Matcher c = CLASS.matcher(line);
            Matcher f = FIELD.matcher(line);
            if (c.find() && f.find()) {
                fields.add(c.group(1) + "." + f.group(1));
            }
        }
        return fields;
    }
}
