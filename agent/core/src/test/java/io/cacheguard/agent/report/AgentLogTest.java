package io.cacheguard.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What an attach command's transcript receives (issue 17). Attaches take turns inside the target,
 * but the application's threads log whenever they run: a live map of the first attach guarded on
 * its first access while a second attach runs used to be printed by the second command.
 */
class AgentLogTest {
    @Test
    void aTranscriptCarriesOnlyTheLinesOfTheAttachingThread() throws Exception {
        AgentLog log = AgentLog.stderr(false);
        ByteArrayOutputStream transcript = new ByteArrayOutputStream();

        log.copyTo(new PrintStream(transcript, true, StandardCharsets.UTF_8));
        log.info("patched com.acme.SecondCache.map (java.util.Map): this attach's line");
        Thread application = new Thread(() -> log.info("guarded the live java.util.HashMap of com.acme.FirstCache.map"),
                "application");
        application.start();
        application.join(); // the deterministic hook: an application thread logs while the attach runs
        log.error("this attach's error");
        log.copyTo(null);
        log.info("after the attach");

        assertEquals(List.of("[cacheguard] patched com.acme.SecondCache.map (java.util.Map): this attach's line",
                        "[cacheguard] error: this attach's error"),
                transcript.toString(StandardCharsets.UTF_8).lines().collect(java.util.stream.Collectors.toList()));
    }
}
