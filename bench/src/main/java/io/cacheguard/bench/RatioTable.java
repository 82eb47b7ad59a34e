package io.cacheguard.bench;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link MapThroughput} at one and two threads and prints, in Markdown, the measured
 * throughput and the ratios the README's performance targets are stated in. Running JMH from here,
 * rather than reading result files, keeps the two thread counts and the single-threaded-only
 * {@code hashmap} in one command that cannot be half-remembered.
 *
 * <p>Arguments are JMH's own ({@code -f 1 -wi 2 -w 1s -i 3 -r 2s}, {@code -p impl=guarded,chm}),
 * except that the thread count is set here ({@code -t} is ignored) and {@code --rounds N} repeats
 * the whole sweep. On a shared machine the load drifts over minutes, so two implementations
 * measured minutes apart are not comparable; with rounds, every ratio is taken between runs of
 * the same round and the table shows the median and the range over rounds.
 */
public final class RatioTable {
    private static final int[] THREADS = {1, 2};
    private static final int[] READ_PERCENTS = {90, 50};

    /** A quotient of two implementations' throughput, and the floor the README promises for it. */
    private static final class Ratio {
        final String numerator;
        final String denominator;
        final double target;
        final int fromThreads;
        final boolean aboutScaling;

        /**
         * {@code target} applies at {@code fromThreads} threads and more; NaN means "no target, shown
         * for context". A target {@code aboutScaling} is judged on throughput only: CPU time does not
         * see a thread blocked on a lock, which is what such a target is about.
         */
        Ratio(String numerator, String denominator, double target, int fromThreads, boolean aboutScaling) {
            this.numerator = numerator;
            this.denominator = denominator;
            this.target = target;
            this.fromThreads = fromThreads;
            this.aboutScaling = aboutScaling;
        }

        boolean hasTarget(int threads, Metric metric) {
            return !Double.isNaN(target) && threads >= fromThreads && (metric == Metric.THROUGHPUT || !aboutScaling);
        }
    }

    private static final List<Ratio> RATIOS = List.of(
            new Ratio("guarded", "chm", 0.9, 1, false),
            new Ratio("watched", "chm", 0.9, 1, false),
            new Ratio("guarded", "syncmap", 3.0, 2, true),
            new Ratio("guarded-expiring", "caffeine-expiring", 1.0, 1, false),
            new Ratio("guarded", "caffeine", Double.NaN, 1, false),
            new Ratio("guarded", "hashmap", Double.NaN, 1, false),
            new Ratio("lru-guarded", "lru-sync", Double.NaN, 1, false));

    /** One column of the tables: a mix at a thread count. */
    private static final class Column {
        final int readPercent;
        final int threads;

        Column(int readPercent, int threads) {
            this.readPercent = readPercent;
            this.threads = threads;
        }

        String key() {
            return readPercent + "/" + threads;
        }

        String title() {
            return readPercent + "/" + (100 - readPercent) + ", " + threads + (threads == 1 ? " thread" : " threads");
        }
    }

    /** What a table shows. Ratios always read "how many times better the numerator is". */
    private enum Metric {
        THROUGHPUT("Throughput in million operations per second", 1e-6, true) {
            @Override
            Result<?> of(RunResult run) {
                return run.getPrimaryResult();
            }
        },
        CPU("CPU time per operation in nanoseconds, all threads together (see CpuTimeProfiler)", 1, false) {
            @Override
            Result<?> of(RunResult run) {
                return run.getSecondaryResults().get(CpuTimeProfiler.RESULT);
            }
        };

        final String title;
        final double scale;
        final boolean higherIsBetter;

        Metric(String title, double scale, boolean higherIsBetter) {
            this.title = title;
            this.scale = scale;
            this.higherIsBetter = higherIsBetter;
        }

        abstract Result<?> of(RunResult run);

        double ratio(Result<?> top, Result<?> bottom) {
            return higherIsBetter ? top.getScore() / bottom.getScore() : bottom.getScore() / top.getScore();
        }
    }

