package io.cacheguard.agent.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Registered;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;

/** At the start and end of every chunk (so a dump and the end of a recording have it); settings may set a period. */
@Name(CacheguardEvent.SUMMARY)
@Label("Summary")
@Category(CacheguardEvent.CATEGORY)
@Description("What cacheguard has done in this JVM so far")
@Period("everyChunk")
@StackTrace(false)
@Registered(false) // registered when a recording starts: see JfrFlightEvents
final class SummaryEvent extends Event {
    @Label("Mode")
    String mode;
    @Label("Detector")
    String detector;
    @Label("Patched Fields")
    long patchedFields;
    @Label("Tracked Fields")
    long trackedFields;
    @Label("Skipped Fields")
    long skippedFields;
    @Label("Patched Live")
    @Description("Fields patched at an attach, their class already loaded")
    long livePatchedFields;
    @Label("Distinct Races")
    long distinctRaces;
    @Label("Races")
    @Description("All races, repeats included")
    long races;
    @Label("Suppressed Races")
    long suppressedRaces;
    @Label("Races Per Field")
    String racesPerField;
    @Label("Evictions")
    @Description("Entries bounded maps removed to keep within maximumSize, all fields")
    long evictions;
    @Label("Expiries")
    @Description("Entries bounded maps dropped as expired, all fields")
    long expiries;
    @Label("Bounded Maps Per Field")
    @Description("Per field with bounds: entries held now, evictions, expiries")
    String boundedPerField;
}
