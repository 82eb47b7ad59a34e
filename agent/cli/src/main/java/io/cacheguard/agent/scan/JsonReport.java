package io.cacheguard.agent.scan;

import io.cacheguard.agent.report.JsonWriter;
import io.cacheguard.agent.CacheguardVersion;
import io.cacheguard.agent.analysis.FieldReport;
import io.cacheguard.agent.analysis.Reason;
import io.cacheguard.agent.analysis.Verdict;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report for scripts, in the schema the README documents: stable keys, a value or null for
 * every key, so a consumer never has to ask whether a key exists.
 */
final class JsonReport {
    private JsonReport() {
    }

    static String render(ScanResult result) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("tool", "cacheguard");
        root.put("version", CacheguardVersion.get());
        List<Object> fields = new ArrayList<>();
        for (Finding finding : result.findings) {
            fields.add(field(finding));
        }
        root.put("fields", fields);
        List<Object> errors = new ArrayList<>();
        for (ScanProblem problem : result.problems) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("input", problem.input);
            error.put("kind", problem.kind.label());
            error.put("message", problem.message);
            errors.add(error);
        }
        root.put("errors", errors);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("patch", result.count(Verdict.PATCH));
        summary.put("safe", result.count(Verdict.SAFE));
        summary.put("skip", result.count(Verdict.SKIP));
        summary.put("fields", result.findings.size());
        summary.put("classesScanned", result.classesScanned);
        summary.put("classesAnalysed", result.classesAnalysed);
        summary.put("errors", result.problems.size());
        root.put("summary", summary);
        return JsonWriter.write(root);
    }

    private static Map<String, Object> field(Finding finding) {
        FieldReport report = finding.report;
        Map<String, Object> field = new LinkedHashMap<>();
        field.put("class", report.className());
        field.put("field", report.fieldName());
        field.put("static", report.isStatic());
        field.put("declaredType", report.declaredType());
        field.put("assignedTypes", sorted(report.assignedTypes()));
        field.put("sourceFile", report.sourceFile());
        field.put("verdict", report.verdict().label());
        List<Object> reasons = new ArrayList<>();
        for (Reason reason : report.reasons()) {
            reasons.add(reason(reason));
        }
        field.put("reasons", reasons);
        field.put("input", finding.origin);
        return field;
    }

    static Map<String, Object> reason(Reason reason) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("method", reason.method());
        json.put("line", reason.line() > 0 ? reason.line() : null);
        json.put("access", reason.access() == null ? null : reason.access().label());
        json.put("lock", reason.lock());
        json.put("message", reason.message());
        return json;
    }

    /** The analysis hands out an unordered set; reports must not change from run to run. */
    static List<String> sorted(Collection<String> values) {
        List<String> list = new ArrayList<>(values);
        list.sort(null);
        return list;
    }
}
