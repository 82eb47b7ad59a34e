package io.cacheguard.samples;

import io.cacheguard.samples.harness.StuckThreads;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ends a run that hangs where the sample itself cannot notice, e.g. the checking thread looping in
 * a corrupted map. Users script against "one RESULT line, then exit", so a hang must still end in
 * exactly one RESULT line: whichever of the watchdog and the launcher claims the verdict first
 * prints it, the other stays silent.
 */
final class Watchdog {

    /** Exit code of a hang; {@link Runtime#halt} because a looping thread could block a clean exit. */
    static final int HANG_EXIT_CODE = 3;

    private final AtomicBoolean verdictClaimed = new AtomicBoolean();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "cacheguard-samples-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private Watchdog() {
    }

    /**
     * Arms the watchdog for the calling thread, the one about to run the sample. Worker hangs are
     * caught earlier by the sample itself, so when this fires it is the calling thread that is stuck.
     */
    static Watchdog arm(String sample, Duration deadline, PrintStream out) {
        Watchdog watchdog = new Watchdog();
        Thread sampleThread = Thread.currentThread();
        watchdog.timer.schedule(() -> watchdog.fire(sample, sampleThread, deadline, out),
                deadline.toMillis(), TimeUnit.MILLISECONDS);
        return watchdog;
    }

    /** True if the caller may print the verdict; false if the watchdog already is ending the JVM. */
    boolean claimVerdict() {
        timer.shutdownNow();
        return verdictClaimed.compareAndSet(false, true);
    }

    private void fire(String sample, Thread sampleThread, Duration deadline, PrintStream out) {
        if (!verdictClaimed.compareAndSet(false, true)) {
            return;
        }
        String where = StuckThreads.describe(List.of(sampleThread));
        out.println(Result.hang(sample, "no verdict after " + deadline.toSeconds() + " s; " + where).line());
        out.flush();
        Runtime.getRuntime().halt(HANG_EXIT_CODE);
    }
}
