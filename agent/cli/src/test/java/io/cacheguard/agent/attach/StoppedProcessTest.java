package io.cacheguard.agent.attach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A stopped process is known from /proc without asking it anything. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StoppedProcessTest {
    @Test
    void aProcessIsStoppedAfterSigstopAndRunsAgainAfterSigcont() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "needs Linux /proc");
        Process sleep = new ProcessBuilder("sleep", "120").start();
        try {
            assertFalse(StoppedProcess.is(sleep.pid()));
            signal("-STOP", sleep.pid());
            assertTrue(becomes(true, sleep.pid()));
            signal("-CONT", sleep.pid());
            assertTrue(becomes(false, sleep.pid()));
        } finally {
            signal("-CONT", sleep.pid());
            sleep.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aProcessThatDoesNotExistIsNotStopped() {
        assertFalse(StoppedProcess.is(Long.MAX_VALUE));
    }

    /** A signal is delivered after kill(1) returns: waits up to 10 s for the state to follow. */
    private static boolean becomes(boolean stopped, long pid) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (StoppedProcess.is(pid) == stopped) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    private static void signal(String signal, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", signal, Long.toString(pid)).start();
        assertTrue(kill.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, kill.exitValue());
    }
}
