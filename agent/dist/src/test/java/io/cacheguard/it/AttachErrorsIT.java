package io.cacheguard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cacheguard.it.fixtures.LongRunningCacheApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every way an attach can fail before anything is loaded: one line on stderr naming the input and
 * what to do, and the documented exit status; nothing on stdout.
 */
class AttachErrorsIT {
    private static final String APP = LongRunningCacheApp.class.getName();

    @Test
    void aPidThatIsNotANumberIsAUsageError() throws Exception {
        ChildJvm.Result result = AttachIT.cli("attach", "tomcat");

        assertFailure(result, 2, "cacheguard attach: 'tomcat' is not a process id; 'java -jar ");
    }

    /** Regression: a negative number was looked up as a process and answered "no such JVM" (3). */
    @Test
    void aNegativeOrZeroPidIsAUsageError() throws Exception {
        for (String pid : new String[] {"-5", "0"}) {
            ChildJvm.Result result = AttachIT.cli("attach", pid);

            assertFailure(result, 2, "cacheguard attach: '" + pid + "' is not a process id; 'java -jar ");
        }
    }

    @Test
    void noProcessWithThatPid() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        assertTrue(gone.waitFor(30, TimeUnit.SECONDS));

        ChildJvm.Result result = AttachIT.cli("attach", Long.toString(gone.pid()));

        assertFailure(result, 3, "cacheguard attach: no process with PID " + gone.pid() + " is running; ");
    }

    @Test
    void aProcessThatIsNotAJvm() throws Exception {
        Process sleep = new ProcessBuilder("sleep", "120").start();
        try {
            ChildJvm.Result result = AttachIT.cli("attach", Long.toString(sleep.pid()));

            assertFailure(result, 3, "cacheguard attach: process " + sleep.pid() + " (");
            assertTrue(result.stderr.contains("sleep) is not a Java VM"), result.toString());
        } finally {
            sleep.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aBadOptionIsRefusedBeforeTheTargetSeesIt() throws Exception {
        try (RunningJvm app = app()) {
            ChildJvm.Result result = AttachIT.cli("attach", Long.toString(app.pid()), "mode=fast");

            assertFailure(result, 2, "cacheguard attach: mode='fast' is not a mode; accepted: patch, detect, both, off");
        }
    }

    /** Regression: {@code report=} was made absolute like any path, into this directory, and sent. */
    @Test
    void anEmptyPathIsRefusedRatherThanTakenForThisDirectory() throws Exception {
        try (RunningJvm app = app()) {
            ChildJvm.Result result = AttachIT.cli("attach", Long.toString(app.pid()), "report=");

            assertFailure(result, 2, "cacheguard attach: report has an empty value; ");
        }
    }

    @Test
    void aJvmThatDisabledAttach() throws Exception {
        try (RunningJvm app = app("-XX:+DisableAttachMechanism")) {
            ChildJvm.Result result = AttachIT.cli("attach", Long.toString(app.pid()));

            assertFailure(result, 5, "cacheguard attach: JVM " + app.pid() + " was started with "
                    + "-XX:+DisableAttachMechanism and refuses every attach; restart it without that flag");
        }
    }

    @Test
    void aJvmThatForbidsDynamicAgentsExplainsJep451() throws Exception {
        try (RunningJvm app = app("-XX:-EnableDynamicAgentLoading")) {
            ChildJvm.Result result = AttachIT.cli("attach", Long.toString(app.pid()));

            assertFailure(result, 5, "cacheguard attach: JVM " + app.pid() + " forbids loading agents while it runs "
                    + "(-XX:-EnableDynamicAgentLoading; since JDK 21 (JEP 451)");
            assertTrue(result.stderr.contains("restart it with -XX:+EnableDynamicAgentLoading"), result.toString());
        }
    }

    @Test
    void aJavaWithoutTheAttachModule() throws Exception {
        try (RunningJvm app = app()) {
            ChildJvm.Result result = ChildJvm.run("--limit-modules", "java.base,java.instrument,jdk.unsupported",
                    "-jar", ChildJvm.agentJar().toString(), "attach", Long.toString(app.pid()));

            assertFailure(result, 6, "cacheguard attach: this Java (");
            assertTrue(result.stderr.contains("has no jdk.attach module and cannot attach"), result.toString());
            assertTrue(result.stderr.contains("/bin/java -jar " + ChildJvm.agentJar() + " attach " + app.pid()),
                    result.toString());
        }
    }

    @Test
    void anotherCacheguardVersionInTheTarget() throws Exception {
        try (RunningJvm app = app("-Dio.cacheguard.agent=version=0.0.9 mode=patch start=javaagent")) {
            ChildJvm.Result result = AttachIT.cli("attach", Long.toString(app.pid()));

            assertFailure(result, 7, "cacheguard attach: JVM " + app.pid() + " already runs cacheguard 0.0.9 and this is "
                    + System.getProperty("cacheguard.version"));
        }
    }

    /** A JVM of another user: started as 'nobody', which needs root here and a JDK that user can read. */
    @Test
    void aJvmOfAnotherUser() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/bin/setpriv")),
                "needs root and setpriv to start a JVM as another user");
        List<String> command = List.of("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                ChildJvm.java().toString(), "-cp", ChildJvm.testClasspath(), APP);
        try (RunningJvm app = RunningJvm.start(command, "running"::equals)) {
            ChildJvm.Result result = AttachIT.cli("attach", Long.toString(app.pid()));

            assertFailure(result, 4, "cacheguard attach: JVM " + app.pid() + " runs as user 'nobody' and this command as "
                    + "'root'; a JVM accepts an attach only from its own user: run the command as that user, e.g. sudo -u nobody");
        }
    }

    private static RunningJvm app(String... jvmOptions) throws Exception {
        String[] command = new String[jvmOptions.length + 3];
        System.arraycopy(jvmOptions, 0, command, 0, jvmOptions.length);
        command[jvmOptions.length] = "-cp";
        command[jvmOptions.length + 1] = ChildJvm.testClasspath();
        command[jvmOptions.length + 2] = APP;
        return RunningJvm.start("running"::equals, command);
    }

    private static void assertFailure(ChildJvm.Result result, int exitCode, String messageStart) {
        assertEquals(exitCode, result.exitCode, result.toString());
        assertEquals("", result.stdout, result.toString());
        assertTrue(result.stderr.startsWith(messageStart), result.toString());
        assertEquals(1, result.stderr.lines().count(), "one line: " + result);
    }
}
