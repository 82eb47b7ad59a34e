package io.cacheguard.agent.runtime;

import java.util.HashMap;
import java.util.Map;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;

/**
 * Two threads run a rewritten lazy initialisation, {@code if (cache == null) cache = new
 * HashMap<>(); cache.put(k, v)}, as {@code FieldPatcher} emits it: the store is a compare-and-set
 * from null ({@link Guards#initIfNull}), and the code reads the field again. The thread that loses
 * goes on with the winner's map, so both entries end in the one map the field holds.
 */
@JCStressTest
@Outcome(id = "2", expect = Expect.ACCEPTABLE, desc = "both puts in the map the field holds")
@Outcome(id = "1", expect = Expect.FORBIDDEN, desc = "a put went into a map the field never held: lost")
@State
public class LazyInitStress {
    static final String FIELD = LazyInitStress.Holder.class.getName() + ".cache";

    /** The class whose field the rewrite initialises lazily. */
    public static final class Holder {
        Map<String, Integer> cache;
    }

    private final Holder holder = new Holder();

    @Actor
    public void first() {
        initThenPut("a");
    }

    @Actor
    public void second() {
        initThenPut("b");
    }

    private void initThenPut(String key) {
        if (holder.cache == null) {
            Guards.initIfNull(holder, Guards.guard(new HashMap<>(), FIELD), FIELD);
        }
        holder.cache.put(key, 1);
    }

    @Arbiter
    public void arbiter(I_Result r) {
        r.r1 = holder.cache.size();
    }
}
