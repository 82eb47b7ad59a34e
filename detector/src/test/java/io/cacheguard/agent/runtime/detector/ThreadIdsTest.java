package io.cacheguard.agent.runtime.detector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Detector thread ids of ended threads are reused, with a fresh epoch: real threads, each started
 * and joined before the next, so which thread has ended is certain when the next one asks for an id.
 */
@Timeout(60)
class ThreadIdsTest {
    private final List<Race> races = new ArrayList<>();
    private final RaceDetector detector = new RaceDetector(races::add);
    private final Map<String, String> map = new HashMap<>();
    private final MapShadow shadow = new MapShadow("com.acme.Cache.map");

    /** Before reuse, each of these threads took an id of its own and every clock grew with them. */
    @Test
    void idsStayAsFewAsTheThreadsAliveAtOnce() throws Exception {
        ThreadState main = detector.newThread();
        for (int i = 0; i < 10_000; i++) {
            ThreadState ended = runInThread(detector.forkClock(main),
                    state -> detector.write(state, map, shadow, at("put", state)));
            detector.join(main, ended);
        }
        assertTrue(detector.threadIdSpan() <= 1 + 64 + 1, "ids: " + detector.threadIdSpan());
        assertTrue(detector.threadIdsInUse() <= 1 + 64 + 1, "in use: " + detector.threadIdsInUse());
        assertEquals(List.of(), races); // each thread was started after the last one was joined
    }

    /**
     * A thread that joined an ended thread has seen its events, not those of the next owner of its
     * id: the new owner's clock starts past the old one's, and a late join of the old owner gives
     * nothing of the new one's away.
     */
    @Test
    void aReusedIdStartsAFreshEpoch() throws Exception {
        ThreadState watcher = detector.newThread(); // ownerless: keeps its id
        List<ThreadState> ended = new ArrayList<>();
        for (int i = 0; i < 65; i++) { // enough new ids for the next allocation to sweep
            ThreadState state = runInThread(null, s -> detector.release(s, new Object()));
            detector.join(watcher, state);
            ended.add(state);
        }
        ThreadState reuser = runInThread(null, state -> detector.write(state, map, shadow, at("put", state)));

        ThreadState previousOwner = null;
        for (ThreadState state : ended) {
            if (state.tid() == reuser.tid()) {
                previousOwner = state;
            }
        }
        assertTrue(previousOwner != null, "the reuser got a new id: " + reuser.tid());
        detector.join(watcher, previousOwner); // long after it ended, and again: a join changes nothing
        detector.join(watcher, previousOwner);
        detector.read(watcher, map, shadow, at("get", watcher));
        assertEquals(1, races.size(), "the watcher never synchronized with the reuser");
        assertEquals(Race.Kind.READ_WRITE, races.get(0).kind());
    }

    /**
     * The state a new real thread gets, after {@code work} ran in it and it ended; {@code inherited}
     * is its starter's fork clock, or null for a thread not ordered after anything.
     */
    private ThreadState runInThread(VectorClock inherited, Consumer<ThreadState> work) throws InterruptedException {
        AtomicReference<ThreadState> state = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            ThreadState own = detector.newThread(Thread.currentThread(), inherited);
            work.accept(own);
            state.set(own);
        });
        thread.start();
        thread.join();
        return state.get();
    }

    private static SiteCapture at(String operation, ThreadState thread) {
        return new SiteCapture() {
            @Override
            public String operation() {
                return operation;
            }

            @Override
            public Site capture() {
                return new Site("t" + thread.tid(), thread.threadId(), operation, new StackTraceElement[0]);
            }
        };
    }
}
