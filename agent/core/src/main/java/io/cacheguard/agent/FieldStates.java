package io.cacheguard.agent;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The verdict the agent reached on each field and when: what {@code status} and the JMX view list.
 * A field decided again (a re-attach, a second loader) keeps its first moment: a field patched at
 * load stays {@code load} even if an attach later retransforms its class.
 */
final class FieldStates {
    /** A field's verdict label and whether it was patched at {@code load} or {@code live}. */
    record Decision(String verdict, String at) {
    }

    private final Map<String, Decision> decisions = new ConcurrentHashMap<>();

    void decided(String field, String verdict, boolean live) {
        decisions.merge(field, new Decision(verdict, live ? "live" : "load"),
                // a patch overrides a skip by another loader's copy; otherwise the first word stays
                (old, next) -> !old.verdict().equals("skipped") || next.verdict().equals("skipped") ? old : next);
    }

    /** Sorted by field. */
    Map<String, Decision> all() {
        return new TreeMap<>(decisions);
    }
}
