package io.cacheguard.agent.scan;

import io.cacheguard.agent.analysis.FieldReport;
import io.cacheguard.agent.analysis.Reason;
import io.cacheguard.agent.analysis.Verdict;
import io.cacheguard.agent.report.AgentLog;
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

    /**
     * Each line is escaped as the agent's log escapes it: class, field, method and source file
     * names come from class files, where they may hold a newline or an ESC, and must not break a
     * line of the report or forge one.
     */
    private static void field(Finding finding, StringBuilder out) {
        FieldReport report = finding.report;
        line(out, report.verdict().name() + "  " + report.qualifiedName()
                + (report.isStatic() ? "  (static field)" : "  (instance field)"));
        line(out, "  declared  " + report.declaredType());
        line(out, "  assigned  " + (report.assignedTypes().isEmpty() ? "-"
                : String.join(", ", JsonReport.sorted(report.assignedTypes()))));
        for (Reason reason : report.reasons()) {
            line(out, "  reason    " + reason.message());
            if (reason.method() != null) {
                line(out, CONTINUATION + where(report, reason));
            }
        }
        line(out, "  input     " + finding.origin);
    }

    private static void line(StringBuilder out, String line) {
        out.append(AgentLog.escape(line)).append(NL);
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
