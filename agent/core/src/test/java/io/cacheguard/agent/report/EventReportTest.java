package io.cacheguard.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each event reaches the file in one write call, the whole line with its newline, however long it
 * is: a JVM killed between two calls cannot leave half a line. Regression (issue 18 item 7): an
 * event over 8 KB (a race with deep stacks) went out in 8 KB pieces, one write call each.
 */
class EventReportTest {
    /** Records the bytes of each write call; accepts at most {@code most} bytes a call, as a short write. */
    private static final class RecordingChannel implements WritableByteChannel {
        final List<String> calls = new ArrayList<>();
        /** The byte count of each call: what the assertions compare, so a failure prints numbers, not 40 KB. */
        final List<Integer> sizes = new ArrayList<>();
        private final int most;

        RecordingChannel(int most) {
            this.most = most;
        }

        @Override
        public int write(ByteBuffer source) {
            int n = Math.min(most, source.remaining());
            byte[] bytes = new byte[n];
            source.get(bytes);
            calls.add(new String(bytes, StandardCharsets.UTF_8));
            sizes.add(n);
            return n;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }

    /** A race event whose two stacks of {@code frames} frames make a line of tens of kilobytes. */
    private static Json deepRace(int frames) {
        List<Object> stack = new ArrayList<>();
        for (int i = 0; i < frames; i++) {
            stack.add("com.acme.pricing.internal.QuoteResolver.resolveRecursively(QuoteResolver.java:" + i + ")");
        }
        return Json.object().put("event", "race").put("kind", "write-write")
                .put("earlier", Json.object().put("stack", stack)).put("later", Json.object().put("stack", stack));
    }

    @Test
    void anEventOverEightKilobytesIsOneWriteOfTheWholeLine() {
        RecordingChannel channel = new RecordingChannel(Integer.MAX_VALUE);
        EventReport report = EventReport.over(Path.of("report.jsonl"), channel);
        Json event = deepRace(300);
        report.write(event);
        String line = event + "\n";
        assertTrue(line.length() > 40_000, "the event is " + line.length() + " bytes");
        assertEquals(List.of(line.length()), channel.sizes);
        assertEquals(line, channel.calls.get(0));
    }

    @Test
    void everyEventIsItsOwnWriteCall() {
        RecordingChannel channel = new RecordingChannel(Integer.MAX_VALUE);
        EventReport report = EventReport.over(Path.of("report.jsonl"), channel);
        Json small = Json.object().put("event", "start").put("mode", "both");
        Json large = deepRace(200);
        report.write(small);
        report.write(large);
        report.write(small);
        int smallLine = (small + "\n").length();
        assertEquals(List.of(smallLine, (large + "\n").length(), smallLine), channel.sizes);
        assertEquals(small + "\n" + large + "\n" + small + "\n", String.join("", channel.calls));
    }

    /** A short write (the OS took part of the line) is continued until the line is out. */
    @Test
    void aShortWriteIsContinuedWithTheRestOfTheLine() {
        RecordingChannel channel = new RecordingChannel(10_000);
        EventReport report = EventReport.over(Path.of("report.jsonl"), channel);
        Json event = deepRace(300);
        report.write(event);
        assertTrue(channel.sizes.size() > 1, "the channel took " + channel.sizes + " bytes a call");
        assertTrue((event + "\n").equals(String.join("", channel.calls)), "the line is written whole, in order");
    }
}
