package io.cacheguard.agent.scan;

import io.cacheguard.agent.CacheguardVersion;
import io.cacheguard.agent.analysis.FieldReport;
import io.cacheguard.agent.analysis.Reason;
import io.cacheguard.agent.analysis.Verdict;
import io.cacheguard.agent.report.SarifLog;
import io.cacheguard.agent.report.SourcePath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report for code scanning (GitHub and other SARIF 2.1.0 consumers): one result per field to
 * patch, located at the source line of the access that decided the verdict.
 */
final class SarifReport {
    static final String RULE_ID = "cacheguard/racy-map-field";
    /** GitHub shows a result at a file and line relative to the checkout this base stands for. */
    static final String SOURCE_ROOT = "%SRCROOT%";
    private static final String LEVEL = "warning";

    private SarifReport() {
    }

    static String render(ScanResult result) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("invocations", List.of(invocation(result)));
        List<Object> results = new ArrayList<>();
        for (Finding finding : result.findings) {
            if (finding.report.verdict() == Verdict.PATCH) {
                results.add(result(finding.report));
            }
        }
        run.put("results", results);
        return SarifLog.document(SarifLog.driver(CacheguardVersion.get(), rule()), run);
    }

    private static Map<String, Object> rule() {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("id", RULE_ID);
        rule.put("name", "RacyMapField");
        rule.put("shortDescription", SarifLog.text("Map field changed without the lock its other accesses hold"));
        rule.put("fullDescription", SarifLog.text("A HashMap, LinkedHashMap or WeakHashMap held in a field is changed "
                + "by code that does not hold the one lock every other access to it holds, or escapes to code "
                + "that may change it. Threads that use it at the same time can lose entries, see a wrong size, "
                + "or loop forever inside the map."));
        Map<String, Object> help = new LinkedHashMap<>();
        help.put("text", "Guard every access to the map with one lock, or use a thread-safe map "
                + "(ConcurrentHashMap, or a bounded cache such as Caffeine). Until the code is fixed, running "
                + "with -javaagent:cacheguard-agent.jar swaps the map for a guarded one at class load.");
        help.put("markdown", "Guard **every** access to the map with one lock, or use a thread-safe map "
                + "(`ConcurrentHashMap`, or a bounded cache such as Caffeine). Until the code is fixed, running "
                + "with `-javaagent:cacheguard-agent.jar` swaps the map for a guarded one at class load.");
        rule.put("help", help);
        rule.put("defaultConfiguration", Map.of("level", LEVEL));
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("tags", List.of("concurrency", "correctness", "cache"));
        properties.put("precision", "medium");
        properties.put("problem.severity", LEVEL);
        rule.put("properties", properties);
        return rule;
    }

    /** The scan's own problems, so a consumer can tell an incomplete scan from a clean one. */
    private static Map<String, Object> invocation(ScanResult result) {
        Map<String, Object> invocation = new LinkedHashMap<>();
        invocation.put("executionSuccessful", result.problems.stream()
                .noneMatch(p -> p.kind == ScanProblem.Kind.INPUT));
        List<Object> notifications = new ArrayList<>();
        for (ScanProblem problem : result.problems) {
            Map<String, Object> notification = new LinkedHashMap<>();
            notification.put("level", problem.kind == ScanProblem.Kind.INPUT ? "error" : "warning");
            notification.put("message", SarifLog.text(problem.toString()));
            notifications.add(notification);
        }
        invocation.put("toolExecutionNotifications", notifications);
        return invocation;
    }

    private static Map<String, Object> result(FieldReport report) {
        Reason deciding = deciding(report);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ruleId", RULE_ID);
        result.put("ruleIndex", 0);
        result.put("level", LEVEL);
        result.put("message", SarifLog.text("Racy map field " + report.qualifiedName() + ": " + deciding.message()));
        Map<String, Object> location = new LinkedHashMap<>();
        location.put("physicalLocation", physicalLocation(report, deciding.line()));
        Map<String, Object> logical = new LinkedHashMap<>();
        logical.put("name", report.fieldName());
        logical.put("fullyQualifiedName", report.qualifiedName());
        logical.put("kind", "member");
        location.put("logicalLocations", List.of(logical));
        result.put("locations", List.of(location));
        List<Object> related = new ArrayList<>();
        for (Reason reason : report.reasons()) {
            if (reason != deciding && reason.line() > 0) {
                Map<String, Object> other = new LinkedHashMap<>();
                other.put("id", related.size() + 1);
                other.put("physicalLocation", physicalLocation(report, reason.line()));
                other.put("message", SarifLog.text(reason.message()));
                related.add(other);
            }
        }
        if (!related.isEmpty()) {
            result.put("relatedLocations", related);
        }
        // The field's name, not its line: the alert stays one alert while code above it moves.
        result.put("partialFingerprints", Map.of("cacheguardField/v1", report.qualifiedName()));
        return result;
    }

    /** The first reason that points at a line, else the first reason. */
    private static Reason deciding(FieldReport report) {
        for (Reason reason : report.reasons()) {
            if (reason.line() > 0) {
                return reason;
            }
        }
        return report.reasons().isEmpty() ? Reason.general("written without a consistent lock")
                : report.reasons().get(0);
    }

    /** Without a line number (a class compiled with -g:none), the result points at the file alone. */
    private static Map<String, Object> physicalLocation(FieldReport report, int line) {
        Map<String, Object> artifact = new LinkedHashMap<>();
        artifact.put("uri", SourcePath.of(report));
        artifact.put("uriBaseId", SOURCE_ROOT);
        Map<String, Object> physical = new LinkedHashMap<>();
        physical.put("artifactLocation", artifact);
        if (line > 0) {
            physical.put("region", Map.of("startLine", line));
        }
        return physical;
    }

}
