package io.cacheguard.agent.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The JSON Lines report: one event per line, written and flushed as it happens, so that a JVM
 * killed with {@code kill -9} still leaves every event before the kill on disk.
 */
public final class EventReport implements AutoCloseable {
    /** A report that writes nothing, when the user asked for none. */
    public static final EventReport NONE = new EventReport(null, null);

    private final Path path;
    private final Writer writer;

    private EventReport(Path path, Writer writer) {
        this.path = path;
        this.writer = writer;
    }

    /**
     * Opens (truncates) the report file, creating its parent directories.
     *
     * @throws IOException with the reason the path cannot be written
     */
    public static EventReport open(Path path) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return over(path, FileChannel.open(path,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE));
    }

    /** A report written to {@code channel}: what {@link #open} does with the file, and what a test watches. */
    static EventReport over(Path path, WritableByteChannel channel) {
        return new EventReport(path, new BufferedWriter(Channels.newWriter(channel, StandardCharsets.UTF_8)));
    }

    public Path path() {
        return path;
    }

    /** Writes one event line and flushes it; a failing disk never reaches the application. */
    public synchronized void write(Json event) {
        if (writer == null) {
            return;
        }
        try {
            writer.write(event.toString());
            writer.write('\n');
            writer.flush();
        } catch (IOException ignored) {
            // the report is best effort once opened; the application must go on
        }
    }

    @Override
    public synchronized void close() {
        if (writer == null) {
            return;
        }
        try {
            writer.close();
        } catch (IOException ignored) {
            // nothing left to save
        }
    }
}
