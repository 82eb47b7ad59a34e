package io.cacheguard.agent.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.channels.Channels;
import java.nio.file.Path;
import java.util.List;

/**
 * The agent's human-readable lines, each prefixed {@code [cacheguard]}, on stderr or in a file;
 * never on stdout, which belongs to the host. No logging framework is touched.
 *
 * <p>No line we print can be forged: every message is passed through {@link #escape} here, once,
 * so an option value, a thread name or a field name read from a hostile class file (a class file
 * name may hold a newline or an ESC) cannot end our line and start one that looks like ours, nor
 * send a terminal escape sequence. A report of several lines (a race with its stacks) is given as
 * its lines, and each is escaped and prefixed on its own.
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

    /**
     * The log file {@code value} names for this JVM ({@code %p}, a directory: see {@link OutputFile}),
     * appended to; its parent directories are created.
     */
    public static AgentLog file(String value, boolean quiet) throws IOException {
        Path path = OutputFile.resolve(value, "log");
        PrintStream stream = new PrintStream(Channels.newOutputStream(OutputFile.openAppend(path)), true,
                StandardCharsets.UTF_8);
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
            print(line);
        }
    }

    /**
     * A race, or the count of races at exit: what the user ran the detector for, so shown even
     * when quiet. {@code quiet} silences the agent's account of itself, never its findings.
     */
    public void finding(String line) {
        print(line);
    }

    /**
     * A finding of several lines (a race and the stacks of its two accesses), each prefixed, written
     * with one call so that another thread's line cannot land between them.
     */
    public void finding(List<String> lines) {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            if (text.length() > 0) {
                text.append(System.lineSeparator());
            }
            text.append(PREFIX).append(escape(line));
        }
        write(text.toString());
    }

    /** A problem: always shown. */
    public void error(String line) {
        print("error: " + line);
    }

    /**
     * {@code text} as one line that shows what it holds: each control character (U+0000 to U+001F,
     * U+007F to U+009F, NEL included), the line and paragraph separators (U+2028, U+2029) and the
     * bidirectional embeddings, overrides and isolates (which reorder what a terminal shows) becomes
     * a Java escape: {@code \n}, {@code \r}, {@code \t}, else a backslash, {@code u} and four hex
     * digits (ESC is shown as backslash-u001b). Everything else is left as it is, a backslash
     * included, so a Windows path reads as typed.
     */
    public static String escape(String text) {
        int first = 0;
        while (first < text.length() && !escaped(text.charAt(first))) {
            first++;
        }
        if (first == text.length()) {
            return text;
        }
        StringBuilder shown = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!escaped(c)) {
                shown.append(c);
            } else if (c == '\n') {
                shown.append("\\n");
            } else if (c == '\r') {
                shown.append("\\r");
            } else if (c == '\t') {
                shown.append("\\t");
            } else {
                shown.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf])
                        .append(HEX[c >> 4 & 0xf]).append(HEX[c & 0xf]);
            }
        }
        return shown.toString();
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private static boolean escaped(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029
                || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
    }

    private void print(String message) {
        write(PREFIX + escape(message));
    }

    private void write(String text) {
        out.println(text);
        Copy to = copy;
        if (to != null && to.thread == Thread.currentThread()) {
            to.transcript.println(text);
        }
    }
}
