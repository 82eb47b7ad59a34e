package io.cacheguard.agent.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The agent's human-readable lines, each prefixed {@code [cacheguard]}, on stderr or in a file;
 * never on stdout, which belongs to the host. No logging framework is touched.
 */
public final class AgentLog {
    public static final String PREFIX = "[cacheguard] ";

    private final PrintStream out;
    private final boolean quiet;
    /** A second destination while an attach command waits for the lines (see {@link #copyTo}). */
    private volatile Copy copy;

    /** An attach's transcript and the one thread whose lines go there. */
    private static final class Copy {
        final PrintStream transcript;
        final Thread thread;

        Copy(PrintStream transcript, Thread thread) {
            this.transcript = transcript;
            this.thread = thread;
        }
    }

    private AgentLog(PrintStream out, boolean quiet) {
        this.out = out;
        this.quiet = quiet;
    }

    public static AgentLog stderr(boolean quiet) {
        return new AgentLog(System.err, quiet);
    }

    /** A log file, appended to; its parent directories are created. */
    public static AgentLog file(Path path, boolean quiet) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        PrintStream stream = new PrintStream(Files.newOutputStream(path, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND), true, StandardCharsets.UTF_8);
        return new AgentLog(stream, quiet);
    }

    /**
     * Also writes to {@code transcript} (null: stop) the lines the calling thread logs: the
     * {@code attach} command shows the user the lines the agent logged inside the target for that
     * attach. Only the attaching thread's lines: the application's threads log too (a live map
     * guarded on its first access, a class patched as it loads, a race), whenever they run, and
     * such a line logged while a second attach runs would land in the second command's output
     * although the first attach caused it (issue 17). Those lines stay in the log.
     */
    public void copyTo(PrintStream transcript) {
        copy = transcript == null ? null : new Copy(transcript, Thread.currentThread());
    }

    /** A line about what the agent does (start-up, patched fields, live maps): not shown when quiet. */
    public void info(String line) {
        if (!quiet) {
            print(PREFIX + line);
        }
    }

    /**
     * A race, or the count of races at exit: what the user ran the detector for, so shown even
     * when quiet. {@code quiet} silences the agent's account of itself, never its findings.
     */
    public void finding(String line) {
        print(PREFIX + line);
    }

    /** A problem: always shown. */
    public void error(String line) {
        print(PREFIX + "error: " + line);
    }

    private void print(String line) {
        out.println(line);
        Copy to = copy;
        if (to != null && to.thread == Thread.currentThread()) {
            to.transcript.println(line);
        }
    }
}
