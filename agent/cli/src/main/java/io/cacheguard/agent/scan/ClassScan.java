package io.cacheguard.agent.scan;

import io.cacheguard.agent.analysis.CacheSelector;
import io.cacheguard.agent.analysis.ClassAnalyzer;
import io.cacheguard.agent.analysis.ClassBytesSource;
import io.cacheguard.agent.analysis.ClassPreFilter;
import io.cacheguard.agent.analysis.FieldReport;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Runs the analysis over every class of the inputs that may declare a selected map field, the
 * way the agent would at class-load time, and keeps the selected fields' reports.
 */
final class ClassScan {
    /** The analysis of one class file; tests put one in that fails, to see the scan go on. */
    @FunctionalInterface
    interface Analysis {
        List<FieldReport> analyze(byte[] classFile);
    }

    private final CacheSelector selector;
    private final ScanProblems problems;
    private final Function<ClassBytesSource, Analysis> analyses;

    ClassScan(CacheSelector selector, ScanProblems problems) {
        this(selector, problems, related -> new ClassAnalyzer(related)::analyze);
    }

    ClassScan(CacheSelector selector, ScanProblems problems, Function<ClassBytesSource, Analysis> analyses) {
        this.selector = selector;
        this.problems = problems;
        this.analyses = analyses;
    }

    ScanResult scan(ClassFiles classes) {
        Analysis analyzer = analyses.apply(classes.source());
        List<Finding> findings = new ArrayList<>();
        int scanned = 0;
        int analysed = 0;
        for (ClassFile file : classes.sorted()) {
            String className = file.className();
            if (CacheSelector.isExcluded(className)) {
                continue;
            }
            scanned++;
            if (!ClassPreFilter.mayDeclareMapField(file.bytes) || !selector.maySelectFieldOf(className, file.bytes)) {
                continue;
            }
            analysed++;
            for (FieldReport report : selector.select(analyse(analyzer, file))) {
                findings.add(new Finding(report, file.origin));
            }
        }
        return new ScanResult(findings, problems.all(), scanned, analysed);
    }

    /**
     * One class's reports, or none when it cannot be analysed. A class the analysis chokes on must
     * not end the scan of thousands of others, so every failure is caught here, reported, and passed.
     */
    private List<FieldReport> analyse(Analysis analyzer, ClassFile file) {
        try {
            return analyzer.analyze(file.bytes);
        } catch (IllegalArgumentException unreadable) {
            String problem = ClassFileProblem.of(file.bytes);
            if (problem != null) {
                problems.report(ScanProblem.Kind.CLASS, file.origin, problem);
            } else {
                problems.report(ScanProblem.Kind.INTERNAL, file.origin, internalFailure(unreadable));
            }
        } catch (RuntimeException | StackOverflowError bug) {
            problems.report(ScanProblem.Kind.INTERNAL, file.origin, internalFailure(bug));
        }
        return List.of();
    }

    /** The failure and where it happened, for a bug report. */
    private static String internalFailure(Throwable bug) {
        StringBuilder text = new StringBuilder("analysis failed: ").append(bug.getClass().getName());
        if (bug.getMessage() != null) {
            text.append(": ").append(bug.getMessage());
        }
        StackTraceElement[] stack = bug.getStackTrace();
        if (stack.length > 0) {
            text.append(" at ").append(stack[0]);
        }
        return text.toString();
    }
}
