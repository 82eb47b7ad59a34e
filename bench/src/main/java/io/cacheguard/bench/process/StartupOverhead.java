package io.cacheguard.bench.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Start-up cost of the agent, whole process: a child JVM defines every class of some large jars
 * with no agent, with an agent whose transformer does nothing ({@link NoopTransformerAgent}: the floor
 * any class-load-time agent pays) and with cacheguard ({@code mode=patch}, or the mode
 * {@code -Dcacheguard.bench.mode} names), alternating, and the medians are compared; the same for a
 * hello-world. Usage:
 * {@code java -cp bench/target/benchmarks.jar io.cacheguard.bench.process.StartupOverhead AGENT_JAR RUNS JAR...}
 */
public final class StartupOverhead {
    /** The agent modes measured: {@code -Dcacheguard.bench.mode=both} for the default mode, patch if unset. */
    private static final List<String> MODES = List.of(System.getProperty("cacheguard.bench.mode", "patch").split(","));

    private StartupOverhead() {
    }

    public static void main(String[] args) throws Exception {
        String agent = "-javaagent:" + args[0] + "=mode=";
        int runs = Integer.parseInt(args[1]);
        List<String> jars = List.of(args).subList(2, args.length);
        Path workload = workloadDirectory();
        String floor = "-javaagent:" + NoopTransformerAgent.writeJar() + "=retransform";
        report("hello-world", agent, floor, runs, workload, List.of());
        report("all classes of " + jars.size() + " jars", agent, floor, runs, workload, jars);
    }

    /** Wall and CPU times of one arm's runs. */
    private static final class Arm {
        final List<Long> wall = new ArrayList<>();
        final List<Long> cpu = new ArrayList<>();

        ChildRun add(ChildRun run) {
            wall.add(run.nanos);
            cpu.add(cpu(run));
            return run;
        }
    }

    /** Runs alternate between the arms, so drifting load affects them all alike. */
    private static void report(String name, String agent, String floor, int runs, Path workload, List<String> jars)
            throws IOException, InterruptedException {
        Arm without = new Arm();
        Arm noop = new Arm();
        List<Arm> with = new ArrayList<>();
        MODES.forEach(mode -> with.add(new Arm()));
        String loaded = "";
        run(null, workload, jars); // warm the file cache
        for (int i = 0; i < runs; i++) {
            without.add(run(null, workload, jars));
            noop.add(run(floor, workload, jars));
            for (int m = 0; m < MODES.size(); m++) {
                loaded = with.get(m).add(run(agent + MODES.get(m), workload, jars)).stdout.strip().replaceAll(" cpu=\\d+", "");
            }
        }
        for (int m = 0; m < MODES.size(); m++) {
            print(name + " (wall)", MODES.get(m), without.wall, noop.wall, with.get(m).wall, loaded, runs);
            print(name + " (cpu)", MODES.get(m), without.cpu, noop.cpu, with.get(m).cpu, loaded, runs);
        }
        for (int m = 1; m < MODES.size(); m++) {
            System.out.printf("%-34s mode=%s / mode=%s: wall %.3f, cpu %.3f%n", name, MODES.get(m), MODES.get(0),
                    ChildRun.median(with.get(m).wall) / (double) ChildRun.median(with.get(0).wall),
                    ChildRun.median(with.get(m).cpu) / (double) ChildRun.median(with.get(0).cpu));
        }
    }

    private static void print(String name, String mode, List<Long> without, List<Long> noop, List<Long> with,
                              String loaded, int runs) {
        long base = ChildRun.median(without);
        long floor = ChildRun.median(noop);
        long agentTime = ChildRun.median(with);
        System.out.printf("%-34s no agent %7.1f ms   no-op transformer %7.1f ms (%.3f)   mode=%s %7.1f ms   ratio %.3f"
                        + "   added %+6.1f ms, %+6.1f ms over the no-op transformer   (%s, %d runs)%n",
                name, base / 1e6, floor / 1e6, (double) floor / base, mode, agentTime / 1e6, (double) agentTime / base,
                (agentTime - base) / 1e6, (agentTime - floor) / 1e6, loaded, runs);
    }

    private static long cpu(ChildRun run) {
        String out = run.stdout.strip();
        return Long.parseLong(out.substring(out.indexOf("cpu=") + 4));
    }

    /** @param agent the {@code -javaagent:} option, or null for none */
    private static ChildRun run(String agent, Path workload, List<String> jars) throws IOException, InterruptedException {
        List<String> command = ChildRun.java();
        if (agent != null) {
            command.add(agent);
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
