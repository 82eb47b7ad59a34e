package io.cacheguard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JVMs a build forks ({@code forkCount} &gt; 1) may all name one {@code report=} path. Each
 * appends whole lines: nothing torn, nothing interleaved, no event lost. Regression (issue 17):
 * each JVM truncated the file as it started and wrote from its own offset, so later JVMs erased
 * and overwrote the events of earlier ones.
 */
class SharedReportIT {
    private static final int JVMS = 4;
    private static final int EVENTS_PER_JVM = 10_000;
    private static final long TIMEOUT_SECONDS = 300;

    @TempDir
    Path temp;

    @Test
    void fourJvmsAppendTenThousandEventsEachToOnePath() throws Exception {
        Path report = temp.resolve("shared.jsonl");
        List<Process> processes = new ArrayList<>();
        for (int jvm = 1; jvm <= JVMS; jvm++) {
            processes.add(new ProcessBuilder(ChildJvm.java().toString(),
                    "-javaagent:" + ChildJvm.agentJar() + "=mode=patch,quiet=true,report=" + report,
                    "-cp", ChildJvm.testClasspath(),
                    "io.cacheguard.it.fixtures.ManyCachesApp", Integer.toString(jvm), Integer.toString(EVENTS_PER_JVM))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(temp.resolve("stderr-" + jvm).toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start());
        }
        try {
            for (Process process : processes) {
                assertTrue(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS), "a child JVM did not finish");
                assertEquals(0, process.exitValue());
            }
        } finally {
            processes.forEach(Process::destroyForcibly);
        }
        for (int jvm = 1; jvm <= JVMS; jvm++) {
            assertEquals("", Files.readString(temp.resolve("stderr-" + jvm)).strip(), "stderr of JVM " + jvm);
        }
        ReportFile events = ReportFile.read(report); // every line parses, as one JSON object
        Set<Object> pids = new TreeSet<>();
        for (Map<String, Object> start : events.events("start")) {
            pids.add(start.get("pid"));
        }
        assertEquals(JVMS, pids.size(), "start events: " + events.events("start"));
        assertEquals(JVMS, events.events("summary").size());
        Set<String> fields = new TreeSet<>();
        for (Map<String, Object> patched : events.events("patched")) {
            fields.add((String) patched.get("class"));
        }
        assertEquals(JVMS * EVENTS_PER_JVM, events.events("patched").size(), "patched events");
        for (int jvm = 1; jvm <= JVMS; jvm++) {
            for (int i = 0; i < EVENTS_PER_JVM; i++) {
                String name = String.format("io.cacheguard.it.fixtures.many.Cache%d%04d", jvm, i);
                assertTrue(fields.contains(name), "lost: " + name);
            }
        }
    }
}
