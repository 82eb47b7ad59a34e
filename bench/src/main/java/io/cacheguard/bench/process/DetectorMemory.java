package io.cacheguard.bench.process;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link TrackedMapsMemory} without the agent, with {@code mode=patch}, in the default mode (the
 * watch: a guarded map carrying its watch) and with {@code detector=hb} (a tracked wrapper and its shadow):
 * the heap after a million short-lived tracked maps against the baseline, and the bytes each
 * retained cache object costs. Usage: {@code DetectorMemory AGENT_JAR}.
 */
public final class DetectorMemory {
    private DetectorMemory() {
    }

    public static void main(String[] args) throws Exception {
        String agent = args[0];
        String classpath = DetectorMemory.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        System.out.println("| agent | heap baseline | heap after 1,000,000 short-lived cache objects | growth "
                + "| bytes per retained cache object |");
        System.out.println("|---|---|---|---|---|");
        for (String mode : new String[] {null, "patch", "both", "both,detector=hb"}) {
            ChildRun run = mode == null
                    ? ChildRun.of(ChildRun.java("-Xmx512m", "-XX:+UseSerialGC", "-cp", classpath,
                            TrackedMapsMemory.class.getName()))
                    : ChildRun.of(ChildRun.java("-Xmx512m", "-XX:+UseSerialGC",
                            "-javaagent:" + agent + "=mode=" + mode + ",quiet=true", "-cp", classpath,
                            TrackedMapsMemory.class.getName()));
            long baseline = value(run, "BASELINE");
            long after = value(run, "AFTER_CHURN");
            System.out.printf(Locale.ROOT, "| %s | %,d B | %,d B | %+,d B | %d |%n", mode == null ? "none" : "mode=" + mode,
                    baseline, after, after - baseline, value(run, "PER_RETAINED_MAP"));
        }
    }

    private static long value(ChildRun run, String name) {
        Matcher m = Pattern.compile(name + " (-?\\d+)").matcher(run.stdout);
        if (!m.find()) {
            throw new IllegalStateException("unexpected output: " + run.stdout + run.stderr);
        }
        return Long.parseLong(m.group(1));
    }
}
