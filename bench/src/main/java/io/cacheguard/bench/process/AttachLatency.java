package io.cacheguard.bench.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code attach} costs, whole process, on a fresh target per round ({@link AttachPauseProbe}):
 * the latency from running the command to its return (the agent has then patched the loaded classes
 * and the command has printed them), the agent's own share of it (from the {@code attach} event),
 * and the pause the target's threads see: the largest gap of a spinning thread while the attach
 * runs, against the largest in as many windows just before it. Usage:
 * {@code java -cp bench/target/benchmarks.jar io.cacheguard.bench.process.AttachLatency AGENT_JAR ROUNDS}
 */
public final class AttachLatency {
    private static final long BASELINE_MILLIS = 2_000;
    private static final long AFTER_MILLIS = 500;

    private AttachLatency() {
    }

    public static void main(String[] args) throws Exception {
        String agent = args[0];
        int rounds = Integer.parseInt(args[1]);
        Path classes = probeClasses();
        List<Long> commandMillis = new ArrayList<>();
        List<Long> agentMillis = new ArrayList<>();
        List<Long> attachGapMicros = new ArrayList<>();
        List<Long> baselineGapMicros = new ArrayList<>();
        List<Long> safepointMicros = new ArrayList<>();
        List<Long> longestSafepointMicros = new ArrayList<>();
        List<Integer> safepointCounts = new ArrayList<>();
        java.util.Map<String, List<Long>> operations = new java.util.TreeMap<>();
        for (int round = 0; round < rounds; round++) {
            Round result = round(agent, classes);
            commandMillis.add(result.commandMillis);
            agentMillis.add(result.agentMillis);
            attachGapMicros.add(result.attachGapMicros);
            baselineGapMicros.add(result.baselineGapMicros);
            safepointMicros.add(result.safepointNanos / 1_000);
            longestSafepointMicros.add(result.longestSafepointNanos / 1_000);
            safepointCounts.add(result.safepoints);
            result.operations.forEach((op, nanos) -> operations.computeIfAbsent(op, o -> new ArrayList<>()).addAll(nanos));
        }
        System.out.printf("java %s, %d rounds, a fresh target each%n", System.getProperty("java.version"), rounds);
        System.out.printf("attach command to patched: median %d ms (all %s)%n", ChildRun.median(commandMillis), commandMillis);
        System.out.printf("  of which the agent in the target (start, retransform, report): median %d ms (all %s)%n",
                ChildRun.median(agentMillis), agentMillis);
        System.out.printf("stop-the-world pauses in the target during the attach (-Xlog:safepoint): total median %d us"
                + " (all %s), longest single median %d us (all %s), count %s%n",
                ChildRun.median(safepointMicros), safepointMicros, ChildRun.median(longestSafepointMicros),
                longestSafepointMicros, safepointCounts);
        operations.forEach((op, nanos) -> System.out.printf("  %s: %d safepoints, median %d us, longest %d us%n", op,
                nanos.size(), ChildRun.median(nanos) / 1_000, nanos.stream().mapToLong(Long::longValue).max().orElse(0) / 1_000));
        System.out.printf("largest stall of a spinning target thread during the attach: median %d us (all %s)%n",
                ChildRun.median(attachGapMicros), attachGapMicros);
        System.out.printf("  same, in the %d ms before the attach: median %d us (all %s)%n", BASELINE_MILLIS,
                ChildRun.median(baselineGapMicros), baselineGapMicros);
    }

    private static final class Round {
        long commandMillis;
        long agentMillis;
        long attachGapMicros;
        long baselineGapMicros;
        int safepoints;
        long safepointNanos;
        long longestSafepointNanos;
        /** Operation name → the duration of each of its safepoints, ns. */
        final java.util.Map<String, List<Long>> operations = new java.util.TreeMap<>();
    }

