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
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link MapThroughput} at one and two threads and prints, in Markdown, the measured
 * throughput and the ratios the README's performance targets are stated in. Running JMH from here,
 * rather than reading result files, keeps the two thread counts and the single-threaded-only
 * {@code hashmap} in one command that cannot be half-remembered.
 *
 * <p>Arguments are JMH's own ({@code -f 1 -wi 2 -w 1s -i 3 -r 2s}, {@code -p impl=guarded,chm});
 * the thread count is set here, so {@code -t} is ignored.
 */
public final class RatioTable {
    private static final int[] THREADS = {1, 2};

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

    private RatioTable() {
    }

    public static void main(String[] args) throws Exception {
        CommandLineOptions cli = new CommandLineOptions(args);
        List<String> impls = new ArrayList<>(cli.getParameter("impl").orElse(declaredImpls()));

        List<RunResult> results = new ArrayList<>();
        for (int threads : THREADS) {
            List<String> runnable = impls.stream()
                    .filter(impl -> threads == 1 || !impl.equals("hashmap"))
                    .collect(Collectors.toList());
            if (runnable.isEmpty()) {
                continue;
            }
            ChainedOptionsBuilder options = new OptionsBuilder()
                    .parent(cli)
                    .include("^" + MapThroughput.class.getName().replace(".", "\\.") + "\\.")
                    .threads(threads)
                    .param("impl", runnable.toArray(new String[0]));
            results.addAll(new Runner(options.build()).run());
        }
        // UTF-8 whatever the locale: the table goes into the README, and "±" must survive a C locale.
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        out.println();
        out.print(markdown(results, args));
        out.flush();
    }

    /** The {@code @Param} list of {@link MapThroughput#impl}, so a new impl needs no edit here. */
    private static Collection<String> declaredImpls() throws NoSuchFieldException {
        return Arrays.asList(MapThroughput.class.getDeclaredField("impl").getAnnotation(Param.class).value());
    }

    /** One column of the tables: a mix at a thread count. */
    private static final class Column {
        final int readPercent;
        final int threads;

        Column(int readPercent, int threads) {
            this.readPercent = readPercent;
            this.threads = threads;
        }

        String title() {
            return readPercent + "/" + (100 - readPercent) + ", " + threads + (threads == 1 ? " thread" : " threads");
        }
    }

    static String markdown(Collection<RunResult> results, String[] args) {
        // impl -> "readPercent/threads" -> result
        Map<String, Map<String, Result<?>>> scores = new TreeMap<>();
        List<Column> columns = new ArrayList<>();
        for (int threads : THREADS) {
            for (int readPercent : new int[] {90, 50}) {
                columns.add(new Column(readPercent, threads));
            }
        }
        for (RunResult run : results) {
            String impl = run.getParams().getParam("impl");
            String cell = run.getParams().getParam("readPercent") + "/" + run.getParams().getThreads();
            scores.computeIfAbsent(impl, k -> new TreeMap<>()).put(cell, run.getPrimaryResult());
        }

        StringBuilder out = new StringBuilder();
        out.append("Throughput, million operations per second (± JMH's 99.9% confidence half-width), ")
                .append("JDK ").append(System.getProperty("java.version")).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" CPUs, options: ")
                .append(args.length == 0 ? "(JMH defaults)" : String.join(" ", args)).append("\n\n");
        header(out, "impl", null, columns);
        for (Map.Entry<String, Map<String, Result<?>>> row : scores.entrySet()) {
            out.append("| ").append(row.getKey());
            for (Column c : columns) {
                Result<?> r = row.getValue().get(key(c));
                out.append(" | ").append(r == null ? "–" : withError(r.getScore() / 1e6, r.getScoreError() / 1e6));
            }
            out.append(" |\n");
        }

        out.append("\nRatios (± propagated from the scores' error; \"ok\"/\"MISS\" compare the point estimate with the target)\n\n");
        header(out, "ratio", "target", columns);
        for (Ratio ratio : RATIOS) {
            Map<String, Result<?>> top = scores.get(ratio.numerator);
            Map<String, Result<?>> bottom = scores.get(ratio.denominator);
            if (top == null || bottom == null) {
                continue;
            }
            out.append("| ").append(ratio.numerator).append(" / ").append(ratio.denominator).append(" | ")
                    .append(Double.isNaN(ratio.target) ? "–" : String.format(Locale.ROOT, "≥ %.1f×%s", ratio.target,
                            ratio.fromThreads > 1 ? " at " + ratio.fromThreads + "+ threads" : ""));
            for (Column c : columns) {
                out.append(" | ").append(cell(ratio, c, top.get(key(c)), bottom.get(key(c))));
            }
            out.append(" |\n");
        }
        return out.toString();
    }

    private static String key(Column c) {
        return c.readPercent + "/" + c.threads;
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

    private static String cell(Ratio ratio, Column c, Result<?> top, Result<?> bottom) {
        if (top == null || bottom == null) {
            return "–";
        }
        double value = top.getScore() / bottom.getScore();
        double error = value * Math.hypot(relative(top), relative(bottom));
        String text = withError(value, Double.isNaN(top.getScoreError() + bottom.getScoreError()) ? Double.NaN : error);
        if (ratio.hasTarget(c.threads)) {
            text += value >= ratio.target ? " ok" : " **MISS**";
        }
        return text;
    }

    /** JMH has no error estimate for a single iteration; then the number stands alone. */
    private static String withError(double value, double error) {
        return Double.isNaN(error)
                ? String.format(Locale.ROOT, "%.2f", value)
                : String.format(Locale.ROOT, "%.2f ± %.2f", value, error);
    }

    private static double relative(Result<?> r) {
        double e = r.getScoreError();
        return Double.isNaN(e) ? 0 : e / r.getScore();
    }
}
