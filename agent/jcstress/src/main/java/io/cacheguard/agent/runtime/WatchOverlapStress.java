package io.cacheguard.agent.runtime;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * Two threads change one watched map with nothing ordering them: the watch reports their overlap
 * at most once, always with both threads' sides, and whatever the interleaving it leaves the map
 * unmarked, so the next operation is watched again. A lost clear (a mark left behind) or a
 * report with one side missing are the bugs this guards against.
 */
@JCStressTest
@Outcome(id = "0, 0, 1", expect = Expect.ACCEPTABLE, desc = "no overlap this time")
@Outcome(id = "1, 0, 1", expect = Expect.ACCEPTABLE_INTERESTING, desc = "the overlap reported with both sides")
@Outcome(expect = Expect.FORBIDDEN, desc = "a report without both sides, two reports of one overlap, or a mark left behind")
@State
public class WatchOverlapStress {
    private final WatchSink sink = new WatchSink();
    private final MapWatch watch = new MapWatch(new WatchedField("Stress.map", true, sink, WatchedField.READ_WATCH_BITS, 0), false);

    @Actor
    public void putter() {
        Object token = watch.enter(true, TrackedOps.PUT);
        watch.exit(token, TrackedOps.PUT, this);
    }

    @Actor
    public void remover() {
        Object token = watch.enter(true, TrackedOps.REMOVE);
        watch.exit(token, TrackedOps.REMOVE, this);
    }

    @Arbiter
    public void arbiter(III_Result r) {
        r.r1 = sink.races.get();
        r.r2 = sink.incomplete.get();
        r.r3 = watch.isFree() ? 1 : 0;
    }
}
