package io.cacheguard.agent.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Registered;

/** Committed on the thread whose access found the raw map: its stack shows where that was. */
@Name(CacheguardEvent.LIVE_MAP_GUARDED)
@Label("Live Map Guarded")
@Category(CacheguardEvent.CATEGORY)
@Description("A map a patched field held before the attach, guarded in place with its entries")
@Registered(false) // registered when a recording starts: see JfrFlightEvents
final class LiveMapGuardedEvent extends Event {
    @Label("Field")
    String field;
    @Label("Map Class")
    String mapClass;
    @Label("Entries Kept")
    int entries;
    @Label("How")
    String how;
    @Label("Stale Aliases")
    @Description("What may still see the unguarded map")
    String staleAliases;
}
