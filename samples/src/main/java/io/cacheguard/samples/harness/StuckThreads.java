package io.cacheguard.samples.harness;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Says where unfinished threads are, so a hang report names the looping map method. */
public final class StuckThreads {

    private static final int FRAMES_SHOWN = 2;

    private StuckThreads() {
    }

    public static String describe(Collection<Thread> threads) {
        List<String> stuck = new ArrayList<>();
        for (Thread thread : threads) {
            if (thread.isAlive()) {
                stuck.add(describe(thread));
            }
        }
        return stuck.isEmpty() ? "no live worker threads" : String.join("; ", stuck);
    }

    private static String describe(Thread thread) {
        StringBuilder text = new StringBuilder(thread.getName()).append(' ').append(thread.getState());
        StackTraceElement[] frames = thread.getStackTrace();
        for (int i = 0; i < Math.min(FRAMES_SHOWN, frames.length); i++) {
            text.append(i == 0 ? " at " : " <- ").append(frames[i]);
        }
        return text.toString();
    }
}
