package io.cacheguard.agent.runtime.detector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The clock keeps its length without trailing zeros as it changes, rather than scanning for it on
 * every release: checked against a plain model (an array merged component by component) over random
 * ticks, sets, joins and releases, so that a release never drops a component the clock holds.
 */
class VectorClockTest {
    private static final int IDS = 40;

    @Test
    void releasesMergeEveryComponentTheClockHoldsWhateverItsHistory() {
        Random random = new Random(20261207L);
        for (int run = 0; run < 500; run++) {
            VectorClock clock = new VectorClock();
            long[] model = new long[IDS];
            long[] snapshot = new long[0];
            long[] modelSnapshot = new long[0];
            for (int step = 0; step < 60; step++) {
                int tid = random.nextInt(random.nextBoolean() ? 4 : IDS);
                switch (random.nextInt(5)) {
                    case 0 -> {
                        clock.tick(tid);
                        model[tid]++;
                    }
                    case 1 -> {
                        long value = random.nextInt(3) == 0 ? 0L : random.nextInt(100);
                        clock.set(tid, value);
                        model[tid] = value;
                    }
                    case 2 -> {
                        VectorClock other = new VectorClock();
                        long[] otherModel = new long[IDS];
                        for (int i = 0; i < 3; i++) {
                            int id = random.nextInt(IDS);
                            long value = 1 + random.nextInt(100);
                            other.set(id, value);
                            otherModel[id] = value;
                        }
                        clock.join(other);
                        join(model, otherModel);
                    }
                    case 3 -> {
                        long[] released = new long[1 + random.nextInt(IDS)];
                        released[released.length - 1] = 1 + random.nextInt(100);
                        clock.join(released);
                        join(model, released);
                    }
                    default -> {
                        long[] merged = clock.joinedWith(snapshot);
                        long[] expected = modelSnapshot.clone();
                        expected = Arrays.copyOf(expected, Math.max(expected.length, IDS));
                        join(expected, model);
                        assertArrayEquals(trim(expected), trim(merged), "run " + run + " step " + step);
                        if (Arrays.equals(trim(expected), trim(modelSnapshot))) {
                            assertSame(snapshot, merged, "a release that adds nothing publishes nothing new");
                        }
                        snapshot = merged;
                        modelSnapshot = merged.clone();
                    }
                }
                for (int id = 0; id < IDS; id++) {
                    assertEquals(model[id], clock.get(id), "component " + id + ", run " + run + " step " + step);
                }
            }
        }
    }

    private static void join(long[] into, long[] other) {
        for (int i = 0; i < other.length; i++) {
            into[i] = Math.max(into[i], other[i]);
        }
    }

    private static long[] trim(long[] clock) {
        int length = clock.length;
        while (length > 0 && clock[length - 1] == 0L) {
            length--;
        }
        return Arrays.copyOf(clock, length);
    }
}
