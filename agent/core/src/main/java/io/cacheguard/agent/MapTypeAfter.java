package io.cacheguard.agent;

import io.cacheguard.agent.analysis.FieldReport;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeSet;

/**
 * The runtime's map class a patched field holds afterwards, for the {@code FieldPatched} event: a
 * guarded subclass of the same JDK type when patched, a tracked one when a race detector watches
 * it too, except a {@code HashMap} under the lightweight detector in mode {@code both}: its guard
 * carries the watch itself.
 */
final class MapTypeAfter {
    private static final String RUNTIME = "io.cacheguard.agent.runtime.";
    private static final Map<String, String> SIMPLE = Map.of("java.util.HashMap", "HashMap",
            "java.util.LinkedHashMap", "LinkedHashMap", "java.util.WeakHashMap", "WeakHashMap");

    private MapTypeAfter() {
    }

    /**
     * @param tracked       whether a race detector watches patched maps
     * @param watchedInside whether that detector is the watch, which a guarded {@code HashMap} carries itself
     */
    static String of(FieldReport field, boolean tracked, boolean watchedInside) {
        StringJoiner after = new StringJoiner(", ");
        for (String type : new TreeSet<>(field.assignedTypes())) {
            String simple = SIMPLE.get(type);
            boolean wrapped = tracked && !(watchedInside && simple != null && simple.equals("HashMap"));
            after.add(simple == null ? type + " (guarded in itself)" : RUNTIME + (wrapped ? "Tracked" : "Guarded") + simple);
        }
        return after.length() == 0 ? "a guarded map of the value's type" : after.toString();
    }
}
