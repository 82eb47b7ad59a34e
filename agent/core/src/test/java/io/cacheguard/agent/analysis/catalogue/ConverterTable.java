package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.PATCH;

import io.cacheguard.agent.analysis.Expect;
import java.util.HashMap;
import java.util.Map;

/**
 * A converter table filled by the constructor; later one more converter is added through a local
 * alias cast to HashMap. The alias is the same map, so the put is a write to the field's map, and
 * it holds no lock: patch.
 */
public final class ConverterTable {

    @Expect(PATCH)
    private final Map<Class<?>, Object> converters = new HashMap<>();

    public ConverterTable() {
        converters.put(String.class, "identity");
        converters.put(Integer.class, "decimal");
    }

    public Object converter(Class<?> type) {
        return converters.get(type);
    }

    public void addLate(Class<?> type, Object converter) {
        Map<Class<?>, Object> table = converters;
        ((HashMap<Class<?>, Object>) table).put(type, converter);
    }
}
