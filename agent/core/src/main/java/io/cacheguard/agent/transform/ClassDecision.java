package io.cacheguard.agent.transform;

import io.cacheguard.agent.analysis.FieldReport;
import io.cacheguard.agent.analysis.Verdict;
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

    /**
     * Field name → what to do with its accesses. Patching guards the {@code patch} fields (but for
     * those declared as the application's own map class, whose class is guarded instead); watching
     * only (mode detect) tracks them and the {@code safe} ones too, whose locking the detector then
     * checks at run time rather than trusting the analysis.
     */
    Map<String, FieldPlan> plans(boolean guard) {
        Map<String, FieldPlan> fields = new HashMap<>();
        for (FieldReport report : reports) {
            if (report.ownMapClass() != null) {
                continue; // its accesses stay as they are: the map's own class is guarded (SubclassGuards)
            }
            if (report.verdict() == Verdict.PATCH || !guard && report.verdict() == Verdict.SAFE) {
                fields.put(report.fieldName(), new FieldPlan(guard ? report.lazyInitStores() : Set.of(), guard));
            }
        }
        return fields;
    }
}
