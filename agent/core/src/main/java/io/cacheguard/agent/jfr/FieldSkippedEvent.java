package io.cacheguard.agent.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Registered;
import jdk.jfr.StackTrace;

@Name(CacheguardEvent.FIELD_SKIPPED)
@Label("Field Skipped")
@Category(CacheguardEvent.CATEGORY)
@Description("A racy map field cacheguard cannot patch safely, left as it is")
@StackTrace(false)
@Registered(false) // registered when a recording starts: see JfrFlightEvents
final class FieldSkippedEvent extends Event {
    @Label("Class")
    String className;
    @Label("Field")
    String fieldName;
    @Label("Reason")
    String reason;
    @Label("Declared Type")
    String declaredType;
    @Label("Seen At")
    String seenAt;
}
