package io.cacheguard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cacheguard.it.fixtures.LongRunningCacheApp;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code list} against JVMs that do not answer an attach, and with values longer than a column's
 * usual width: it finishes within its answer deadline and keeps its columns aligned.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ListIT {
    private static final String APP = LongRunningCacheApp.class.getName();
    /** Well under the 10.5 s the JDK waits for a JVM's attach listener, and over the 2 s deadline plus start-up. */
    private static final long BOUND_MILLIS = 7_000;
    /** A list that waits for a stopped JVM is stopped here rather than after ChildJvm's two minutes. */
    private static final long LIST_TIMEOUT_SECONDS = 40;

    /**
     * Regression: list waited 10.5 s for a stopped JVM that had never been attached to, and left it
     * a trigger file in its working directory.
     */
    @Test
    void aStoppedJvmIsListedAsNotAnsweringAtOnceAndIsNotAsked() throws Exception {
        assumeLinux();
        try (RunningJvm app = app()) {
            stop(app);
            try {
                assertNoAnswerInTime(app, "? (no answer: the process is stopped)");
                Path trigger = Path.of(".attach_pid" + app.pid()); // the app runs in this directory
                assertFalse(Files.exists(trigger) || Files.exists(Path.of("/tmp").resolve(trigger)),
                        "an attach was tried: " + trigger);
            } finally {
                resume(app);
            }
        }
    }

    /**
     * Regression: a stopped JVM whose attach listener already ran (anything attached before) accepts
     * the connection and never answers: list waited for good.
     */
    @Test
    void aStoppedJvmThatWasAttachedToBeforeIsListedAsNotAnsweringAtOnce() throws Exception {
        assumeLinux();
        try (RunningJvm app = app()) {
            ChildJvm.Result first = list(); // starts the app's attach listener
            assertEquals(0, first.exitCode, first::toString);
            assertTrue(row(first, app.pid()).contains(" no "), first::toString);
            stop(app);
            try {
                assertNoAnswerInTime(app, "? (no answer: the process is stopped)");
            } finally {
                resume(app);
            }
        }
    }

    /**
     * A JVM that accepts the attach connection and never answers (a hung attach listener; here a
     * socket the test holds where the JDK looks for the JVM's own): list waited for good.
     */
    @Test
    void aJvmWhoseAttachListenerNeverAnswersIsListedAsNotAnsweringWithinTheDeadline() throws Exception {
        assumeLinux();
        try (RunningJvm app = app()) {
            Path socket = Path.of("/tmp", ".java_pid" + app.pid());
            assumeFalse(Files.exists(socket), "the JVM already has an attach listener");
            try (ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
                listener.bind(UnixDomainSocketAddress.of(socket));
                Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------")); // as the JDK demands
                assertNoAnswerInTime(app, "? (no answer within 2 s)");
            } finally {
                Files.deleteIfExists(socket);
            }
        }
    }

    @Test
    void columnsStayAlignedWhenAValueIsLongerThanUsual() throws Exception {
        String status = "version=0.0.9-a-long-qualifier-from-a-fork mode=both start=javaagent";
        try (RunningJvm app = app("-Dio.cacheguard.agent=" + status)) {
            ChildJvm.Result result = list();

            assertEquals(0, result.exitCode, result::toString);
            String header = result.stdout.lines().findFirst().orElseThrow();
            String row = row(result, app.pid());
            assertTrue(row.contains(status), result::toString);
            assertEquals(header.indexOf("CACHEGUARD"), row.indexOf(status), result::toString);
            assertEquals(header.indexOf("MAIN"), row.indexOf(APP), result::toString);
            for (String line : result.stdout.lines().skip(1).toArray(String[]::new)) {
                assertEquals(' ', line.charAt(header.indexOf("MAIN") - 1), "a column runs into MAIN: " + result);
            }
        }
    }

    private static void assertNoAnswerInTime(RunningJvm app, String status) throws Exception {
        long start = System.nanoTime();
        ChildJvm.Result result = list();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertEquals(0, result.exitCode, result::toString);
        assertTrue(row(result, app.pid()).contains(status), result::toString);
        assertTrue(millis < BOUND_MILLIS, "list took " + millis + " ms with a JVM that cannot answer: " + result);
    }

    private static ChildJvm.Result list() throws Exception {
        return ChildJvm.run(LIST_TIMEOUT_SECONDS, "-jar", ChildJvm.agentJar().toString(), "list");
    }

    private static String row(ChildJvm.Result result, long pid) {
        return result.stdout.lines().filter(line -> line.startsWith(pid + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + pid + ": " + result));
    }

    private static RunningJvm app(String... jvmOptions) throws Exception {
        String[] command = new String[jvmOptions.length + 3];
        System.arraycopy(jvmOptions, 0, command, 0, jvmOptions.length);
        command[jvmOptions.length] = "-cp";
        command[jvmOptions.length + 1] = ChildJvm.testClasspath();
        command[jvmOptions.length + 2] = APP;
        return RunningJvm.start("running"::equals, command);
    }

    private static void assumeLinux() {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "stops a process with kill -STOP");
    }

    /** ProcessHandle cannot stop a process; kill(1) can. */
    private static void stop(RunningJvm app) throws Exception {
        signal("-STOP", app.pid());
    }

    private static void resume(RunningJvm app) throws Exception {
        signal("-CONT", app.pid());
    }

    private static void signal(String signal, long pid) throws Exception {
        Process kill = new ProcessBuilder(List.of("kill", signal, Long.toString(pid))).inheritIO().start();
        assertTrue(kill.waitFor(30, TimeUnit.SECONDS), "kill " + signal + " did not finish");
        assertEquals(0, kill.exitValue(), "kill " + signal + " " + pid);
    }
}
