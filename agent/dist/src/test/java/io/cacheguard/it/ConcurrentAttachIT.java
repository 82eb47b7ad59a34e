package io.cacheguard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: two {@code attach} commands at once, with different options, against one server. The
 * attaches take turns inside the target; each command prints its own outcome and report line and
 * the lines its own attach logged, never the other's, nor the lines the server's threads log
 * meanwhile (a live map guarded on its first access), which used to land in whichever command's
 * transcript was open.
 */
class ConcurrentAttachIT {
    private static final String MEMO = "io.cacheguard.samples.serve.LiveMemo.MEMO";
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Test
    void twoAttachesAtOnceEachPrintOnlyTheirOwnLines() throws Exception {
        try (RunningJvm server = AttachIT.serve()) {
            server.awaitLine(line -> line.startsWith("CHECK "), DEADLINE);
            String pid = Long.toString(server.pid());
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<ChildJvm.Result> plain = pool.submit(attach(go, pid, "mode=patch"));
                Future<ChildJvm.Result> targeted = pool.submit(attach(go, pid,
                        "mode=patch,targets=io.cacheguard.samples.serve.ServeLoop"));
                go.countDown();
                List<ChildJvm.Result> results = List.of(plain.get(), targeted.get());

                int first = 0;
                for (ChildJvm.Result result : results) {
                    assertEquals(0, result.exitCode, result.toString());
                    List<String> lines = result.stdout.lines().collect(Collectors.toList());
                    List<String> outcomes = lines.stream().filter(ConcurrentAttachIT::isOutcome)
                            .collect(Collectors.toList());
                    assertEquals(1, outcomes.size(), "one outcome per command: " + results);
                    assertEquals(1, lines.stream().filter(line -> line.startsWith("report: ")).count(),
                            "one report line per command: " + results);
                    assertFalse(result.stdout.contains("guarded the live"),
                            "the server's threads' lines are neither command's: " + results);
                    boolean attachedFirst = outcomes.get(0).matches("cacheguard \\S+ attached \\(.*");
                    if (attachedFirst) {
                        first++;
                        assertTrue(result.stdout.contains("[cacheguard] patched " + MEMO), result.toString());
                    } else {
                        // the other attach patched MEMO; this one only changed or confirmed the options
                        assertFalse(result.stdout.contains("[cacheguard] patched " + MEMO), results.toString());
                    }
                }
                assertEquals(1, first, "exactly one command started the agent: " + results);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static boolean isOutcome(String line) {
        return line.matches("cacheguard \\S+ (is already )?attached \\(.*") || line.startsWith("changed ");
    }

    private static Callable<ChildJvm.Result> attach(CountDownLatch go, String pid, String options) {
        return () -> {
            go.await();
            return AttachIT.cli("attach", pid, options);
        };
    }
}
