package io.cacheguard.agent.scan;

import io.cacheguard.agent.analysis.Verdict;
import java.util.List;

/** What one scan found, as every report format shows it. */
final class ScanResult {
    final List<Finding> findings;
    final List<ScanProblem> problems;
    /** Classes read from the inputs, less those of the JDK and cacheguard, which are never analysed. */
    final int classesScanned;
    /** Classes that passed the pre-filter and the selection and went through the analysis. */
    final int classesAnalysed;

    ScanResult(List<Finding> findings, List<ScanProblem> problems, int classesScanned, int classesAnalysed) {
        this.findings = List.copyOf(findings);
        this.problems = List.copyOf(problems);
        this.classesScanned = classesScanned;
        this.classesAnalysed = classesAnalysed;
    }

    long count(Verdict verdict) {
        return findings.stream().filter(f -> f.report.verdict() == verdict).count();
    }
}
