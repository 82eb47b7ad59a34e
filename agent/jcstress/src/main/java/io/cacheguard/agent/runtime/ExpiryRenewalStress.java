package io.cacheguard.agent.runtime;

import java.util.concurrent.TimeUnit;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;

/**
 * A put made just before an entry's expiry deadline renews it in place, while a reader that read
 * the clock just after the deadline saw the old write time. Whichever comes first, the put's value
 * is in the map afterwards: the reader either removed the expired entry before the put (which then
 * inserts) or the put renewed it before the reader looked again under the entry's monitor. Losing it
 * is the bug the re-check fixed (Caffeine's {@code ExpiredReadTear} is the model). Each thread
 * reads its own clock, as two threads reading one real clock a moment apart do.
 */
@JCStressTest
@Outcome(id = "2", expect = Expect.ACCEPTABLE, desc = "the put's value survives")
@Outcome(id = "0", expect = Expect.FORBIDDEN, desc = "the renewed entry was removed as expired: a lost put")
@State
public class ExpiryRenewalStress {
    private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

    private final ThreadLocal<Long> clock = ThreadLocal.withInitial(() -> 0L);
    private final BoundedConcurrentMap<String, Integer> map;

    public ExpiryRenewalStress() {
        map = new BoundedConcurrentMap<>(CacheBounds.of(-1, MINUTE, -1).withTicker(clock::get));
        clock.set(0L);
        map.put("key", 1); // written at 0: its deadline is MINUTE
    }

    @Actor
    public void reader() {
        clock.set(MINUTE); // just after the deadline
        map.get("key");
    }

    @Actor
    public void writer() {
        clock.set(MINUTE - 1); // just before it: an overwrite renews the entry in place
        map.put("key", 2);
    }

    @Arbiter
    public void arbiter(I_Result r) {
        clock.set(MINUTE - 1);
        Integer value = map.get("key");
        r.r1 = value == null ? 0 : value;
    }
}
