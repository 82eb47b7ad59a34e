package io.cacheguard.bench;

import io.cacheguard.agent.analysis.CacheSelector;
import io.cacheguard.agent.analysis.ClassAnalyzer;
import io.cacheguard.agent.analysis.ClassBytesSource;
import io.cacheguard.agent.analysis.ClassPreFilter;
import io.cacheguard.agent.analysis.FieldReport;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Opcodes;

/**
 * What the analysis costs per class of a real application: the target is that the
 * pre-filter plus the analysis add under 0.2 ms per loaded class on average. For each jar it
 * times (a) the constant-pool pre-filter over every class, (b) pre-filter, selection and analysis
 * with the default selection, as {@code scan} and the agent do, (c) the same with {@code --all};
 * then it times every class of (c) on its own and lists those over 50 ms.
 *
 * <p>Not JMH: the unit of work is a whole jar of different classes, not one operation, and what
 * matters is the average over them. Each measurement follows warm-up rounds over all jars, is
 * repeated, and the median is reported. Times are the measuring thread's CPU time, with wall-clock
 * time beside it: on a busy machine the wall clock also counts the time other processes ran. The
 * collector's threads are not in the thread's time, so their total is printed at the end.
 *
 * <pre>java -cp bench/target/benchmarks.jar io.cacheguard.bench.ScanThroughput [--rounds N] JAR...</pre>
 */
public final class ScanThroughput {
    private static final double SLOW_MS = 50;
    private static final int WARMUP_ROUNDS = 3;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static long measuredGcMillis;
    private static long measuredCpuNanos;

    /** One jar's classes, by internal name; the JDK's and cacheguard's own are left out, as in a scan. */
    private static final class Corpus {
        final String name;
        final Map<String, byte[]> classes;
        final ClassBytesSource source;

        Corpus(String name, Map<String, byte[]> classes) {
            this.name = name;
            this.classes = classes;
            this.source = ClassBytesSource.of(classes);
        }
    }

    /** What one pass over a corpus did, to print and to keep the JIT from discarding the work. */
    private static final class Pass {
        int passedFilter;
        int analysed;
        int fields;
        int failures;
    }

    private ScanThroughput() {
    }

