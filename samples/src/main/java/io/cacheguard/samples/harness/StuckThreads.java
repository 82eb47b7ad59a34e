package io.cacheguard.samples.harness;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Says where unfinished threads are, so a hang report names the looping map method. */
public final class StuckThreads {

    private StuckThreads() {
    }

    /**
     * Describes the runnable threads among {@code threads}: a thread looping in a corrupted map is
     * runnable, while idle pool threads wait and would only bury it. Falls back to every live
     * thread when none is runnable (then something is blocked, which is worth seeing too).
     */
    public static String describe(Collection<Thread> threads) {
        List<String> runnable = new ArrayList<>();
        List<String> alive = new ArrayList<>();
        for (Thread thread : threads) {
            if (thread.isAlive()) {
                alive.add(describe(thread));
                if (thread.getState() == Thread.State.RUNNABLE) {
                    runnable.add(describe(thread));
                }
            }
        }
        List<String> shown = runnable.isEmpty() ? alive : runnable;
        return shown.isEmpty() ? "no live threads" : String.join("; ", shown);
    }

    private static String describe(Thread thread) {
        StackTraceElement[] frames = thread.getStackTrace();
        String state = thread.getState() == Thread.State.RUNNABLE ? "" : " " + thread.getState();
        return thread.getName() + state + (frames.length == 0 ? "" : " at " + StackFrames.compact(frames[0]));
    }
}
