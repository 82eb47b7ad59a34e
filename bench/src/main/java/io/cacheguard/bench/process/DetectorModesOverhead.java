package io.cacheguard.bench.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What each detector costs whole programs, as ratios taken in one run with the configurations
 * alternating (so that a machine's drifting load hits them alike), medians over {@code RUNS}:
 * <ul>
 *   <li>a program with no cache ({@link NoCacheLocks}): the default mode (the watch) and
 *       {@code mode=detect} (the happens-before detector, never armed there) against no agent;</li>
 *   <li>a memo cache ({@link MemoLookups}): {@code mode=patch} and the default mode against the
 *       same program hand-fixed with ConcurrentHashMap and no agent;</li>
 *   <li>the seed sample: the default mode and {@code mode=both,detector=hb} against {@code mode=patch}.</li>
 * </ul>
 * Usage: {@code java -cp bench/target/benchmarks.jar io.cacheguard.bench.process.DetectorModesOverhead
 * AGENT_JAR SAMPLES_JAR RUNS [NO_CACHE_OPS] [MEMO_LOOKUPS]}; {@code -Dcacheguard.bench.only=no cache,memo}
 * runs only the workloads whose names start so (the ratios of the others are then left out). The workloads run from a directory
 * holding only their own class files: the benchmarks jar would put the agent on their class path.
 */
public final class DetectorModesOverhead {
    private static final Pattern MILLIS = Pattern.compile("millis (\\d+)");
    private static final Pattern ROUNDS = Pattern.compile("(\\d+) run-all rounds");

    private DetectorModesOverhead() {
    }

    public static void main(String[] args) throws Exception {
        String agent = args[0];
        String samples = args[1];
        int runs = Integer.parseInt(args[2]);
        String noCacheOps = args.length > 3 ? args[3] : "20000000";
        String memoLookups = args.length > 4 ? args[4] : "8000000";
        String classes = workloadClasses().toString();
        String javaagent = "-javaagent:" + agent + "=quiet=true";

        Map<String, List<String>> configs = new LinkedHashMap<>();
        configs.put("no cache, no agent", List.of("-cp", classes, NoCacheLocks.class.getName(), noCacheOps));
        configs.put("no cache, default (watch)", List.of(javaagent, "-cp", classes, NoCacheLocks.class.getName(), noCacheOps));
        configs.put("no cache, mode=detect (hb)", List.of(javaagent + ",mode=detect", "-cp", classes,
                NoCacheLocks.class.getName(), noCacheOps));
        configs.put("memo, hand-fixed ConcurrentHashMap", List.of("-cp", classes, MemoLookups.class.getName(), "chm",
                memoLookups));
        configs.put("memo, mode=patch", List.of(javaagent + ",mode=patch", "-cp", classes, MemoLookups.class.getName(),
                "hashmap", memoLookups));
        configs.put("memo, default (watch)", List.of(javaagent, "-cp", classes, MemoLookups.class.getName(), "hashmap",
                memoLookups));
        configs.put("seed, mode=patch", List.of(javaagent + ",mode=patch", "-jar", samples));
        configs.put("seed, default (watch)", List.of(javaagent, "-jar", samples));
        configs.put("seed, mode=both,detector=hb", List.of(javaagent + ",detector=hb", "-jar", samples));

        String only = System.getProperty("cacheguard.bench.only", "");
        if (!only.isEmpty()) {
            // e.g. "no cache,memo": more runs of the workloads whose spread needs them, in the same time
            List<String> prefixes = List.of(only.split(","));
            configs.keySet().removeIf(name -> prefixes.stream().noneMatch(name::startsWith));
        }
        Map<String, List<Long>> results = new LinkedHashMap<>();
        for (int run = 0; run < runs; run++) {
            for (Map.Entry<String, List<String>> config : configs.entrySet()) {
                ChildRun child = ChildRun.of(ChildRun.java(config.getValue().toArray(new String[0])));
                ToLongFunction<ChildRun> measure = config.getKey().startsWith("seed") ? DetectorModesOverhead::rounds
                        : DetectorModesOverhead::millis;
                results.computeIfAbsent(config.getKey(), k -> new ArrayList<>()).add(measure.applyAsLong(child));
            }
        }
        System.out.printf("java %s, %d runs each, alternating; medians (all runs)%n", System.getProperty("java.version"), runs);
        for (Map.Entry<String, List<Long>> result : results.entrySet()) {
            System.out.printf("  %-38s %8d %s  %s%n", result.getKey(), ChildRun.median(result.getValue()),
                    result.getKey().startsWith("seed") ? "rounds" : "ms    ", result.getValue());
        }
        System.out.println("throughput ratios (target):");
        faster(results, "no cache: default / no agent (>= 0.97)", "no cache, no agent", "no cache, default (watch)");
        faster(results, "no cache: mode=detect / no agent (>= 0.95)", "no cache, no agent", "no cache, mode=detect (hb)");
        faster(results, "memo: mode=patch / hand-fixed (>= 0.90)", "memo, hand-fixed ConcurrentHashMap", "memo, mode=patch");
        faster(results, "memo: default / hand-fixed (>= 0.90)", "memo, hand-fixed ConcurrentHashMap", "memo, default (watch)");
        more(results, "seed: default / mode=patch (>= 0.90)", "seed, mode=patch", "seed, default (watch)");
        more(results, "seed: hb / mode=patch (>= 0.40)", "seed, mode=patch", "seed, mode=both,detector=hb");
    }

    /** A ratio of throughputs from times: the baseline's time over the measured one's. */
    private static void faster(Map<String, List<Long>> results, String label, String baseline, String measured) {
        ratio(results, label, baseline, measured);
    }

    /** A ratio of throughputs from counts of rounds: the measured one's over the baseline's. */
    private static void more(Map<String, List<Long>> results, String label, String baseline, String measured) {
        ratio(results, label, measured, baseline);
    }

    private static void ratio(Map<String, List<Long>> results, String label, String numerator, String denominator) {
        if (!results.containsKey(numerator) || !results.containsKey(denominator)) {
            return; // not run (cacheguard.bench.only)
        }
        System.out.printf("  %-46s %.3f%n", label,
                (double) ChildRun.median(results.get(numerator)) / ChildRun.median(results.get(denominator)));
    }

    private static long millis(ChildRun run) {
        Matcher m = MILLIS.matcher(run.stdout);
        if (!m.find()) {
            throw new IllegalStateException("unexpected workload output: " + run.stdout + run.stderr);
        }
        return Long.parseLong(m.group(1));
    }

    private static long rounds(ChildRun run) {
        Matcher m = ROUNDS.matcher(run.stdout);
        if (!m.find() || !run.stdout.contains(" OK")) {
            throw new IllegalStateException("unexpected sample output: " + run.stdout + run.stderr);
        }
        return Long.parseLong(m.group(1));
    }

    private static Path workloadClasses() throws IOException {
        Path dir = Files.createTempDirectory("detector-modes");
        for (String name : List.of("NoCacheLocks", "MemoLookups", "MemoLookups$Memo", "MemoLookups$Racy",
                "MemoLookups$HandFixed")) {
            String file = "io/cacheguard/bench/process/" + name + ".class";
            Path target = dir.resolve(file);
            Files.createDirectories(target.getParent());
            try (InputStream in = DetectorModesOverhead.class.getResourceAsStream("/" + file)) {
                Files.copy(in, target);
            }
        }
        return dir;
    }
}
