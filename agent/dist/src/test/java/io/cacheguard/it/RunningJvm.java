package io.cacheguard.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A child JVM that keeps running while a test attaches to it: its stdout lines arrive in a queue
 * the test waits on with deadlines, its stderr goes to a file. Closing it kills it.
 */
final class RunningJvm implements AutoCloseable {
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    private final Path stderr;

    private RunningJvm(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "child-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code java <arguments>} (the JVM under test) and waits for a first line matching {@code ready}. */
    static RunningJvm start(Predicate<String> ready, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ChildJvm.java().toString());
        command.addAll(List.of(arguments));
        return start(command, ready);
    }

    static RunningJvm start(List<String> command, Predicate<String> ready) throws IOException, InterruptedException {
        Path stderr = Files.createTempFile("cacheguard-running", ".err");
        Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        RunningJvm jvm = new RunningJvm(process, stderr);
        jvm.awaitLine(ready, Duration.ofSeconds(60));
        return jvm;
    }

    long pid() {
        return process.pid();
    }

    /** The next stdout line matching {@code wanted}; earlier lines are kept in {@link #seen()}. */
    String awaitLine(Predicate<String> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            String line = left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new AssertionError("no matching line within " + timeout + "; lines so far:\n"
                        + String.join("\n", seen) + "\n--- stderr ---\n" + stderr());
            }
            seen.add(line);
            if (wanted.test(line)) {
                return line;
            }
        }
    }

    List<String> seen() {
        return seen;
    }

    String stderr() {
        try {
            return Files.readString(stderr, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    @Override
    public void close() throws Exception {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        Files.deleteIfExists(stderr);
    }
}
