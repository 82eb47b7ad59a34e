package io.cacheguard.agent.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one walk over a method found: uses of map fields, values stored into them, calls to private methods. */
final class MethodFacts {
    final List<FieldUse> uses = new ArrayList<>();
    final Map<String, List<AssignedValue>> assignments = new LinkedHashMap<>();
    /** Callee key (owner.name+desc) → the context at each call site. */
    final Map<String, List<MethodContext>> calls = new LinkedHashMap<>();
    /** Callee key → where it is called from here, with the locks held there. */
    final Map<String, List<CallSite>> callSites = new LinkedHashMap<>();

    void call(String callee, MethodContext context) {
        calls.computeIfAbsent(callee, k -> new ArrayList<>()).add(context);
    }

    void callSite(String callee, CallSite site) {
        callSites.computeIfAbsent(callee, k -> new ArrayList<>()).add(site);
    }

    void assign(String field, AssignedValue value) {
        assignments.computeIfAbsent(field, k -> new ArrayList<>()).add(value);
    }
}
