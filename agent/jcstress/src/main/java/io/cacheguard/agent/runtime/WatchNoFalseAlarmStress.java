package io.cacheguard.agent.runtime;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * A write, then a volatile flag; the other thread uses the map only once it sees the flag, so the
 * write happens before its read (and its watched read's write). The watch uses plain (opaque)
 * reads of its mark; this shows that a thread ordered after the writer never sees the writer's
 * mark, in every interleaving jcstress finds: the "never a false alarm" of the watch. Every read
 * of the whole map is a watchpoint here, so the reader marks too.
 */
@JCStressTest
@Outcome(id = "0, 1", expect = Expect.ACCEPTABLE, desc = "ordered: nothing reported")
@Outcome(expect = Expect.FORBIDDEN, desc = "a race reported between accesses the flag orders, or a mark left behind")
@State
public class WatchNoFalseAlarmStress {
    private final WatchSink sink = new WatchSink();
    private final MapWatch watch = new MapWatch(new WatchedField("Stress.map", true, sink, 0, 0), false);
    private volatile boolean written;

    @Actor
    public void writer() {
        Object token = watch.enter(true, TrackedOps.PUT);
        watch.exit(token, TrackedOps.PUT, this);
        written = true;
    }

    @Actor
    public void reader() {
        if (written) {
            Object token = watch.enter(false, TrackedOps.ITERATE);
            watch.exit(token, TrackedOps.ITERATE, this);
            Object write = watch.enter(true, TrackedOps.REMOVE);
            watch.exit(write, TrackedOps.REMOVE, this);
        }
    }

    @Arbiter
    public void arbiter(II_Result r) {
        r.r1 = sink.races.get() + sink.incomplete.get();
        r.r2 = watch.isFree() ? 1 : 0;
    }
}
