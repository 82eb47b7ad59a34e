package io.cacheguard.agent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cacheguard.agent.runtime.detector.MapShadow;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TransferQueue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A transfer publishes what the producer did before it to the consumer that receives the element,
 * as a put does. Each test plays instrumented code by calling {@link CollectionHooks} as the rewritten
 * call sites do.
 */
@Timeout(60)
class TransferQueueEdgesTest {
    @FunctionalInterface
    private interface Transfer {
        void transfer(TransferQueue<String> queue, String element) throws InterruptedException;
    }

    @BeforeAll
    static void detectorOn() {
        DetectedRaces.on();
    }

    @Test
    void theConsumerSeesWhatTheProducerDidBeforeTransferring() throws Exception {
        Map<String, Transfer> transfers = Map.of(
                "transfer", CollectionHooks::transfer,
                "tryTransferTimed", (q, e) -> assertTrue(CollectionHooks.tryTransfer(q, e, 10, TimeUnit.SECONDS)),
                "tryTransfer", (q, e) -> {
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                    while (!CollectionHooks.tryTransfer(q, e)) { // succeeds once the consumer polls
                        assertTrue(System.nanoTime() < deadline, "no consumer came");
                        Thread.onSpinWait();
                    }
                });
        for (Map.Entry<String, Transfer> transfer : transfers.entrySet()) {
            String label = "TransferQueueEdgesTest." + transfer.getKey();
            handOff(label, transfer.getValue());
            assertEquals(List.of(), DetectedRaces.on(label), label);
        }
    }

    /** The same hand-off with the transfer left as it is: the consumer's read races. */
    @Test
    void aTransferTheDetectorDoesNotSeeLeavesTheHandOffRacy() throws Exception {
        String label = "TransferQueueEdgesTest.unhooked";
        handOff(label, TransferQueue::transfer);
        assertFalse(DetectedRaces.on(label).isEmpty(), "the check sees a missing edge");
    }

    /** The producer puts, then transfers the key; this thread polls it and reads; then joins the producer. */
    private static void handOff(String label, Transfer transfer) throws Exception {
        Map<String, Integer> cache = new TrackedHashMap<>(new HashMap<>(), new MapShadow(label));
        TransferQueue<String> queue = new LinkedTransferQueue<>();
        Thread producer = new Thread(() -> {
            cache.put("answer", 42);
            try {
                transfer.transfer(queue, "answer");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, label);
        ThreadHooks.starting(producer);
        producer.start();
        String key = (String) CollectionHooks.poll(queue, 10, TimeUnit.SECONDS);
        assertEquals("answer", key);
        assertEquals(42, cache.get(key));
        ThreadHooks.join(producer, 10_000);
        assertFalse(producer.isAlive());
    }
}
