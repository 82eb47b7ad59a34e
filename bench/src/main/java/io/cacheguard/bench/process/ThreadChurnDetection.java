package io.cacheguard.bench.process;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether race detection survives millions of short-lived threads: {@link ThreadChurn} under the
 * agent in its default mode, then its report read back. Detection holds when, after the churn, a
 * race on a cache no thread touched before is still reported and the report holds no error; the
 * heap is flat when its size after a GC stays where it was at the first tenth. Detector thread ids
 * that were never reused ran out at 2^20 threads, switched detection off and missed the late race.
 *
 * <p>Usage: {@code ThreadChurnDetection AGENT_JAR platform|virtual THREADS BATCH} (virtual threads
 * need JDK 21 or later to run the child).
 */
public final class ThreadChurnDetection {
    private static final Pattern HEAP = Pattern.compile("HEAP (\\d+) (\\d+)");
    /** Three million platform threads take a while on two busy cores. */
    private static final int CHILD_TIMEOUT_MINUTES = 120;

    private ThreadChurnDetection() {
    }

    public static void main(String[] args) throws Exception {
        String agent = args[0];
        String kind = args[1];
        String threads = args[2];
        String batch = args[3];
        Path classes = childClasses();
        String classpath = classes.toString();
        Path report = Files.createTempFile("thread-churn", ".jsonl");
        try {
            ChildRun run = ChildRun.of(ChildRun.java("-Xmx256m", "-XX:+UseSerialGC",
                    "-javaagent:" + agent + "=report=" + report + ",quiet=true", "-cp", classpath,
                    ThreadChurn.class.getName(), kind, threads, batch), CHILD_TIMEOUT_MINUTES);
            List<String> events = Files.readAllLines(report, StandardCharsets.UTF_8);
            System.out.printf(Locale.ROOT, "%s threads: %,d in batches of %s, %.1f s (JDK %s)%n", kind,
                    Long.parseLong(threads), batch, run.nanos / 1e9, System.getProperty("java.version"));
            List<long[]> heap = new ArrayList<>();
            Matcher m = HEAP.matcher(run.stdout);
            while (m.find()) {
                heap.add(new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))});
            }
            for (long[] point : heap) {
                System.out.printf(Locale.ROOT, "  heap after %,d threads: %,d KB%n", point[0], point[1] / 1024);
            }
            boolean ran = run.stdout.contains("LATE_RACE_RAN");
            boolean lateRace = events.stream().anyMatch(e -> e.contains("\"event\":\"race\"") && e.contains("LateCache"));
            long churnRaces = events.stream().filter(e -> e.contains("\"event\":\"race\"") && e.contains("ChurnCache")).count();
            List<String> errors = events.stream().filter(e -> e.contains("\"event\":\"error\"")).toList();
            Matcher ids = Pattern.compile("DETECTOR_THREAD_IDS (.*)").matcher(run.stdout);
            System.out.println("  detector thread ids at the end: " + (ids.find() ? ids.group(1) : "not printed"));
            System.out.println("  late race ran: " + ran + ", reported: " + lateRace + "; churn race events: "
                    + churnRaces + "; errors: " + errors.size());
            errors.stream().limit(3).forEach(e -> System.out.println("    " + e));
            if (heap.size() >= 4) {
                // From the second tenth on: the first holds the JIT's and the scheduler's warm-up.
                long base = heap.get(2)[1];
                long last = heap.get(heap.size() - 1)[1];
                System.out.printf(Locale.ROOT, "  heap at the end / after the second tenth: %.2f%n", (double) last / base);
            }
            if (!ran || !lateRace || !errors.isEmpty()) {
                System.out.println("DETECTION LOST\n" + run.stderr);
                System.exit(1);
            }
        } finally {
            Files.deleteIfExists(report);
            try (java.util.stream.Stream<Path> files = Files.walk(classes)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /**
     * {@link ThreadChurn}'s classes alone, in a fresh directory, as the child's class path: the
     * benchmarks jar bundles the agent, and the agent's classes found first on the class path would
     * be the ones that run, whichever agent jar is measured.
     */
    private static Path childClasses() throws java.io.IOException {
        Path directory = Files.createTempDirectory("thread-churn");
        for (Class<?> type : List.of(ThreadChurn.class, ThreadChurn.ChurnCache.class, ThreadChurn.LateCache.class)) {
            String resource = type.getName().replace('.', '/') + ".class";
            Path target = directory.resolve(resource);
            Files.createDirectories(target.getParent());
            try (java.io.InputStream in = ThreadChurnDetection.class.getClassLoader().getResourceAsStream(resource)) {
                Files.copy(in, target);
            }
        }
        return directory;
    }
}
