package io.cacheguard.agent.analysis;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the analysis said about one field next to what the catalogue expects of it: a field with an
 * expectation, or a field the analysis reported although the catalogue expects nothing of it.
 */
record FieldOutcome(Subject subject, String field, Expectation expected, List<FieldReport> reports, Throwable failure) {

    /** Analyzes the subject's class file and pairs every expectation and every report by field name. */
    static List<FieldOutcome> of(Subject subject) {
        List<FieldReport> reports;
        try {
            reports = new ClassAnalyzer(subject.related()).analyze(subject.classFile());
        } catch (RuntimeException | StackOverflowError | AssertionError e) {
            List<FieldOutcome> failed = new ArrayList<>();
            for (Expectation expected : subject.expectations()) {
                failed.add(new FieldOutcome(subject, expected.field(), expected, List.of(), e));
            }
            return failed;
        }
        Map<String, List<FieldReport>> byField = new LinkedHashMap<>();
        for (FieldReport report : reports) {
            byField.computeIfAbsent(report.fieldName(), name -> new ArrayList<>()).add(report);
        }
        List<FieldOutcome> outcomes = new ArrayList<>();
        for (Expectation expected : subject.expectations()) {
            outcomes.add(new FieldOutcome(subject, expected.field(), expected,
                    byField.getOrDefault(expected.field(), List.of()), null));
            byField.remove(expected.field());
        }
        byField.forEach((field, unexpected) -> outcomes.add(new FieldOutcome(subject, field, null, unexpected, null)));
        return outcomes;
    }

    /** The verdict of the field's one report; null when it has none, or more than one. */
    Verdict reported() {
        return reports.size() == 1 ? reports.get(0).verdict() : null;
    }

    boolean matches() {
        return failure == null && expected != null && reports.size() == 1 && expected.isMetBy(reports.get(0));
    }

    /** The dynamic test's name: what the field must get. */
    String title() {
        return expected == null ? field + " (no @Expect) gets no report" : field + " is " + expected;
    }

    /** What went wrong for this field, with every reason the analysis gave, for a failure message. */
    String explain() {
        StringBuilder text = new StringBuilder(subject.name()).append('.').append(field).append(": ");
        if (failure != null) {
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            return text.append("expected ").append(expected).append(", but the analysis threw\n")
                    .append(trace.toString().indent(4)).toString();
        }
        text.append(expected == null ? "no @Expect" : "expected " + expected);
        if (reports.isEmpty()) {
            return text.append(", no report").toString();
        }
        if (reports.size() > 1) {
            text.append(", ").append(reports.size()).append(" reports");
        }
        for (FieldReport report : reports) {
            text.append(", reported ").append(report.verdict().name())
                    .append(" (assigned ").append(String.join(", ", report.assignedTypes())).append(')');
            for (Reason reason : report.reasons()) {
                text.append("\n    - ").append(reason.message());
            }
        }
        return text.toString();
    }
}
