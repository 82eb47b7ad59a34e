package io.cacheguard.agent.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** A JSON object built key by key, in order: one report event. {@link #toString()} is its JSON line. */
public final class Json {
    private final Map<String, Object> fields = new LinkedHashMap<>();

    private Json() {
    }

    public static Json object() {
        return new Json();
    }

    /** Adds a key; collections become arrays, so a {@code Set} of types can go in as it is. */
    public Json put(String key, Object value) {
        fields.put(key, value instanceof Collection && !(value instanceof java.util.List)
                ? new ArrayList<>((Collection<?>) value) : value);
        return this;
    }

    Map<String, Object> fields() {
        return fields;
    }

    @Override
    public String toString() {
        return JsonWriter.writeLine(fields);
    }
}
