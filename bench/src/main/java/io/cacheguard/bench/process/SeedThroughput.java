package io.cacheguard.bench.process;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Steady-state cost of a patched cache, whole process: the seed sample's throughput (run-all rounds
 * in its fixed time budget) with the agent patching its racy map, against the same sample
 * hand-fixed with ConcurrentHashMap ({@code -Dcacheguard.samples.safe=true}) and no agent. Usage:
 * {@code java -cp bench/target/benchmarks.jar io.cacheguard.bench.process.SeedThroughput AGENT_JAR SAMPLES_JAR RUNS}
 */
public final class SeedThroughput {
    private static final Pattern ROUNDS = Pattern.compile("(\\d+) run-all rounds");

    private SeedThroughput() {
    }

    public static void main(String[] args) throws Exception {
        String agent = args[0];
        String samples = args[1];
        int runs = Integer.parseInt(args[2]);
        List<Long> handFixed = new ArrayList<>();
        List<Long> patched = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            handFixed.add(rounds(ChildRun.of(ChildRun.java("-Dcacheguard.samples.safe=true", "-jar", samples))));
            patched.add(rounds(ChildRun.of(ChildRun.java("-javaagent:" + agent + "=mode=patch", "-jar", samples))));
        }
        long fixed = ChildRun.median(handFixed);
        long agentRounds = ChildRun.median(patched);
        System.out.printf("seed sample run-all rounds per budget: hand-fixed (ConcurrentHashMap) %d, patched by the agent %d,"
                + " ratio %.3f (%d runs each; all: %s vs %s)%n", fixed, agentRounds, (double) agentRounds / fixed, runs,
                handFixed, patched);
    }

    private static long rounds(ChildRun run) {
        Matcher m = ROUNDS.matcher(run.stdout);
        if (!m.find() || !run.stdout.contains(" OK")) {
            throw new IllegalStateException("unexpected sample output: " + run.stdout + run.stderr);
        }
        return Long.parseLong(m.group(1));
    }
}
