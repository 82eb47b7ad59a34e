package io.cacheguard.bench.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a Flight Recorder recording costs a JVM running the agent, whole process (issue 16): the seed
 * sample's run-all rounds in its fixed time budget with the agent in its default mode, with and
 * without {@code -XX:StartFlightRecording} (the JDK's default settings, plus cacheguard's events,
 * enabled by default). Runs alternate so that load on the machine falls on both alike; the ratio
 * is of the medians, and each recording is checked to hold cacheguard's events. On a machine
 * shared with other work the rounds in a wall-clock budget swing tenfold with the others' load, so
 * each run is also measured in rounds per second of the child's own CPU time (user + system, from
 * {@code /usr/bin/time}; Flight Recorder's own threads included), which that load does not move. Usage:
 * {@code java -cp bench/target/benchmarks.jar io.cacheguard.bench.process.FlightRecordingOverhead AGENT_JAR SAMPLES_JAR RUNS [BUDGET_MILLIS]}
 * (default 3000, the sample's own; a longer budget makes Flight Recorder's start-up a smaller share).
 */
public final class FlightRecordingOverhead {
    private static final Pattern ROUNDS = Pattern.compile("(\\d+) run-all rounds");
    private static final Pattern CPU = Pattern.compile("cacheguard-bench-cpu ([0-9.]+) ([0-9.]+)");

    private FlightRecordingOverhead() {
    }

    public static void main(String[] args) throws Exception {
        String agent = "-javaagent:" + args[0];
        String samples = args[1];
        int runs = Integer.parseInt(args[2]);
        String budget = "-Dcacheguard.samples.budgetMillis=" + (args.length > 3 ? Long.parseLong(args[3]) : 3000);
        Path recording = Files.createTempFile("cacheguard-bench", ".jfr");
        List<Long> without = new ArrayList<>();
        List<Long> with = new ArrayList<>();
        List<Long> withoutPerCpu = new ArrayList<>();
        List<Long> withPerCpu = new ArrayList<>();
        try {
            for (int i = 0; i < runs; i++) {
                ChildRun plainRun = ChildRun.of(timed(ChildRun.java(budget, agent, "-jar", samples)));
                without.add(rounds(plainRun));
                withoutPerCpu.add(roundsPerCpuKilosecond(plainRun));
                ChildRun recordedRun = ChildRun.of(timed(ChildRun.java(budget,
                        "-XX:StartFlightRecording=filename=" + recording, agent, "-jar", samples)));
                with.add(rounds(recordedRun));
                withPerCpu.add(roundsPerCpuKilosecond(recordedRun));
                checkHasOurEvents(recording);
            }
        } finally {
            Files.deleteIfExists(recording);
        }
        long plain = ChildRun.median(without);
        long recorded = ChildRun.median(with);
        System.out.printf("seed sample (agent, default mode) run-all rounds per budget: without a recording %d, with"
                        + " -XX:StartFlightRecording (default settings + cacheguard's events) %d, ratio %.3f"
                        + " (%d runs each; all: %s vs %s)%n", plain, recorded, (double) recorded / plain, runs,
                without, with);
        long plainCpu = ChildRun.median(withoutPerCpu);
        long recordedCpu = ChildRun.median(withPerCpu);
        System.out.printf("rounds per 1000 s of process CPU: without %d, with %d, ratio %.3f (all: %s vs %s)%n",
                plainCpu, recordedCpu, (double) recordedCpu / plainCpu, withoutPerCpu, withPerCpu);
    }

    private static List<String> timed(List<String> command) {
        List<String> wrapped = new ArrayList<>(List.of("/usr/bin/time", "-f", "cacheguard-bench-cpu %U %S"));
        wrapped.addAll(command);
        return wrapped;
    }

    private static long roundsPerCpuKilosecond(ChildRun run) {
        Matcher cpu = CPU.matcher(run.stderr);
        if (!cpu.find()) {
            throw new IllegalStateException("no CPU time from /usr/bin/time: " + run.stderr);
        }
        double seconds = Double.parseDouble(cpu.group(1)) + Double.parseDouble(cpu.group(2));
        return Math.round(rounds(run) * 1000 / seconds);
    }

    /** A run whose recording lacks the agent's events measured nothing about them. */
    private static void checkHasOurEvents(Path recording) throws Exception {
        boolean found = false;
        try (jdk.jfr.consumer.RecordingFile file = new jdk.jfr.consumer.RecordingFile(recording)) {
            while (file.hasMoreEvents() && !found) {
                found = file.readEvent().getEventType().getName().startsWith("io.cacheguard.");
            }
        }
        if (!found) {
            throw new IllegalStateException("the recording has no io.cacheguard event: " + recording);
        }
    }

    private static long rounds(ChildRun run) {
        Matcher m = ROUNDS.matcher(run.stdout);
        if (!m.find() || !run.stdout.contains(" OK")) {
            throw new IllegalStateException("unexpected sample output: " + run.stdout + run.stderr);
        }
        return Long.parseLong(m.group(1));
    }
}
