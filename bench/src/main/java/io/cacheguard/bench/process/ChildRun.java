package io.cacheguard.bench.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One child JVM run: its wall time and what it printed. */
final class ChildRun {
    final long nanos;
    final String stdout;
    final String stderr;

    private ChildRun(long nanos, String stdout, String stderr) {
        this.nanos = nanos;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    static ChildRun of(List<String> command) throws IOException, InterruptedException {
        return of(command, 10);
    }

    /** The run of {@code command}, which must end within {@code timeoutMinutes}. */
    static ChildRun of(List<String> command, int timeoutMinutes) throws IOException, InterruptedException {
        Path out = Files.createTempFile("bench", ".out");
        Path err = Files.createTempFile("bench", ".err");
        try {
            long start = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
            long nanos = System.nanoTime() - start;
            return new ChildRun(nanos, Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    static List<String> java(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(arguments));
        return command;
    }

    static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