    private static Round round(String agent, Path classes) throws Exception {
        Path safepoints = Files.createTempFile("attach-safepoints", ".log");
        Process probe = new ProcessBuilder(ChildRun.java("-Xlog:safepoint:file=" + safepoints + ":timemillis",
                "-cp", classes.toString(), AttachPauseProbe.class.getName()))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BlockingQueue<String> lines = lines(probe.getInputStream());
        try {
            String ready = lines.poll(60, TimeUnit.SECONDS);
            if (ready == null || !ready.startsWith("READY ")) {
                throw new IllegalStateException("probe did not start: " + ready);
            }
            long pid = probe.pid();
            Thread.sleep(BASELINE_MILLIS + 500); // let the probe warm up and collect its baseline windows
            Path report = Files.createTempFile("attach-latency", ".jsonl");
            long start = System.currentTimeMillis();
            long startNanos = System.nanoTime();
            ChildRun attach = ChildRun.of(ChildRun.java("-jar", agent, "attach", Long.toString(pid), "report=" + report));
            long commandMillis = (System.nanoTime() - startNanos) / 1_000_000;
            long end = System.currentTimeMillis();
            if (!attach.stdout.contains("patched io.cacheguard.bench.process.AttachPauseProbe.MEMO_CACHE")) {
                throw new IllegalStateException("attach did not patch the probe: " + attach.stdout + attach.stderr);
            }
            Thread.sleep(AFTER_MILLIS); // windows after the attach must be printed before they are read
            Round round = new Round();
            round.commandMillis = commandMillis;
            safepoints(Files.readAllLines(safepoints), start, end, round);
            round.agentMillis = agentMillis(Files.readString(report));
            Files.deleteIfExists(report);
            for (String line = lines.poll(); line != null; line = lines.poll()) {
                String[] parts = line.split(" ");
                if (!parts[0].equals("WINDOW")) {
                    continue;
                }
                long windowEnd = Long.parseLong(parts[1]);
                long gap = Long.parseLong(parts[2]);
                if (windowEnd > start - BASELINE_MILLIS && windowEnd <= start) {
                    round.baselineGapMicros = Math.max(round.baselineGapMicros, gap);
                } else if (windowEnd > start && windowEnd <= end + 100) {
                    round.attachGapMicros = Math.max(round.attachGapMicros, gap);
                }
            }
            return round;
        } finally {
            probe.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            Files.deleteIfExists(safepoints);
        }
    }

    /**
     * The JVM's own account of the stop-the-world pauses during the attach ({@code -Xlog:safepoint}
     * lines such as {@code [1795686000123ms] Safepoint "RedefineClasses", ... Total: 1280245 ns}):
     * their count, their sum and the longest, precise where the spinning thread is at the mercy of
     * the scheduler.
     */
    private static void safepoints(List<String> log, long start, long end, Round round) {
        Pattern line = Pattern.compile("^\\[(\\d+)ms\\] Safepoint \"(\\w+)\".*Total: (\\d+) ns");
        for (String entry : log) {
            Matcher m = line.matcher(entry);
            if (m.find()) {
                long at = Long.parseLong(m.group(1));
                long nanos = Long.parseLong(m.group(3));
                if (at >= start && at <= end) {
                    round.safepoints++;
                    round.safepointNanos += nanos;
                    round.longestSafepointNanos = Math.max(round.longestSafepointNanos, nanos);
                    round.operations.computeIfAbsent(m.group(2), op -> new ArrayList<>()).add(nanos);
                }
            }
        }
    }

    /** From the start event to the attach event: the agent's own time inside the target. */
    private static long agentMillis(String report) {
        long started = 0;
        long attached = 0;
        for (String line : report.split("\n")) {
            long time = Long.parseLong(line.replaceAll(".*\"time\":(\\d+).*", "$1"));
            if (line.contains("\"event\":\"start\"")) {
                started = time;
            } else if (line.contains("\"event\":\"attach\"")) {
                attached = time;
            }
        }
        return attached - started;
    }

    private static BlockingQueue<String> lines(InputStream stream) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the probe ended
            }
        }, "probe-stdout");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    /** The probe's class file alone in a directory: the benchmarks jar would put the agent on its class path. */
    private static Path probeClasses() throws IOException {
        Path dir = Files.createTempDirectory("attach-probe");
        String name = AttachPauseProbe.class.getName().replace('.', '/') + ".class";
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        try (InputStream in = AttachLatency.class.getResourceAsStream("/" + name)) {
            Files.copy(in, file);
        }
        return dir;
    }
}
