package io.cacheguard.agent.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Registered;
import jdk.jfr.StackTrace;

/** The stack at commit is the class loader's or the attach's, which says nothing about the field: off. */
@Name(CacheguardEvent.FIELD_PATCHED)
@Label("Field Patched")
@Category(CacheguardEvent.CATEGORY)
@Description("A racy map field made thread-safe (or, in mode detect, tracked) by cacheguard")
@StackTrace(false)
@Registered(false) // registered when a recording starts: see JfrFlightEvents
final class FieldPatchedEvent extends Event {
    @Label("Class")
    String className;
    @Label("Field")
    String fieldName;
    @Label("Verdict")
    @Description("patched, or tracked in mode detect")
    String verdict;
    @Label("Reason")
    String reason;
    @Label("Declared Type")
    String declaredType;
    @Label("Map Type Before")
    String mapTypeBefore;
    @Label("Map Type After")
    String mapTypeAfter;
    @Label("Patched At")
    @Description("load: as its class loaded; live: at an attach, its class already loaded (old aliases may remain)")
    String patchedAt;
}