    private RatioTable() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = 1;
        List<String> jmhArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--rounds") && i + 1 < args.length) {
                rounds = Integer.parseInt(args[++i]);
            } else {
                jmhArgs.add(args[i]);
            }
        }
        CommandLineOptions cli = new CommandLineOptions(jmhArgs.toArray(new String[0]));
        List<String> impls = new ArrayList<>(cli.getParameter("impl").orElse(declaredImpls()));

        // metric -> impl -> column key -> one result per round
        Map<Metric, Map<String, Map<String, List<Result<?>>>>> scores = new EnumMap<>(Metric.class);
        for (int round = 0; round < rounds; round++) {
            for (int threads : THREADS) {
                List<String> runnable = impls.stream()
                        .filter(impl -> threads == 1 || !impl.equals("hashmap"))
                        .collect(Collectors.toList());
                if (runnable.isEmpty()) {
                    continue;
                }
                Options options = new OptionsBuilder()
                        .parent(cli)
                        .include("^" + MapThroughput.class.getName().replace(".", "\\.") + "\\.")
                        .threads(threads)
                        .param("impl", runnable.toArray(new String[0]))
                        .addProfiler(CpuTimeProfiler.class)
                        .build();
                for (RunResult run : new Runner(options).run()) {
                    String column = run.getParams().getParam("readPercent") + "/" + run.getParams().getThreads();
                    for (Metric metric : Metric.values()) {
                        scores.computeIfAbsent(metric, k -> new TreeMap<>())
                                .computeIfAbsent(run.getParams().getParam("impl"), k -> new TreeMap<>())
                                .computeIfAbsent(column, k -> new ArrayList<>())
                                .add(metric.of(run));
                    }
                }
            }
        }

        // UTF-8 whatever the locale: the table goes into the README, and "±" must survive a C locale.
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        out.println();
        out.printf("JDK %s, %d CPUs; arguments: %s%n%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), args.length == 0 ? "(none)" : String.join(" ", args));
        for (Metric metric : Metric.values()) {
            out.print(markdown(metric, scores.getOrDefault(metric, Map.of()), rounds));
            out.println();
        }
        out.flush();
    }

    /** The {@code @Param} list of {@link MapThroughput#impl}, so a new impl needs no edit here. */
    private static Collection<String> declaredImpls() throws NoSuchFieldException {
        return Arrays.asList(MapThroughput.class.getDeclaredField("impl").getAnnotation(Param.class).value());
    }

    private static String markdown(Metric metric, Map<String, Map<String, List<Result<?>>>> scores, int rounds) {
        List<Column> columns = new ArrayList<>();
        for (int threads : THREADS) {
            for (int readPercent : READ_PERCENTS) {
                columns.add(new Column(readPercent, threads));
            }
        }
        String spread = rounds == 1
                ? "± JMH's 99.9% confidence half-width"
                : "median of " + rounds + " rounds, (min–max) over rounds";

        StringBuilder out = new StringBuilder();
        out.append(metric.title).append(" (").append(spread).append(")\n\n");
        header(out, "impl", null, columns);
        for (Map.Entry<String, Map<String, List<Result<?>>>> row : scores.entrySet()) {
            out.append("| ").append(row.getKey());
            for (Column c : columns) {
                List<Result<?>> runs = row.getValue().get(c.key());
                out.append(" | ");
                if (runs == null) {
                    out.append("–");
                } else if (runs.size() == 1) {
                    out.append(withError(runs.get(0).getScore() * metric.scale, runs.get(0).getScoreError() * metric.scale));
                } else {
                    out.append(withRange(runs.stream().mapToDouble(r -> r.getScore() * metric.scale).toArray()));
                }
            }
            out.append(" |\n");
        }

        out.append("\nRatios of ").append(metric.higherIsBetter ? "throughput" : "CPU efficiency (denominator's CPU time / numerator's)")
                .append(" (").append(rounds == 1 ? "± propagated from the scores' errors" : spread)
                .append("; ok/**MISS** compare the ").append(rounds == 1 ? "estimate" : "median")
                .append(" with the target)\n\n");
        header(out, "ratio", "target", columns);
        for (Ratio ratio : RATIOS) {
            Map<String, List<Result<?>>> top = scores.get(ratio.numerator);
            Map<String, List<Result<?>>> bottom = scores.get(ratio.denominator);
            if (top == null || bottom == null) {
                continue;
            }
            out.append("| ").append(ratio.numerator).append(" / ").append(ratio.denominator).append(" | ")
                    .append(Double.isNaN(ratio.target) || (ratio.aboutScaling && metric != Metric.THROUGHPUT) ? "–"
                            : String.format(Locale.ROOT, "≥ %.1f×%s", ratio.target,
                                    ratio.fromThreads > 1 ? " at " + ratio.fromThreads + " threads" : ""));
            for (Column c : columns) {
                out.append(" | ").append(ratioCell(metric, ratio, c, top.get(c.key()), bottom.get(c.key())));
            }
            out.append(" |\n");
        }
        return out.toString();
    }

    private static void header(StringBuilder out, String first, String second, List<Column> columns) {
        out.append("| ").append(first);
        if (second != null) {
            out.append(" | ").append(second);
        }
        for (Column c : columns) {
            out.append(" | ").append(c.title());
        }
        out.append(" |\n|---");
        if (second != null) {
            out.append("|---");
        }
        out.append("|---:".repeat(columns.size())).append("|\n");
    }

    /** Ratios are paired by round: both runs of a pair met the same machine load. */
    private static String ratioCell(Metric metric, Ratio ratio, Column c, List<Result<?>> top, List<Result<?>> bottom) {
        if (top == null || bottom == null) {
            return "–";
        }
        int n = Math.min(top.size(), bottom.size());
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = metric.ratio(top.get(i), bottom.get(i));
        }
        String text;
        double estimate;
        if (n == 1) {
            estimate = values[0];
            Result<?> a = top.get(0);
            Result<?> b = bottom.get(0);
            double error = Double.isNaN(a.getScoreError()) || Double.isNaN(b.getScoreError())
                    ? Double.NaN
                    : estimate * Math.hypot(a.getScoreError() / a.getScore(), b.getScoreError() / b.getScore());
            text = withError(estimate, error);
        } else {
            estimate = median(values);
            text = withRange(values);
        }
        if (ratio.hasTarget(c.threads, metric)) {
            text += estimate >= ratio.target ? " ok" : " **MISS**";
        }
        return text;
    }

    /** JMH has no error estimate for a single iteration; then the number stands alone. */
    private static String withError(double value, double error) {
        return Double.isNaN(error)
                ? String.format(Locale.ROOT, "%.2f", value)
                : String.format(Locale.ROOT, "%.2f ± %.2f", value, error);
    }

    private static String withRange(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "%.2f (%.2f–%.2f)", median(sorted), sorted[0], sorted[sorted.length - 1]);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
