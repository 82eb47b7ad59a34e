package io.cacheguard.agent.report;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The JSON Lines report: one event per line, written as it happens, each line with one write call,
 * so that a JVM killed with {@code kill -9} still leaves every event before the kill on disk, and
 * no piece of a line.
 */
public final class EventReport implements AutoCloseable {
    /** A report that writes nothing, when the user asked for none. */
    public static final EventReport NONE = new EventReport(null, null);

    private final Path path;
    private final WritableByteChannel channel;

    private EventReport(Path path, WritableByteChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    /**
     * Opens the report file {@code value} names for this JVM ({@code %p}, a directory: see
     * {@link OutputFile}) to append to, creating it and its parent directories.
     *
     * <p>Appended, never truncated: the JVMs a build forks ({@code forkCount} &gt; 1) may share
     * one path, and a JVM that truncated it would erase the events of those started before it.
     * With {@code O_APPEND} every line, one write call, lands whole after the others' lines.
     * Each JVM's lines begin with its {@code start} event (with its {@code pid}).
     *
     * @throws IOException with the reason the path cannot be written
     */
    public static EventReport open(String value) throws IOException {
        Path path = OutputFile.resolve(value, "jsonl");
        return over(path, OutputFile.openAppend(path));
    }

    /** A report written to {@code channel}: what {@link #open} does with the file, and what a test watches. */
    static EventReport over(Path path, WritableByteChannel channel) {
        return new EventReport(path, channel);
    }

    /** The file written, {@code %p} replaced; null for {@link #NONE}. */
    public Path path() {
        return path;
    }

    /**
     * Writes one event line, whole, with its newline; a failing disk never reaches the application.
     *
     * <p>The line is encoded first and handed to the file in one write call. Through a buffered
     * writer (as before) a line over 8 KB, a race with deep stacks, left in 8 KB pieces, one
     * {@code write(2)} each, and a {@code kill -9} between two of them left half a line at the end
     * of the report. The file channel keeps no buffer of its own, so nothing is left to flush.
     * The loop is not a second chunking: a write to a regular file returns short only when the
     * disk is full or a fatal signal arrives during it (Linux checks for one between pages), and
     * then the rest is tried once more, or the JVM is gone; what remains of that risk is the
     * duration of one system call.
     */
    public synchronized void write(Json event) {
        if (channel == null) {
            return;
        }
        // JsonWriter escapes everything outside printable ASCII: one char is one byte
        ByteBuffer line = ByteBuffer.wrap((event + "\n").getBytes(StandardCharsets.UTF_8));
        try {
            while (line.hasRemaining()) {
                channel.write(line);
            }
        } catch (IOException ignored) {
            // the report is best effort once opened; the application must go on
        }
    }

    @Override
    public synchronized void close() {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing left to save
        }
    }
}
