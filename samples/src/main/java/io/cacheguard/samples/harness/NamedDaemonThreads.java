package io.cacheguard.samples.harness;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;

/**
 * Creates the threads a sample runs its workers on. They are daemons so a worker stuck in a
 * corrupted map can never keep the JVM alive, and they are remembered so a hang can say where
 * each of them is.
 */
public final class NamedDaemonThreads implements ThreadFactory {

    private final String prefix;
    private final List<Thread> created = new CopyOnWriteArrayList<>();

    public NamedDaemonThreads(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(task, prefix + "-" + created.size());
        thread.setDaemon(true);
        created.add(thread);
        return thread;
    }

    public String describeStuck() {
        return StuckThreads.describe(created);
    }
}
