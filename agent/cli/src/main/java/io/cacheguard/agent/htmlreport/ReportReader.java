package io.cacheguard.agent.htmlreport;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JSON Lines report line by line, keeping every event it can and naming every line it
 * cannot: a JVM killed in the middle of a write leaves its last line cut short, a file edited by
 * hand or mangled on the way may hold anything. The page is made of what could be read.
 */
final class ReportReader {
    /** Far past any event (a race at a deep stackDepth is tens of KB); a longer line is not read whole. */
    static final int MAX_LINE_BYTES = 16 * 1024 * 1024;

    private ReportReader() {
    }

    static RaceReport read(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return read(file.toString(), in);
        }
    }

    static RaceReport read(String source, InputStream in) throws IOException {
        EventReader events = new EventReader();
        List<BadLine> bad = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int number = 0;
        boolean tooLong = false;
        int b;
        while (true) {
            b = in.read();
            if (b == '\n' || b < 0) {
                if (b < 0 && line.size() == 0 && !tooLong) {
                    break; // the file ends with a newline, as every whole report does
                }
                number++;
                if (tooLong) {
                    bad.add(new BadLine(number, "longer than " + MAX_LINE_BYTES / (1024 * 1024) + " MB: not read"));
                } else {
                    String problem = readLine(number, line.toByteArray(), events);
                    if (problem != null) {
                        bad.add(new BadLine(number, b < 0
                                ? "cut short (" + problem + "; the last line has no newline: the JVM was stopped while writing it)"
                                : problem));
                    }
                }
                line.reset();
                tooLong = false;
                if (b < 0) {
                    break;
                }
            } else if (!tooLong) {
                if (line.size() >= MAX_LINE_BYTES) {
                    tooLong = true;
                    line.reset();
                } else {
                    line.write(b);
                }
            }
        }
        return new RaceReport(source, number, events.runs(), bad);
    }

    /** Adds the line's event; returns why the line cannot be read, or null. */
    private static String readLine(int number, byte[] bytes, EventReader events) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return "not UTF-8 text";
        }
        if (text.isBlank()) {
            return "an empty line";
        }
        try {
            events.add(number, JsonReader.parse(text));
            return null;
        } catch (JsonSyntaxException e) {
            return "not JSON: " + e.getMessage();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
