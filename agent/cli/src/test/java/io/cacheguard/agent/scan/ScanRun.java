package io.cacheguard.agent.scan;

import io.cacheguard.testing.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One in-process run of {@code cacheguard scan}, with what it printed. */
final class ScanRun {
    final int exitCode;
    final String stdout;
    final String stderr;

    private ScanRun(int exitCode, String stdout, String stderr) {
        this.exitCode = exitCode;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    static ScanRun of(Object... args) {
        List<String> strings = new ArrayList<>();
        for (Object arg : args) {
            strings.add(arg.toString());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ScanCommand.run(strings, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new ScanRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    Map<String, Object> json() {
        return JsonParser.object(JsonParser.parse(stdout));
    }

    /** The JSON report's field object for {@code Class.field}, or an assertion error. */
    Map<String, Object> field(String qualifiedName) {
        for (Object field : JsonParser.array(json().get("fields"))) {
            Map<String, Object> object = JsonParser.object(field);
            if ((object.get("class") + "." + object.get("field")).equals(qualifiedName)) {
                return object;
            }
        }
        throw new AssertionError(qualifiedName + " not in the report:\n" + this);
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout ---\n" + stdout + "--- stderr ---\n" + stderr;
    }
}
