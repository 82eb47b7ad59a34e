package io.cacheguard.agent.htmlreport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads values out of a parsed event. A report may come from another version of the agent or be
 * damaged, so a missing or mistyped value is shown as {@code ?} rather than failing the page; only
 * what a race cannot be shown without (its field and both stacks) is required, by {@link EventReader}.
 */
final class Events {
    static final String UNKNOWN = "?";

    private Events() {
    }

    /** The value as text: strings as they are, numbers and booleans printed, anything else {@code ?}. */
    static String text(Map<String, Object> event, String key) {
        Object value = event.get(key);
        if (value instanceof String || value instanceof Long || value instanceof Boolean || value instanceof Double) {
            return String.valueOf(value);
        }
        return UNKNOWN;
    }

    /** A count, or -1 when the key is missing or not a whole number. */
    static long count(Map<String, Object> event, String key) {
        return event.get(key) instanceof Long value ? value : -1;
    }

    /** The strings of an array value; a missing or mistyped one is empty, non-strings are skipped. */
    static List<String> strings(Object value) {
        List<String> strings = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof String text) {
                    strings.add(text);
                }
            }
        }
        return strings;
    }
}
