package io.cacheguard.samples.staticmemo;

import io.cacheguard.samples.Result;
import io.cacheguard.samples.RunOptions;
import io.cacheguard.samples.Sample;
import io.cacheguard.samples.Variant;
import io.cacheguard.samples.harness.FirstViolation;
import io.cacheguard.samples.harness.HangDetected;
import io.cacheguard.samples.harness.Rounds;
import io.cacheguard.samples.harness.SizeAudit;
import io.cacheguard.samples.harness.WorkerThreads;
import java.time.Duration;

/**
 * {@code static-memo}: several threads ask a static get-then-put memo for the checksums of the same
 * blocks, each starting at a different block so that at any moment they insert different keys.
 *
 * <p>What a thread-safe map guarantees, and so what is checked: a racing get-then-put only computes
 * a value twice, and both computations are equal; so every call returns the right checksum, and
 * once all threads are done every block is remembered with its checksum, and {@code size()}, the
 * number of blocks and the number of entries iteration yields agree. No operation throws.
 */
public final class StaticTableSample implements Sample {

    static final int THREADS = 4;
    static final int BLOCKS = 100_000;
    static final Duration WORKER_TIMEOUT = Duration.ofSeconds(3);

    @Override
    public String name() {
        return "static-memo";
    }

    @Override
    public String description() {
        return "static final HashMap memo filled with get-then-put from several threads";
    }

    @Override
    public Result run(RunOptions options) {
        ChecksumTable memo = options.variant() == Variant.RACY ? new ChecksumMemo() : new SafeChecksumMemo();
        options.log().printf("%s: %s ChecksumMemo, %d threads asking for the checksums of %d blocks%n",
                name(), options.variant().label(), THREADS, BLOCKS);
        FirstViolation violations = new FirstViolation();
        Rounds rounds = new Rounds();
        Result result = rounds.repeat(name(), options.budget(), violations, () -> fill(memo, violations));
        options.log().printf("%s: %d rounds, %d lookups%n", name(), rounds.played(),
                (long) rounds.played() * THREADS * BLOCKS);
        return result;
    }

    private static void fill(ChecksumTable memo, FirstViolation violations) throws InterruptedException, HangDetected {
        // The static map outlives rounds; clearing keeps its grown table, so only the first round
        // resizes, and later rounds still race on its counters and bins.
        memo.clear();
        WorkerThreads.startTogether("memo-worker", THREADS, violations, worker -> {
            int first = worker * (BLOCKS / THREADS);
            for (int i = 0; i < BLOCKS && !violations.found(); i++) {
                int block = (first + i) % BLOCKS;
                String sum = memo.checksum(block);
                if (!Checksum.of(block).equals(sum)) {
                    violations.report("checksum(" + block + ") returned " + sum);
                }
            }
        }).awaitFinished(WORKER_TIMEOUT);
        if (violations.found()) {
            return;
        }
        for (int block = 0; block < BLOCKS; block++) {
            String remembered = memo.remembered(block);
            if (!Checksum.of(block).equals(remembered)) {
                violations.report("after all threads: block " + block + " is remembered as " + remembered);
                return;
            }
        }
        SizeAudit.verify(violations, "after all threads", BLOCKS, memo.size(), memo.blocks());
    }
}
