package io.cacheguard.bench.process;

import io.cacheguard.bench.junit.SuiteRunner;
import io.cacheguard.bench.junit.TrivialSuite;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JUnit extension's cost, whole process: a child JVM runs a suite of 1,000 trivial tests
 * ({@link TrivialSuite}) with the agent (default mode), once with the extension auto-detected and
 * once without it, alternating; the medians of the whole run's wall time, of the suite's own time
 * (the launcher's execute) and of the process's CPU time are compared. Usage:
 * {@code java -cp bench/target/benchmarks.jar io.cacheguard.bench.process.ExtensionOverhead AGENT_JAR RUNS}
 */
public final class ExtensionOverhead {
    private ExtensionOverhead() {
    }

    public static void main(String[] args) throws Exception {
        String agent = "-javaagent:" + args[0];
        int runs = Integer.parseInt(args[1]);
        run(agent, false); // warm the file cache
        List<Long> wallWithout = new ArrayList<>();
        List<Long> wallWith = new ArrayList<>();
        List<Long> suiteWithout = new ArrayList<>();
        List<Long> suiteWith = new ArrayList<>();
        List<Long> cpuWithout = new ArrayList<>();
        List<Long> cpuWith = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            ChildRun without = run(agent, false);
            wallWithout.add(without.nanos);
            suiteWithout.add(value(without, "suiteNanos="));
            cpuWithout.add(value(without, "cpuNanos="));
            ChildRun with = run(agent, true);
            wallWith.add(with.nanos);
            suiteWith.add(value(with, "suiteNanos="));
            cpuWith.add(value(with, "cpuNanos="));
        }
        print("whole process (wall)", wallWithout, wallWith, runs);
        print("suite only (launcher execute)", suiteWithout, suiteWith, runs);
        print("whole process (cpu)", cpuWithout, cpuWith, runs);
    }

    private static ChildRun run(String agent, boolean extension) throws IOException, InterruptedException {
        ChildRun run = ChildRun.of(ChildRun.java(agent,
                "-Djunit.jupiter.extensions.autodetection.enabled=" + extension,
                "-cp", System.getProperty("java.class.path"), SuiteRunner.class.getName()));
        String expected = "tests=" + TrivialSuite.TESTS + " failed=0 ";
        if (!run.stdout.startsWith(expected)) {
            throw new IllegalStateException("the suite did not pass (extension " + extension + "): " + run.stdout
                    + run.stderr);
        }
        return run;
    }

    private static long value(ChildRun run, String key) {
        String out = run.stdout.strip();
        int start = out.indexOf(key) + key.length();
        int end = out.indexOf(' ', start);
        return Long.parseLong(end < 0 ? out.substring(start) : out.substring(start, end));
    }

    private static void print(String name, List<Long> without, List<Long> with, int runs) {
        long base = ChildRun.median(without);
        long extension = ChildRun.median(with);
        System.out.printf("%-30s agent alone %8.1f ms   agent + extension %8.1f ms   ratio %.3f   (%d tests, %d runs)%n",
                name, base / 1e6, extension / 1e6, (double) extension / base, TrivialSuite.TESTS, runs);
    }
}
