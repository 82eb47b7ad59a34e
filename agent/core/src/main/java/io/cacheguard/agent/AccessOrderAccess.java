package io.cacheguard.agent;

import io.cacheguard.agent.report.AgentLog;
import io.cacheguard.agent.runtime.Watch;
import java.lang.instrument.Instrumentation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Opens {@code java.util} to the runtime (the boot loader's unnamed module), and to nothing else,
 * so that the watch can read whether a LinkedHashMap is access-ordered: its {@code get} is then a
 * write. Without it, lookups count as reads, which can miss a race but never invent one.
 */
final class AccessOrderAccess {
    private AccessOrderAccess() {
    }

    static void open(Instrumentation instrumentation, AgentLog log) {
        try {
            Module runtime = Watch.class.getModule();
            Module base = LinkedHashMap.class.getModule();
            if (!base.isOpen("java.util", runtime)) {
                instrumentation.redefineModule(base, Set.of(), Map.of(), Map.of("java.util", Set.of(runtime)),
                        Set.of(), Map.of());
            }
        } catch (RuntimeException e) {
            log.error("cannot open java.util to the runtime (" + e + "); lookups in access-ordered"
                    + " LinkedHashMaps are watched as reads, so races between two of them are missed");
        }
    }
}