    public static void main(String[] args) throws IOException {
        int rounds = 5;
        List<Path> jars = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--rounds")) {
                rounds = Integer.parseInt(args[++i]);
            } else {
                jars.add(Paths.get(args[i]));
            }
        }
        if (jars.isEmpty()) {
            System.err.println("usage: ScanThroughput [--rounds N] JAR...");
            System.exit(2);
        }
        List<Corpus> corpora = new ArrayList<>();
        for (Path jar : jars) {
            corpora.add(load(jar));
        }
        CacheSelector defaults = CacheSelector.defaults();
        CacheSelector all = CacheSelector.of(true, null);
        // What an application pays at start-up, when nothing is compiled yet: one pass, cold.
        long coldStart = THREADS.getCurrentThreadCpuTime();
        long coldWall = System.nanoTime();
        int coldClasses = 0;
        for (Corpus corpus : corpora) {
            scan(corpus, defaults);
            coldClasses += corpus.classes.size();
        }
        double coldCpuMs = (THREADS.getCurrentThreadCpuTime() - coldStart) / 1e6;
        double coldWallMs = (System.nanoTime() - coldWall) / 1e6;
        for (int round = 0; round < WARMUP_ROUNDS; round++) {
            for (Corpus corpus : corpora) {
                prefilter(corpus);
                scan(corpus, defaults);
                scan(corpus, all);
            }
        }
        System.out.printf(Locale.ROOT, "%s, %d warm-up rounds, median of %d%n", Runtime.version(), WARMUP_ROUNDS,
                rounds);
        System.out.printf(Locale.ROOT, "cold first pass, default selection, all jars: %.4f ms/class CPU, %.4f ms/class"
                + " wall (%d classes)%n%n", coldCpuMs / coldClasses, coldWallMs / coldClasses, coldClasses);
        System.out.println("| jar | classes | pass pre-filter | mode | analysed | ms/class (cpu) | classes/s (cpu)"
                + " | ms/class (wall) |");
        System.out.println("|---|---:|---:|---|---:|---:|---:|---:|");
        long totalClasses = 0;
        double[] totalNanos = new double[3];
        for (Corpus corpus : corpora) {
            int n = corpus.classes.size();
            totalClasses += n;
            int passed = prefilter(corpus).passedFilter;
            double[][] times = {
                median(rounds, () -> prefilter(corpus)),
                median(rounds, () -> scan(corpus, defaults)),
                median(rounds, () -> scan(corpus, all)),
            };
            Pass withDefaults = scan(corpus, defaults);
            Pass withAll = scan(corpus, all);
            int[] analysed = {0, withDefaults.analysed, withAll.analysed};
            if (withAll.failures > 0) {
                System.err.println(corpus.name + ": the analysis threw on " + withAll.failures + " classes");
            }
            String[] modes = {"pre-filter only", "default selection", "--all"};
            for (int mode = 0; mode < 3; mode++) {
                double cpu = times[mode][0];
                totalNanos[mode] += cpu;
                System.out.printf(Locale.ROOT, "| %s | %d | %d | %s | %s | %.4f | %,.0f | %.4f |%n", corpus.name, n,
                        passed, modes[mode], mode == 0 ? "-" : String.valueOf(analysed[mode]), cpu / n / 1e6,
                        n / (cpu / 1e9), times[mode][1] / n / 1e6);
            }
        }
        System.out.printf(Locale.ROOT, "%nall jars, %d classes, CPU time: pre-filter %.4f ms/class,"
                        + " default %.4f ms/class, --all %.4f ms/class (target: < 0.2 ms per loaded class)%n",
                totalClasses,
                totalNanos[0] / totalClasses / 1e6, totalNanos[1] / totalClasses / 1e6,
                totalNanos[2] / totalClasses / 1e6);
        System.out.printf(Locale.ROOT, "garbage collection during the measured passes: %d ms, against %d ms of the"
                + " measuring thread's CPU time%n", measuredGcMillis, measuredCpuNanos / 1_000_000);
        slowClasses(corpora);
    }

    private static Corpus load(Path jar) throws IOException {
        Map<String, byte[]> classes = new HashMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (!name.endsWith(".class") || name.startsWith("META-INF/") || name.endsWith("module-info.class")
                        || name.endsWith("package-info.class")) {
                    continue;
                }
                String internalName = name.substring(0, name.length() - ".class".length());
                if (CacheSelector.isExcluded(internalName.replace('/', '.'))) {
                    continue;
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    classes.put(internalName, in.readAllBytes());
                }
            }
        }
        return new Corpus(jar.getFileName().toString(), classes);
    }

    private static Pass prefilter(Corpus corpus) {
        Pass pass = new Pass();
        for (byte[] bytes : corpus.classes.values()) {
            if (ClassPreFilter.mayDeclareMapField(bytes)) {
                pass.passedFilter++;
            }
        }
        return pass;
    }

    /** The scan's per-class steps (io.cacheguard.agent.scan.ClassScan), without reading or reporting. */
    private static Pass scan(Corpus corpus, CacheSelector selector) {
        Pass pass = new Pass();
        ClassAnalyzer analyzer = new ClassAnalyzer(corpus.source);
        for (Map.Entry<String, byte[]> entry : corpus.classes.entrySet()) {
            byte[] bytes = entry.getValue();
            if (!ClassPreFilter.mayDeclareMapField(bytes)) {
                continue;
            }
            pass.passedFilter++;
            String className = entry.getKey().replace('/', '.');
            if (!maySelect(selector, className, bytes)) {
                continue;
            }
            pass.analysed++;
            try {
                pass.fields += selector.select(analyzer.analyze(bytes)).size();
            } catch (RuntimeException | StackOverflowError e) {
                pass.failures++; // the scan reports these; here they only must not stop the measurement
            }
        }
        return pass;
    }

    private static boolean maySelect(CacheSelector selector, String className, byte[] bytes) {
        if (selector.isCacheClass(className)) {
            return true;
        }
        boolean[] wanted = {false};
        try {
            new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public FieldVisitor visitField(int access, String name, String descriptor, String signature,
                                               Object value) {
                    wanted[0] |= selector.isCacheField(className, name);
                    return null;
                }
            }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        } catch (RuntimeException unreadable) {
            return true;
        }
        return wanted[0];
    }

    private interface Work {
        Pass run();
    }

    /** The median CPU and wall-clock nanoseconds of a pass. */
    private static double[] median(int rounds, Work work) {
        double[] cpu = new double[rounds];
        double[] wall = new double[rounds];
        int sink = 0;
        for (int i = 0; i < rounds; i++) {
            long gcStart = gcMillis();
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            Pass pass = work.run();
            wall[i] = System.nanoTime() - start;
            cpu[i] = THREADS.getCurrentThreadCpuTime() - cpuStart;
            measuredGcMillis += gcMillis() - gcStart;
            measuredCpuNanos += cpu[i];
            sink += pass.passedFilter + pass.fields;
        }
        if (sink == Integer.MIN_VALUE) {
            System.out.println(sink); // keeps the passes observable
        }
        Arrays.sort(cpu);
        Arrays.sort(wall);
        return new double[] {cpu[rounds / 2], wall[rounds / 2]};
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, collector.getCollectionTime());
        }
        return total;
    }

    /** Every class analysed with --all, timed alone (best of three), the slowest listed. */
    private static void slowClasses(List<Corpus> corpora) {
        List<Object[]> timings = new ArrayList<>();
        for (Corpus corpus : corpora) {
            ClassAnalyzer analyzer = new ClassAnalyzer(corpus.source);
            for (Map.Entry<String, byte[]> entry : corpus.classes.entrySet()) {
                byte[] bytes = entry.getValue();
                if (!ClassPreFilter.mayDeclareMapField(bytes)) {
                    continue;
                }
                long best = Long.MAX_VALUE;
                int fields = 0;
                for (int i = 0; i < 3; i++) {
                    long start = THREADS.getCurrentThreadCpuTime();
                    try {
                        List<FieldReport> reports = analyzer.analyze(bytes);
                        fields = reports.size();
                    } catch (RuntimeException | StackOverflowError e) {
                        fields = -1;
                    }
                    best = Math.min(best, THREADS.getCurrentThreadCpuTime() - start);
                }
                timings.add(new Object[] {corpus.name, entry.getKey().replace('/', '.'), best / 1e6, fields,
                    bytes.length});
            }
        }
        timings.sort(Comparator.comparingDouble(t -> -(double) t[2]));
        System.out.printf(Locale.ROOT, "%nslowest classes with --all (analysis alone, CPU time, best of 3;"
                + " > %.0f ms is slow):%n", SLOW_MS);
        for (int i = 0; i < Math.min(10, timings.size()); i++) {
            Object[] t = timings.get(i);
            System.out.printf(Locale.ROOT, "  %8.2f ms  %s  %s  (%d map fields, %,d bytes)%s%n", t[2], t[0], t[1], t[3],
                    t[4], (double) t[2] > SLOW_MS ? "  SLOW" : "");
        }
    }
}
