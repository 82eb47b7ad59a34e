package io.cacheguard.bench.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Start-up cost of the agent, whole process: a child JVM defines every class of some large jars
 * with no agent and with the agent ({@code mode=patch}, or the mode {@code -Dcacheguard.bench.mode}
 * names), alternating, and the medians are compared; the same for a hello-world. Usage:
 * {@code java -cp bench/target/benchmarks.jar io.cacheguard.bench.process.StartupOverhead AGENT_JAR RUNS JAR...}
 */
public final class StartupOverhead {
    /** The agent mode measured: {@code -Dcacheguard.bench.mode=both} for the default mode, patch if unset. */
    private static final String MODE = System.getProperty("cacheguard.bench.mode", "patch");

    private StartupOverhead() {
    }

    public static void main(String[] args) throws Exception {
        String agent = args[0];
        int runs = Integer.parseInt(args[1]);
        List<String> jars = List.of(args).subList(2, args.length);
        Path workload = workloadDirectory();
        report("hello-world", agent, runs, workload, List.of());
        report("all classes of " + jars.size() + " jars", agent, runs, workload, jars);
    }

    private static void report(String name, String agent, int runs, Path workload, List<String> jars)
            throws IOException, InterruptedException {
        List<Long> without = new ArrayList<>();
        List<Long> with = new ArrayList<>();
        List<Long> cpuWithout = new ArrayList<>();
        List<Long> cpuWith = new ArrayList<>();
        String loaded = "";
        run(null, workload, jars); // warm the file cache
        for (int i = 0; i < runs; i++) {
            ChildRun plain = run(null, workload, jars);
            without.add(plain.nanos);
            cpuWithout.add(cpu(plain));
            ChildRun patched = run(agent, workload, jars);
            with.add(patched.nanos);
            cpuWith.add(cpu(patched));
            loaded = patched.stdout.strip().replaceAll(" cpu=\\d+", "");
        }
        print(name + " (wall)", ChildRun.median(without), ChildRun.median(with), loaded, runs);
        print(name + " (cpu)", ChildRun.median(cpuWithout), ChildRun.median(cpuWith), loaded, runs);
    }

    private static void print(String name, long base, long agentTime, String loaded, int runs) {
        System.out.printf("%-34s no agent %7.1f ms   mode=%s %7.1f ms   ratio %.3f   added %+6.1f ms   (%s, %d runs)%n",
                name, base / 1e6, MODE, agentTime / 1e6, (double) agentTime / base, (agentTime - base) / 1e6, loaded, runs);
    }

    private static long cpu(ChildRun run) {
        String out = run.stdout.strip();
        return Long.parseLong(out.substring(out.indexOf("cpu=") + 4));
    }

    private static ChildRun run(String agent, Path workload, List<String> jars) throws IOException, InterruptedException {
        List<String> command = ChildRun.java();
        if (agent != null) {
            command.add("-javaagent:" + agent + "=mode=" + MODE);
        }
        command.add("-cp");
        command.add(workload.toString());
        command.add(LoadAllClasses.class.getName());
        command.addAll(jars);
        ChildRun run = ChildRun.of(command);
        if (!run.stdout.startsWith("loaded=")) {
            throw new IllegalStateException("workload failed: " + run.stdout + run.stderr);
        }
        return run;
    }

    /** The workload class alone in a directory, so the child's class path holds nothing else. */
    static Path workloadDirectory() throws IOException {
        Path directory = Files.createTempDirectory("cacheguard-startup");
        String resource = LoadAllClasses.class.getName().replace('.', '/') + ".class";
        Path target = directory.resolve(resource);
        Files.createDirectories(target.getParent());
        try (InputStream in = LoadAllClasses.class.getClassLoader().getResourceAsStream(resource)) {
            Files.copy(in, target);
        }
        return directory;
    }
}
