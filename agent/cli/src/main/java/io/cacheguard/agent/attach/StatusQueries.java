package io.cacheguard.agent.attach;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks several JVMs at once for their cacheguard status, each with a deadline. An attach cannot be
 * cancelled: against a stopped or hung JVM the JDK polls for its attach socket for 10.5 s, and once
 * that JVM has an attach listener the connect succeeds and the read of the answer blocks for good.
 * So each question runs in its own daemon thread, and one that misses the deadline is abandoned,
 * never interrupted: an interrupt makes the JDK delete the attach trigger file before the target
 * saw it, and the target would then take the SIGQUIT it was sent for a thread dump request once it runs.
 */
final class StatusQueries {

    private StatusQueries() {
    }

    /** The status text of each target, in the order given, after at most {@code deadline} (plus scheduling). */
    static Map<TargetJvm, String> ask(Attacher attacher, List<TargetJvm> targets, String agentJar, Duration deadline) {
        Map<TargetJvm, CompletableFuture<String>> pending = new LinkedHashMap<>();
        for (TargetJvm target : targets) {
            CompletableFuture<String> status = new CompletableFuture<>();
            Thread thread = new Thread(() -> {
                try {
                    status.complete(describe(attacher.cacheguardStatus(target, agentJar), target));
                } catch (AttachFailure e) {
                    status.complete("? (refused the attach)");
                } catch (RuntimeException | Error e) {
                    status.completeExceptionally(e);
                }
            }, "cacheguard-list-" + target.pid);
            thread.setDaemon(true); // an abandoned attach must not keep the command running
            thread.start();
            pending.put(target, status);
        }
        long end = System.nanoTime() + deadline.toNanos();
        Map<TargetJvm, String> statuses = new LinkedHashMap<>();
        for (Map.Entry<TargetJvm, CompletableFuture<String>> entry : pending.entrySet()) {
            statuses.put(entry.getKey(), await(entry.getValue(), end, deadline));
        }
        return statuses;
    }

    private static String await(CompletableFuture<String> status, long end, Duration deadline) {
        try {
            return status.get(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return noAnswer(deadline);
        } catch (ExecutionException e) {
            return "? (the attach failed: " + e.getCause() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return noAnswer(deadline);
        }
    }

    /** What a status that did not come in time reads as: {@code ? (no answer within 2 s)}. */
    static String noAnswer(Duration deadline) {
        long millis = deadline.toMillis();
        return "? (no answer within " + (millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms") + ")";
    }

    private static String describe(String status, TargetJvm target) {
        if (status == null) {
            return "? (this Java has no jdk.attach)";
        }
        String agents = target.perf != null && target.perf.jvmArguments().contains("-XX:-EnableDynamicAgentLoading")
                ? " (-XX:-EnableDynamicAgentLoading: cannot attach)" : "";
        return (status.isEmpty() ? "no" : status) + agents;
    }
}
