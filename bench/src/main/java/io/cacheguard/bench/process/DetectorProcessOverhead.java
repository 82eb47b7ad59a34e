package io.cacheguard.bench.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The race detector's cost in whole processes, each ratio taken between runs made back to back:
 * <ul>
 * <li>{@link RacyQuoteLoad} (a racy cache hammered by one or two threads) with {@code mode=patch}
 * and {@code mode=both,detector=hb}: with two threads every access races, the detector's worst case
 * (target: {@code both} at least 0.5 of {@code patch});</li>
 * <li>the seed sample end to end (run-all rounds in its fixed budget), {@code mode=both,detector=hb} against
 * {@code mode=patch} (target: at most 1.10 times slower, i.e. rounds ratio at least 0.91); and
 * {@code mode=both,detector=hb} with the detector's core switched off ({@code -Dcacheguard.diagnostic.hooksOnly=true}:
 * every hook still runs and finds its thread's state), the floor of observing each operation.</li>
 * </ul>
 * Usage: {@code java -cp bench/target/benchmarks.jar io.cacheguard.bench.process.DetectorProcessOverhead
 * AGENT_JAR SAMPLES_JAR RUNS}
 */
public final class DetectorProcessOverhead {
    private static final Pattern NS_PER_OP = Pattern.compile("NS_PER_OP ([0-9.]+)");
    private static final Pattern ROUNDS = Pattern.compile("(\\d+) run-all rounds");

    private DetectorProcessOverhead() {
    }

    public static void main(String[] args) throws Exception {
        String agent = args[0];
        String samples = args[1];
        int runs = Integer.parseInt(args[2]);
        String classpath = DetectorProcessOverhead.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        System.out.printf(Locale.ROOT, "JDK %s, %d CPUs, %d runs each, medians%n%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), runs);
        System.out.println("| racy cache load | mode=patch ns/op | mode=both ns/op | both / patch throughput (target ≥ 0.5) |");
        System.out.println("|---|---|---|---|");
        for (int threads : new int[] {1, 2}) {
            for (int readPercent : new int[] {90, 50}) {
                List<Long> patch = new ArrayList<>();
                List<Long> both = new ArrayList<>();
                for (int run = 0; run < runs; run++) {
                    patch.add(picos(load(agent, "patch", classpath, readPercent, threads)));
                    both.add(picos(load(agent, "both,detector=hb", classpath, readPercent, threads)));
                }
                double p = ChildRun.median(patch) / 1000.0;
                double b = ChildRun.median(both) / 1000.0;
                System.out.printf(Locale.ROOT, "| %d%% reads, %d thread%s | %.1f | %.1f | %.2f |%n", readPercent, threads,
                        threads == 1 ? "" : "s", p, b, p / b);
            }
        }
        List<Long> patchRounds = new ArrayList<>();
        List<Long> bothRounds = new ArrayList<>();
        List<Long> hooksOnlyRounds = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            patchRounds.add(rounds(ChildRun.of(ChildRun.java("-javaagent:" + agent + "=mode=patch", "-jar", samples))));
            bothRounds.add(rounds(ChildRun.of(ChildRun.java("-javaagent:" + agent + "=mode=both,detector=hb", "-jar", samples))));
            hooksOnlyRounds.add(rounds(ChildRun.of(ChildRun.java("-Dcacheguard.diagnostic.hooksOnly=true",
                    "-javaagent:" + agent + "=mode=both,detector=hb", "-jar", samples))));
        }
        long p = ChildRun.median(patchRounds);
        long b = ChildRun.median(bothRounds);
        long h = ChildRun.median(hooksOnlyRounds);
        System.out.printf(Locale.ROOT, "%nseed sample, run-all rounds in its budget: mode=patch %d, mode=both %d, "
                + "both / patch %.3f (target ≥ 0.91); all runs: %s vs %s%n", p, b, (double) b / p, patchRounds, bothRounds);
        System.out.printf(Locale.ROOT, "the same, mode=both with only the hooks (hooksOnly): %d, / patch %.3f, the floor"
                + " of observing each operation; all runs: %s%n", h, (double) h / p, hooksOnlyRounds);
    }

    private static ChildRun load(String agent, String mode, String classpath, int readPercent, int threads)
            throws Exception {
        return ChildRun.of(ChildRun.java("-javaagent:" + agent + "=mode=" + mode + ",quiet=true", "-cp", classpath,
                RacyQuoteLoad.class.getName(), Integer.toString(readPercent), Integer.toString(threads)));
    }

    /** ns/op in thousandths, so the median helper's longs keep three decimals. */
    private static long picos(ChildRun run) {
        Matcher m = NS_PER_OP.matcher(run.stdout);
        if (!m.find()) {
            throw new IllegalStateException("unexpected output: " + run.stdout + run.stderr);
        }
        return Math.round(Double.parseDouble(m.group(1)) * 1000);
    }

    private static long rounds(ChildRun run) {
        Matcher m = ROUNDS.matcher(run.stdout);
        if (!m.find()) {
            throw new IllegalStateException("unexpected sample output: " + run.stdout + run.stderr);
        }
        return Long.parseLong(m.group(1));
    }
}
