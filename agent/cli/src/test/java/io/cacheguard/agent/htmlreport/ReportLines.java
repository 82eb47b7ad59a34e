package io.cacheguard.agent.htmlreport;

import io.cacheguard.agent.report.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Report lines as the agent writes them (its own {@link Json} writer), for the tests to assemble reports from. */
final class ReportLines {
    private ReportLines() {
    }

    static String start(long pid, String mode) {
        return Json.object().put("event", "start").put("time", 1_796_614_629_454L).put("version", "0.1.0-SNAPSHOT")
                .put("pid", pid).put("java", "17.0.15").put("mode", mode)
                .put("detector", switch (mode) {
                    case "both" -> "watch";
                    case "detect" -> "hb";
                    default -> "off";
                }).put("attached", false)
                .put("options", "mode=" + mode + " report=/tmp/r.jsonl").toString();
    }

    static String patched(String owner, String field, String... reasons) {
        return field("patched", owner, field, reasons);
    }

    static String field(String event, String owner, String field, String... reasons) {
        List<Json> list = new java.util.ArrayList<>();
        for (String reason : reasons) {
            list.add(Json.object().put("method", "get(String)").put("line", 47L).put("access", "write")
                    .put("lock", null).put("message", reason));
        }
        return Json.object().put("event", event).put("time", 1L).put("class", owner).put("field", field)
                .put("static", false).put("declaredType", "java.util.Map").put("assignedTypes", List.of("java.util.HashMap"))
                .put("verdict", "patch").put("loader", "app").put("lazyInitStores", List.of()).put("reasons", list)
                .toString();
    }

    static String race(String owner, String field, String kind, String earlierThread, List<String> earlierStack,
                       String laterThread, List<String> laterStack) {
        return Json.object().put("event", "race").put("time", 2L).put("kind", kind).put("detector", "hb")
                .put("class", owner).put("field", field).put("map", "@770609b6").put("patched", true)
                .put("earlier", Map.of("thread", earlierThread, "threadId", 21L, "operation", "remove", "stack", earlierStack))
                .put("later", Map.of("thread", laterThread, "threadId", 20L, "operation", "get", "stack", laterStack))
                .toString();
    }

    static String summary(long patched, Map<String, Long> races, int distinct) {
        return Json.object().put("event", "summary").put("time", 3L).put("patched", patched).put("tracked", patched)
                .put("skipped", 0L).put("safe", 0L).put("classesTransformed", 1L).put("errors", 0L)
                .put("races", races).put("distinctRaces", (long) distinct).put("suppressedRaces", 0L)
                .put("sampledRaceCounts", List.of()).toString();
    }

    /** The lines joined as the agent appends them, each ending with a newline. */
    static String file(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    static RaceReport read(String content) throws IOException {
        return ReportReader.read("r.jsonl", new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
    }

    static RaceReport read(byte[] content) throws IOException {
        return ReportReader.read("r.jsonl", new ByteArrayInputStream(content));
    }
}
