package io.cacheguard.agent.htmlreport;

import java.util.List;

/** One side of a race: the thread, the map operation and its stack, innermost frame first. */
record Access(String thread, String threadId, String operation, List<String> stack) {

    /** As the agent's log says it: {@code get in thread "worker-1" (id 20)}. */
    String headline() {
        return operation + " in thread \"" + thread + "\" (id " + threadId + ")";
    }
}
