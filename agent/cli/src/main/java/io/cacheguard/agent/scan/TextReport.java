package io.cacheguard.agent.scan;

import io.cacheguard.agent.analysis.FieldReport;
import io.cacheguard.agent.analysis.Reason;
import io.cacheguard.agent.analysis.Verdict;
import java.util.Locale;

/** The report for people: one block per field, each reason with the line to look at, then a summary. */
final class TextReport {
    private static final String NL = System.lineSeparator();
    private static final String CONTINUATION = "            ";

    private TextReport() {
    }

    static String render(ScanResult result) {
        StringBuilder out = new StringBuilder();
        for (Finding finding : result.findings) {
            field(finding, out);
            out.append(NL);
        }
        return out.append(summary(result)).append(NL).toString();
    }

    private static void field(Finding finding, StringBuilder out) {
        FieldReport report = finding.report;
        out.append(report.verdict().name()).append("  ").append(report.qualifiedName())
                .append(report.isStatic() ? "  (static field)" : "  (instance field)").append(NL);
        out.append("  declared  ").append(report.declaredType()).append(NL);
        out.append("  assigned  ").append(report.assignedTypes().isEmpty() ? "-"
                : String.join(", ", JsonReport.sorted(report.assignedTypes()))).append(NL);
        for (Reason reason : report.reasons()) {
            out.append("  reason    ").append(reason.message()).append(NL);
            if (reason.method() != null) {
                out.append(CONTINUATION).append(where(report, reason)).append(NL);
            }
        }
        out.append("  input     ").append(finding.origin).append(NL);
    }

    /** {@code in put(String, String) at RacyCache.java:14, write, no lock}. */
    private static String where(FieldReport report, Reason reason) {
        StringBuilder where = new StringBuilder("in ").append(reason.method());
        if (reason.line() > 0) {
            where.append(" at ").append(report.sourceFile() == null ? "line " : report.sourceFile() + ":")
                    .append(reason.line());
        }
        if (reason.access() != null) {
            where.append(", ").append(reason.access().label());
        }
        return where.append(", ").append(reason.lock() == null ? "no lock" : "holds " + reason.lock()).toString();
    }

    static String summary(ScanResult result) {
        return String.format(Locale.ROOT, "summary: %d patch, %d safe, %d skip (%s); %s scanned, %d analysed; %s",
                result.count(Verdict.PATCH), result.count(Verdict.SAFE), result.count(Verdict.SKIP),
                count(result.findings.size(), "field"), count(result.classesScanned, "class"),
                result.classesAnalysed, count(result.problems.size(), "error"));
    }

    private static String count(long n, String noun) {
        return n + " " + (n == 1 ? noun : noun.endsWith("s") ? noun + "es" : noun + "s");
    }
}
