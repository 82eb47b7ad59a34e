package io.cacheguard.agent.scan;

import io.cacheguard.agent.report.AgentLog;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects what went wrong during a scan and tells the user at once, on stderr: a scan of a large
 * application takes a while, and a problem seen only at the end is found too late.
 */
final class ScanProblems {
    private final PrintStream err;
    private final List<ScanProblem> problems = new ArrayList<>();

    ScanProblems(PrintStream err) {
        this.err = err;
    }

    void report(ScanProblem.Kind kind, String input, String message) {
        ScanProblem problem = new ScanProblem(kind, input, message);
        problems.add(problem);
        err.println(ScanCommand.PREFIX + AgentLog.escape(String.valueOf(problem)));
    }

    /** Whether a named input failed: the scan then exits 2 even if the rest was scanned. */
    boolean anyInputFailed() {
        return problems.stream().anyMatch(p -> p.kind == ScanProblem.Kind.INPUT);
    }

    List<ScanProblem> all() {
        return List.copyOf(problems);
    }
}
