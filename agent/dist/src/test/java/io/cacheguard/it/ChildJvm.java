package io.cacheguard.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a child JVM the way a user would, with the real shaded agent jar, and captures what it
 * printed. The JVM comes from {@code cacheguard.it.javaHome}, so the same tests run on JDK 17 and 25.
 */
public final class ChildJvm {
    private static final long TIMEOUT_SECONDS = 120;

    private ChildJvm() {
    }

    /** What a finished child printed and how it exited. */
    public static final class Result {
        public final int exitCode;
        public final String stdout;
        public final String stderr;

        Result(int exitCode, String stdout, String stderr) {
            this.exitCode = exitCode;
            this.stdout = stdout;
            this.stderr = stderr;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout ---\n" + stdout + "--- stderr ---\n" + stderr;
        }
    }

    public static Path agentJar() {
        String path = System.getProperty("cacheguard.agentJar", "target/cacheguard-agent.jar");
        Path jar = Paths.get(path).toAbsolutePath().normalize(); // as the agent names itself: agent/target/…
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("agent jar not built: " + jar + " (run mvn package first)");
        }
        return jar;
    }

    public static Path java() {
        String home = System.getProperty("cacheguard.it.javaHome", System.getProperty("java.home"));
        return Paths.get(home, "bin", "java");
    }

    /** The test classes directory, so fixtures can run as the child's application. */
    public static String testClasspath() {
        return Paths.get("target", "test-classes").toAbsolutePath().toString();
    }

    public static Result run(String... arguments) throws IOException, InterruptedException {
        return run(TIMEOUT_SECONDS, arguments);
    }

    /** As {@link #run(String...)}, killing the child and failing after {@code timeoutSeconds}. */
    public static Result run(long timeoutSeconds, String... arguments) throws IOException, InterruptedException {
        return run(Map.of(), timeoutSeconds, arguments);
    }

    /** As {@link #run(long, String...)}, with these variables added to the child's environment ({@code LANG=C}). */
    public static Result run(Map<String, String> environment, long timeoutSeconds, String... arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(java().toString());
        command.addAll(Arrays.asList(arguments));
        Path out = Files.createTempFile("cacheguard-child", ".out");
        Path err = Files.createTempFile("cacheguard-child", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(environment);
            Process process = builder
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("child JVM did not finish in " + timeoutSeconds + " s: " + command);
            }
            return new Result(process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
