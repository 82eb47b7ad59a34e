package io.cacheguard.bench;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
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

        /** {@code target} applies at {@code fromThreads} threads and more; NaN means "no target, shown for context". */
        Ratio(String numerator, String denominator, double target, int fromThreads) {
            this.numerator = numerator;
            this.denominator = denominator;
            this.target = target;
            this.fromThreads = fromThreads;
        }

        boolean hasTarget(int threads) {
            return !Double.isNaN(target) && threads >= fromThreads;
        }
    }

    private static final List<Ratio> RATIOS = List.of(
            new Ratio("guarded", "chm", 0.9, 1),
            new Ratio("guarded", "syncmap", 3.0, 2),
            new Ratio("guarded-expiring", "caffeine-expiring", 1.0, 1),
            new Ratio("guarded", "caffeine", Double.NaN, 1),
            new Ratio("guarded", "hashmap", Double.NaN, 1),
            new Ratio("lru-guarded", "lru-sync", Double.NaN, 1));

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

        // impl -> column key -> one result per round
        Map<String, Map<String, List<Result<?>>>> scores = new TreeMap<>();
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
                        .build();
                for (RunResult run : new Runner(options).run()) {
                    String column = run.getParams().getParam("readPercent") + "/" + run.getParams().getThreads();
                    scores.computeIfAbsent(run.getParams().getParam("impl"), k -> new TreeMap<>())
                            .computeIfAbsent(column, k -> new ArrayList<>())
                            .add(run.getPrimaryResult());
                }
            }
        }

        // UTF-8 whatever the locale: the table goes into the README, and "±" must survive a C locale.
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        out.println();
        out.print(markdown(scores, rounds, String.join(" ", args)));
        out.flush();
    }

    /** The {@code @Param} list of {@link MapThroughput#impl}, so a new impl needs no edit here. */
    private static Collection<String> declaredImpls() throws NoSuchFieldException {
        return Arrays.asList(MapThroughput.class.getDeclaredField("impl").getAnnotation(Param.class).value());
    }

    static String markdown(Map<String, Map<String, List<Result<?>>>> scores, int rounds, String options) {
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
        out.append("Throughput in million operations per second (").append(spread).append("); JDK ")
                .append(System.getProperty("java.version")).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" CPUs; options: ")
                .append(options.isEmpty() ? "(JMH defaults)" : options).append("\n\n");
        header(out, "impl", null, columns);
        for (Map.Entry<String, Map<String, List<Result<?>>>> row : scores.entrySet()) {
            out.append("| ").append(row.getKey());
            for (Column c : columns) {
                List<Result<?>> runs = row.getValue().get(c.key());
                out.append(" | ");
                if (runs == null) {
                    out.append("–");
                } else if (runs.size() == 1) {
                    out.append(withError(runs.get(0).getScore() / 1e6, runs.get(0).getScoreError() / 1e6));
                } else {
                    out.append(withRange(runs.stream().mapToDouble(r -> r.getScore() / 1e6).toArray()));
                }
            }
            out.append(" |\n");
        }

        out.append("\nRatios (").append(rounds == 1 ? "± propagated from the scores' errors" : spread)
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
                    .append(Double.isNaN(ratio.target) ? "–" : String.format(Locale.ROOT, "≥ %.1f×%s", ratio.target,
                            ratio.fromThreads > 1 ? " at " + ratio.fromThreads + " threads" : ""));
            for (Column c : columns) {
                out.append(" | ").append(ratioCell(ratio, c, top.get(c.key()), bottom.get(c.key())));
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
    private static String ratioCell(Ratio ratio, Column c, List<Result<?>> top, List<Result<?>> bottom) {
        if (top == null || bottom == null) {
            return "–";
        }
        int n = Math.min(top.size(), bottom.size());
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = top.get(i).getScore() / bottom.get(i).getScore();
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
        if (ratio.hasTarget(c.threads)) {
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
