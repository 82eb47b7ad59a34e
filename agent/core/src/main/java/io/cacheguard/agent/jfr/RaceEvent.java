package io.cacheguard.agent.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Registered;

/**
 * The event's own stack trace is the later access's: the detector reports a race on the thread of
 * the access that completes it, inside that access (under the agent's own frames). The earlier
 * access ran on another thread, long returned, so its stack can only be a string. The later one is
 * a string too, as the report has it (the agent's frames left out): {@code jfr print} shows only
 * the top five frames of a stack trace, which are the agent's own.
 */
@Name(CacheguardEvent.RACE)
@Label("Race")
@Category(CacheguardEvent.CATEGORY)
@Description("Two accesses to one map that no synchronization orders; one event per distinct race")
@Registered(false) // registered when a recording starts: see JfrFlightEvents
final class RaceEvent extends Event {
    @Label("Field")
    String field;
    @Label("Kind")
    @Description("write-write or read-write")
    String kind;
    @Label("Detector")
    String detector;
    @Label("Patched")
    @Description("Patched maps make the race harmless in this run; it is still racy in the source")
    boolean patched;
    @Label("Map")
    @Description("The map's identity hash code")
    String map;
    @Label("Later Thread")
    String laterThread;
    @Label("Later Operation")
    String laterOperation;
    @Label("Later Stack")
    String laterStack;
    @Label("Earlier Thread")
    String earlierThread;
    @Label("Earlier Operation")
    String earlierOperation;
    @Label("Earlier Stack")
    String earlierStack;
}
