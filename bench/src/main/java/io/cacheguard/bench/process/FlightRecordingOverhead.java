package io.cacheguard.bench.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a Flight Recorder recording costs a JVM running the agent, whole process (issue 16), and how
 * much of that is cacheguard's: the seed sample's run-all rounds in its fixed time budget with the
 * agent in its default mode, in three configurations: no recording; {@code -XX:StartFlightRecording}
 * with the JDK's default settings and cacheguard's events disabled (the JDK's own share); the same
 * recording with cacheguard's events enabled, as they are by default (what a user gets). The
 * middle one's settings are the child JDK's own {@code lib/jfr/default.jfc} with an
 * {@code enabled=false} element per {@code io.cacheguard.*} event added: one file, read alike by
 * JDK 17 and 25, rather than command-line overrides whose syntax differs between releases.
 *
 * <p>Runs rotate through the three so that load on the machine falls on all alike; the ratios are of
 * the medians, each recording with our events is checked to hold them and each without to hold
 * none. On a machine shared with other work the rounds in a wall-clock budget swing tenfold with
 * the others' load, so each run is also measured in rounds per second of the child's own CPU time
 * (user + system, from {@code /usr/bin/time}; Flight Recorder's own threads included), which that
 * load does not move. Usage:
 * {@code java -cp bench/target/benchmarks.jar io.cacheguard.bench.process.FlightRecordingOverhead AGENT_JAR SAMPLES_JAR RUNS [BUDGET_MILLIS]}
 * (default 3000, the sample's own; a longer budget makes Flight Recorder's start-up a smaller share).
 */
public final class FlightRecordingOverhead {
    private static final Pattern ROUNDS = Pattern.compile("(\\d+) run-all rounds");
    private static final Pattern CPU = Pattern.compile("cacheguard-bench-cpu ([0-9.]+) ([0-9.]+)");
    /** Every event cacheguard defines (the README's contract), each disabled in the JDK-only settings. */
    private static final List<String> OUR_EVENTS = List.of("io.cacheguard.FieldPatched", "io.cacheguard.FieldSkipped",
            "io.cacheguard.LiveMapGuarded", "io.cacheguard.Race", "io.cacheguard.Summary");

    private FlightRecordingOverhead() {
    }

    /** One configuration's medians. */
    private record Measured(String name, List<Long> rounds, List<Long> perCpu) {
        Measured(String name) {
            this(name, new ArrayList<>(), new ArrayList<>());
        }

        void add(ChildRun run) {
            rounds.add(roundsOf(run));
            perCpu.add(roundsPerCpuKilosecond(run));
        }

        long medianRounds() {
            return ChildRun.median(rounds);
        }

        long medianPerCpu() {
            return ChildRun.median(perCpu);
        }
    }

    public static void main(String[] args) throws Exception {
        String agent = "-javaagent:" + args[0];
        String samples = args[1];
        int runs = Integer.parseInt(args[2]);
        String budget = "-Dcacheguard.samples.budgetMillis=" + (args.length > 3 ? Long.parseLong(args[3]) : 3000);
        Path recording = Files.createTempFile("cacheguard-bench", ".jfr");
        Path jdkOnly = Files.createTempFile("cacheguard-bench-jdk-only", ".jfc");
        Measured none = new Measured("no recording");
        Measured defaultOnly = new Measured("JDK default only");
        Measured defaultAndOurs = new Measured("default + cacheguard");
        try {
            Files.writeString(jdkOnly, withoutOurEvents(Files.readString(defaultJfc())));
            for (int i = 0; i < runs; i++) {
                none.add(ChildRun.of(timed(ChildRun.java(budget, agent, "-jar", samples))));
                defaultOnly.add(ChildRun.of(timed(ChildRun.java(budget,
                        "-XX:StartFlightRecording=filename=" + recording + ",settings=" + jdkOnly, agent, "-jar", samples))));
                checkOurEvents(recording, false);
                defaultAndOurs.add(ChildRun.of(timed(ChildRun.java(budget,
                        "-XX:StartFlightRecording=filename=" + recording, agent, "-jar", samples))));
                checkOurEvents(recording, true);
            }
        } finally {
            Files.deleteIfExists(recording);
            Files.deleteIfExists(jdkOnly);
        }
        System.out.printf("seed sample (agent, default mode), %d runs each, medians; ratios of default + cacheguard"
                + " to no recording (the target, >= 0.97) and to the JDK's default recording alone (cacheguard's share)%n",
                runs);
        System.out.printf("%-22s %12s %18s%n", "configuration", "rounds", "rounds/1000 s CPU");
        for (Measured measured : List.of(none, defaultOnly, defaultAndOurs)) {
            System.out.printf("%-22s %12d %18d   all: %s / %s%n", measured.name(), measured.medianRounds(),
                    measured.medianPerCpu(), measured.rounds(), measured.perCpu());
        }
        System.out.printf("default + cacheguard / no recording:  rounds %.3f, per CPU %.3f%n",
                ratio(defaultAndOurs.medianRounds(), none.medianRounds()),
                ratio(defaultAndOurs.medianPerCpu(), none.medianPerCpu()));
        System.out.printf("default + cacheguard / default only:  rounds %.3f, per CPU %.3f%n",
                ratio(defaultAndOurs.medianRounds(), defaultOnly.medianRounds()),
                ratio(defaultAndOurs.medianPerCpu(), defaultOnly.medianPerCpu()));
    }

    private static double ratio(long part, long whole) {
        return (double) part / whole;
    }

    /** The settings the child JVM's {@code default} name stands for: the same java as {@link ChildRun#java}. */
    private static Path defaultJfc() {
        Path jfc = Path.of(System.getProperty("java.home"), "lib", "jfr", "default.jfc");
        if (!Files.isRegularFile(jfc)) {
            throw new IllegalStateException("no " + jfc + ": this java has no Flight Recorder settings to start from");
        }
        return jfc;
    }

    /** The JDK's settings with each cacheguard event disabled, before the closing element. */
    static String withoutOurEvents(String defaultJfc) {
        int end = defaultJfc.lastIndexOf("</configuration>");
        if (end < 0) {
            throw new IllegalStateException("default.jfc has no </configuration>");
        }
        StringBuilder events = new StringBuilder();
        for (String event : OUR_EVENTS) {
            events.append("  <event name=\"").append(event).append("\">\n")
                    .append("    <setting name=\"enabled\">false</setting>\n")
                    .append("  </event>\n");
        }
        return defaultJfc.substring(0, end) + events + defaultJfc.substring(end);
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
        return Math.round(roundsOf(run) * 1000 / seconds);
    }

    /**
     * A recording with our events must hold some (else it measured nothing about them), one without
     * must hold none (else the JDK-only settings did not disable them and the split means nothing).
     */
    private static void checkOurEvents(Path recording, boolean expected) throws IOException {
        boolean found = false;
        try (jdk.jfr.consumer.RecordingFile file = new jdk.jfr.consumer.RecordingFile(recording)) {
            while (file.hasMoreEvents() && !found) {
                found = file.readEvent().getEventType().getName().startsWith("io.cacheguard.");
            }
        }
        if (found != expected) {
            throw new IllegalStateException("the recording " + (expected ? "has no" : "has an") + " io.cacheguard event: "
                    + recording);
        }
    }

    private static long roundsOf(ChildRun run) {
        Matcher m = ROUNDS.matcher(run.stdout);
        if (!m.find() || !run.stdout.contains(" OK")) {
            throw new IllegalStateException("unexpected sample output: " + run.stdout + run.stderr);
        }
        return Long.parseLong(m.group(1));
    }
}
