package io.cacheguard.agent;

import io.cacheguard.agent.analysis.FieldReport;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeSet;

/**
 * The runtime's map class a patched field holds afterwards, for the {@code FieldPatched} event: a
 * guarded subclass of the same JDK type when patched, a tracked one when the race detector watches
 * it too (modes {@code both} and {@code detect}).
 */
final class MapTypeAfter {
    private static final String RUNTIME = "io.cacheguard.agent.runtime.";
    private static final Map<String, String> SIMPLE = Map.of("java.util.HashMap", "HashMap",
            "java.util.LinkedHashMap", "LinkedHashMap", "java.util.WeakHashMap", "WeakHashMap");

    private MapTypeAfter() {
    }

    static String of(FieldReport field, boolean tracked) {
        String prefix = tracked ? "Tracked" : "Guarded";
        StringJoiner after = new StringJoiner(", ");
        for (String type : new TreeSet<>(field.assignedTypes())) {
            String simple = SIMPLE.get(type);
            after.add(simple == null ? type + " (guarded in itself)" : RUNTIME + prefix + simple);
        }
        return after.length() == 0 ? "a guarded map of the value's type" : after.toString();
    }
}
