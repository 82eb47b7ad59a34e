package io.cacheguard.samples;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code java -jar cacheguard-samples.jar [name | --list]}. Runs one sample and turns its verdict
 * into the contract users script against: a last stdout line {@code RESULT <sample> OK|BROKEN ...}
 * and exit code 0 (OK), 1 (BROKEN), 2 (usage), 3 (hang).
 */
public final class SampleLauncher {

    static final int USAGE_EXIT_CODE = 2;

    /**
     * How long after its budget a sample still gets for its verdict: later than any hang a sample
     * detects itself (a worker timeout after the budget), yet with the default budget inside the ten
     * seconds users may wait for a verdict.
     */
    static final Duration WATCHDOG_GRACE = Duration.ofSeconds(5);

    private SampleLauncher() {
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        if (args.length > 1) {
            System.err.println("usage: java -jar cacheguard-samples.jar [--list | --serve | <sample>]");
            System.exit(USAGE_EXIT_CODE);
        }
        String name = args.length == 0 ? SampleCatalog.DEFAULT_SAMPLE : args[0];
        if (name.equals("--serve")) {
            serve(); // runs until killed; no RESULT line
        }
        if (name.equals("--list")) {
            list(out);
            System.exit(0);
        }
        Optional<Sample> sample = SampleCatalog.find(name);
        if (sample.isEmpty()) {
            System.err.println("unknown sample '" + name + "'; run with --list to see the samples");
            System.exit(USAGE_EXIT_CODE);
        }
        run(sample.get(), out);
    }

    /** A long-running racy server to attach cacheguard to: see {@link io.cacheguard.samples.serve.ServeLoop}. */
    private static void serve() {
        try {
            io.cacheguard.samples.serve.ServeLoop.main(new String[0]);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.exit(0);
    }

    static void list(PrintStream out) {
        for (Sample sample : SampleCatalog.all()) {
            out.printf("%-16s %s%n", sample.name(), sample.description());
        }
    }

    private static void run(Sample sample, PrintStream out) {
        RunOptions options = RunOptions.fromSystemProperties(out);
        // Scales with the budget: a benchmark running a sample for a minute is not a hang.
        Watchdog watchdog = Watchdog.arm(sample.name(), options.budget().plus(WATCHDOG_GRACE), out);
        Result result = sample.run(options);
        if (!watchdog.claimVerdict()) {
            parkUntilHalted();
        }
        out.println(result.line());
        out.flush();
        if (result.verdict() == Result.Verdict.HANG) {
            // Workers are still looping; a normal exit would work (they are daemons) but halt is
            // what the watchdog does, and a hang should end the same way whoever noticed it.
            Runtime.getRuntime().halt(result.exitCode());
        }
        System.exit(result.exitCode());
    }

    /** The watchdog won the race to the verdict and is about to halt the JVM; print nothing more. */
    private static void parkUntilHalted() {
        while (true) {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException ignored) {
                // keep waiting for the halt
            }
        }
    }
}
