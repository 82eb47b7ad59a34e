package io.cacheguard.agent.runtime;

import java.util.HashMap;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;

/**
 * The lazy initialisation through a local, {@code m = new HashMap<>(); cache = m; m.put(k, v)}, as
 * {@code FieldPatcher} emits it: the local takes the guarded twin, the store is a compare-and-set,
 * and the local then adopts the field's map ({@link Guards#adopt}), so the thread that lost puts
 * into the winner's map rather than into its own, which nobody holds.
 */
@JCStressTest
@Outcome(id = "2", expect = Expect.ACCEPTABLE, desc = "both puts in the map the field holds")
@Outcome(id = "1", expect = Expect.FORBIDDEN, desc = "the loser put into its own map: lost")
@State
public class LazyInitAdoptStress {
    static final String FIELD = LazyInitStress.Holder.class.getName() + ".cache";

    private final LazyInitStress.Holder holder = new LazyInitStress.Holder();

    @Actor
    public void first() {
        initThroughLocalThenPut("a");
    }

    @Actor
    public void second() {
        initThroughLocalThenPut("b");
    }

    @SuppressWarnings("unchecked")
    private void initThroughLocalThenPut(String key) {
        HashMap<String, Integer> local = (HashMap<String, Integer>) Guards.guard(new HashMap<String, Integer>(), FIELD);
        Guards.initIfNull(holder, local, FIELD);
        local = (HashMap<String, Integer>) Guards.adopt(holder.cache, local, HashMap.class);
        local.put(key, 1);
    }

    @Arbiter
    public void arbiter(I_Result r) {
        r.r1 = holder.cache.size();
    }
}
