package io.cacheguard.transform;

import io.cacheguard.analysis.FieldReport;
import io.cacheguard.analysis.Verdict;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The analysis' outcome for one class: the reports of its cache fields and which of them are patched. */
final class ClassDecision {
    static final ClassDecision NOTHING = new ClassDecision(List.of());

    final List<FieldReport> reports;
    /** Field name → its report, for the fields to patch. */
    final Map<String, FieldReport> patched;

    ClassDecision(List<FieldReport> reports) {
        this.reports = List.copyOf(reports);
        Map<String, FieldReport> patchedFields = new HashMap<>();
        for (FieldReport report : reports) {
            if (report.verdict() == Verdict.PATCH) {
                patchedFields.put(report.fieldName(), report);
            }
        }
        this.patched = Map.copyOf(patchedFields);
    }

    boolean patches(String field) {
        return patched.containsKey(field);
    }

    /** Patched field name → its lazy-initialisation store sites (see {@code FieldReport.lazyInitStores}). */
    Map<String, Set<String>> patchedFields() {
        Map<String, Set<String>> fields = new HashMap<>();
        for (FieldReport report : patched.values()) {
            fields.put(report.fieldName(), report.lazyInitStores());
        }
        return fields;
    }
}
