package io.cacheguard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code failOnRace=true} sets the exit status after the application's own shutdown hooks have
 * finished. Regression: it halted the JVM inside a hook of its own, cutting the application's
 * hooks short (a hook writing a file after 200 ms never wrote it).
 */
class FailOnRaceExitIT {
    @TempDir
    Path dir;

    @Test
    void theApplicationsHooksFinishThenTheJvmExits66() throws Exception {
        Path marker = dir.resolve("hook.txt");
        ChildJvm.Result result = run(marker.toString());
        assertEquals(66, result.exitCode, result::toString);
        assertEquals("hook finished", Files.readString(marker), result::toString);
        assertTrue(result.stderr.contains("failOnRace=true and races were reported: exit status 66"), result::toString);
    }

    /** A race fails the run even when the application exits with its own failure: 66 wins (README). */
    @Test
    void racesWinOverTheApplicationsOwnExitStatus() throws Exception {
        Path marker = dir.resolve("hook-exit.txt");
        ChildJvm.Result result = run(marker.toString(), "3");
        assertEquals(66, result.exitCode, result::toString);
        assertEquals("hook finished", Files.readString(marker), result::toString);
    }

    private ChildJvm.Result run(String... args) throws Exception {
        String[] command = new String[4 + args.length];
        command[0] = "-javaagent:" + ChildJvm.agentJar() + "=mode=detect,failOnRace=true";
        command[1] = "-cp";
        command[2] = ChildJvm.testClasspath();
        command[3] = "io.cacheguard.it.fixtures.RaceThenHookApp";
        System.arraycopy(args, 0, command, 4, args.length);
        return ChildJvm.run(command);
    }
}
