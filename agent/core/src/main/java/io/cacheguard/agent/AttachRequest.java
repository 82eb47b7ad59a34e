package io.cacheguard.agent;

import io.cacheguard.agent.report.AgentLog;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.Properties;

/**
 * One start or attach as the agent receives it: the options, and for an attach made by the
 * {@code attach} command the version that command expects and the transcript it reads.
 * Anything else (a plain {@code -javaagent} argument, another attach tool) has no transcript.
 */
final class AttachRequest implements AutoCloseable {
    final String options;
    /** The agent version the command was built as, or null when no command made the request. */
    final String expectedVersion;
    /** Where the command reads this attach's lines, or null. */
    final PrintStream transcript;

    private AttachRequest(String options, String expectedVersion, PrintStream transcript) {
        this.options = options;
        this.expectedVersion = expectedVersion;
        this.transcript = transcript;
    }

    static AttachRequest of(String argument) throws IOException {
        if (argument == null || !argument.startsWith(AttachProtocol.REQUEST_ARGUMENT)) {
            return new AttachRequest(argument, null, null);
        }
        Path file = Paths.get(argument.substring(AttachProtocol.REQUEST_ARGUMENT.length()));
        Properties request = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            request.load(in);
        }
        PrintStream transcript = new PrintStream(Files.newOutputStream(
                Paths.get(request.getProperty(AttachProtocol.TRANSCRIPT)),
                StandardOpenOption.CREATE, StandardOpenOption.APPEND), true, StandardCharsets.UTF_8);
        return new AttachRequest(request.getProperty(AttachProtocol.OPTIONS, ""),
                request.getProperty(AttachProtocol.VERSION), transcript);
    }

    /** Tells the command how the attach ended; a no-op without a command. */
    /**
     * A line for the user, prefixed and escaped as {@link AgentLog} does: on stderr, and to the
     * attach command's transcript when there is one.
     */
    void println(String message) {
        String line = AgentLog.PREFIX + AgentLog.escape(message);
        System.err.println(line);
        if (transcript != null) {
            transcript.println(line);
        }
    }

    void outcome(AttachProtocol.Outcome outcome, String message) {
        if (transcript != null) {
            transcript.println(AttachProtocol.OUTCOME + outcome.name() + " " + AgentLog.escape(message));
        }
    }

    void report(Path report) {
        if (transcript != null) {
            transcript.println(AttachProtocol.REPORT + (report == null ? "none" : report.toAbsolutePath()));
        }
    }

    @Override
    public void close() {
        if (transcript != null) {
            transcript.close();
        }
    }
}
