package io.cacheguard.samples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the launcher in a fresh JVM, as users do. The racy samples must run there rather than
 * in-process: a worker looping in a corrupted map cannot be stopped, only abandoned with its JVM.
 */
final class ChildJvm {

    /** What users script against: the exit code and the lines printed. */
    record Outcome(int exitCode, List<String> stdout, List<String> stderr) {

        String lastLine() {
            return stdout.isEmpty() ? "" : stdout.get(stdout.size() - 1);
        }

        long resultLines() {
            return stdout.stream().filter(line -> line.startsWith("RESULT ")).count();
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private ChildJvm() {
    }

    static Outcome launch(Path workDir, List<String> systemProperties, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(systemProperties);
        command.add("-cp");
        command.add(launcherClasspath());
        command.add(SampleLauncher.class.getName());
        command.addAll(List.of(args));
        Path out = Files.createTempFile(workDir, "stdout", ".txt");
        Path err = Files.createTempFile(workDir, "stderr", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("child JVM still running after " + TIMEOUT + ": " + command);
        }
        return new Outcome(process.exitValue(), Files.readAllLines(out), Files.readAllLines(err));
    }

    /** The JDK chosen for integration tests (the CI points it at JDK 25), else the one running us. */
    private static String javaExecutable() {
        String home = System.getProperty("cacheguard.it.javaHome");
        if (home == null || home.isBlank()) {
            home = System.getProperty("java.home");
        }
        return Paths.get(home, "bin", "java").toString();
    }

    private static String launcherClasspath() {
        try {
            return Paths.get(SampleLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
