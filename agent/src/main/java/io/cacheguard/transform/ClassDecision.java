package io.cacheguard.transform;

import io.cacheguard.analysis.FieldReport;
import io.cacheguard.analysis.Verdict;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The analysis' outcome for one class: the reports of its cache fields and which of them are patched. */
final class ClassDecision {
    static final ClassDecision NOTHING = new ClassDecision(List.of());

    final List<FieldReport> reports;
    /** Field name → its report, for the fields to patch. */
    final Map<String, FieldReport> patched;

    ClassDecision(List<FieldReport> reports) {
        this.reports = List.copyOf(reports);
        this.patched = reports.stream().filter(r -> r.verdict() == Verdict.PATCH)
                .collect(Collectors.toUnmodifiableMap(FieldReport::fieldName, r -> r));
    }

    boolean patches(String field) {
        return patched.containsKey(field);
    }

    /** Patched field name → its lazy-initialisation store sites (see {@code FieldReport.lazyInitStores}). */
    Map<String, Set<String>> patchedFields() {
        return patched.values().stream()
                .collect(Collectors.toUnmodifiableMap(FieldReport::fieldName, FieldReport::lazyInitStores));
    }
}
