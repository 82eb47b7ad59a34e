package io.cacheguard.bench.detect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The race detector's cost, as the README states it: {@link TrackedCacheThroughput} at one and two
 * threads, 90/10 and 50/50, in a JVM without the agent, with {@code mode=patch} and with
 * {@code mode=both,detector=hb} ({@code both} in the table) and with the default {@code mode=both}
 * (the watch, printed after it), every round running all of them back to back so their ratio is taken under the
 * same machine load. Target: {@code both} at least 0.5 of {@code patch}.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar io.cacheguard.bench.detect.DetectorOverhead
 * AGENT_JAR [--rounds N] [JMH options, e.g. -wi 2 -w 1s -i 3 -r 2s]}
 */
public final class DetectorOverhead {
    private static final Map<String, String> MODES = new LinkedHashMap<>();

    static {
        MODES.put("none", null);
        MODES.put("patch", "mode=patch");
        MODES.put("both", "mode=both,detector=hb");
        MODES.put("watch", "mode=both");
    }

    private DetectorOverhead() {
    }

    public static void main(String[] args) throws Exception {
        Path agent = Paths.get(args[0]).toAbsolutePath();
        if (!Files.isRegularFile(agent)) {
            throw new IllegalArgumentException("agent jar not found: " + agent + "; build it with mvn package");
        }
        int rounds = 1;
        List<String> jmhArgs = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--rounds")) {
                rounds = Integer.parseInt(args[++i]);
            } else {
                jmhArgs.add(args[i]);
            }
        }
        CommandLineOptions cli = new CommandLineOptions(jmhArgs.toArray(new String[0]));
        // column ("90/10, 1 thread") -> mode -> one score per round
        Map<String, Map<String, List<Double>>> scores = new TreeMap<>();
        for (int round = 0; round < rounds; round++) {
            for (int threads : new int[] {1, 2}) {
                for (Map.Entry<String, String> mode : MODES.entrySet()) {
                    OptionsBuilder builder = new OptionsBuilder();
                    builder.parent(cli)
                            .include("^" + TrackedCacheThroughput.class.getName().replace(".", "\\.") + "\\.")
                            .threads(threads)
                            .forks(1);
                    if (mode.getValue() != null) {
                        builder.jvmArgsAppend("-javaagent:" + agent + "=" + mode.getValue() + ",quiet=true");
                    }
                    Options options = builder.build();
                    for (RunResult run : new Runner(options).run()) {
                        String column = run.getParams().getParam("readPercent") + "% reads, " + threads
                                + (threads == 1 ? " thread" : " threads");
                        scores.computeIfAbsent(column, k -> new LinkedHashMap<>())
                                .computeIfAbsent(mode.getKey(), k -> new ArrayList<>())
                                .add(run.getPrimaryResult().getScore());
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "%nJDK %s, %d CPUs, %d round(s); throughput in million operations/s "
                + "(median over rounds)%n%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), rounds);
        System.out.println("| workload | no agent | mode=patch | hb (mode=both,detector=hb) | watch (mode=both) | hb / patch (target ≥ 0.5) | watch / patch | patch / none |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (Map.Entry<String, Map<String, List<Double>>> column : scores.entrySet()) {
            double none = median(column.getValue().get("none"));
            double patch = median(column.getValue().get("patch"));
            double both = median(column.getValue().get("both"));
            double watch = median(column.getValue().get("watch"));
            System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f | %.2f | %.2f | %.2f |%n", column.getKey(),
                    none / 1e6, patch / 1e6, both / 1e6, watch / 1e6, ratioMedian(column.getValue(), "both", "patch"),
                    ratioMedian(column.getValue(), "watch", "patch"), ratioMedian(column.getValue(), "patch", "none"));
        }
    }

    /** The median over rounds of each round's own ratio. */
    private static double ratioMedian(Map<String, List<Double>> byMode, String top, String bottom) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < byMode.get(top).size(); i++) {
            ratios.add(byMode.get(top).get(i) / byMode.get(bottom).get(i));
        }
        return median(ratios);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
