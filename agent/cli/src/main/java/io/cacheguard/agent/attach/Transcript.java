package io.cacheguard.agent.attach;

import io.cacheguard.agent.AttachProtocol;
import io.cacheguard.agent.AttachProtocol.Outcome;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the agent wrote for the command while it attached: its log lines, the report path, the outcome. */
final class Transcript {
    private final List<String> lines;
    private final String report;
    private final Outcome outcome;
    private final String message;

    private Transcript(List<String> lines, String report, Outcome outcome, String message) {
        this.lines = lines;
        this.report = report;
        this.outcome = outcome;
        this.message = message;
    }

    static Transcript read(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        String report = null;
        Outcome outcome = null;
        String message = null;
        if (Files.isRegularFile(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.startsWith(AttachProtocol.OUTCOME)) {
                    String rest = line.substring(AttachProtocol.OUTCOME.length());
                    int space = rest.indexOf(' ');
                    outcome = Outcome.valueOf(space < 0 ? rest : rest.substring(0, space));
                    message = space < 0 ? "" : rest.substring(space + 1);
                } else if (line.startsWith(AttachProtocol.REPORT)) {
                    report = line.substring(AttachProtocol.REPORT.length());
                } else {
                    lines.add(line);
                }
            }
        }
        return new Transcript(lines, report, outcome, message);
    }

    /** Shows the user what happened and answers the exit status. */
    int print(TargetJvm target, PrintStream out, PrintStream err) {
        lines.forEach(out::println);
        if (outcome == null) {
            err.println("cacheguard attach: the agent was loaded into JVM " + target.pid + " but left no transcript;"
                    + " an older cacheguard may run there: see the JVM's stderr or cacheguard log");
            return ExitCodes.AGENT_REFUSED;
        }
        switch (outcome) {
            case ATTACHED:
            case CHANGED:
            case UNCHANGED:
                out.println(message);
                out.println(report == null || report.equals("none")
                        ? "report: none (attach with report=PATH to keep one)" : "report: " + report);
                return ExitCodes.OK;
            case OTHER_VERSION:
                err.println("cacheguard attach: " + message);
                return ExitCodes.OTHER_VERSION;
            default:
                err.println("cacheguard attach: JVM " + target.pid + " refused: " + message);
                return ExitCodes.AGENT_REFUSED;
        }
    }
}
