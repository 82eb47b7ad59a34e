package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.PATCH;

import io.cacheguard.agent.analysis.Expect;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fields declared as the project's own HashMap and LinkedHashMap subclasses, used racily. Only an
 * instance of that subclass fits the field, so no wrapper can replace it: patch, by guarding the
 * subclass itself when it loads (the second reason says so).
 */
public final class CustomMapSubclasses {

    static final class AttributeMap extends HashMap<String, Object> {
        private static final long serialVersionUID = 1L;

        String string(String key) {
            Object value = get(key);
            return value == null ? null : value.toString();
        }
    }

    static final class BoundedMap extends LinkedHashMap<String, Object> {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
            return size() > 32;
        }
    }

    @Expect(value = PATCH, reason = "holds no lock")
    private final AttributeMap attributes = new AttributeMap();

    @Expect(value = PATCH, reason = "holds no lock")
    private final BoundedMap recent = new BoundedMap();

    public void set(String key, Object value) {
        attributes.put(key, value);
        recent.put(key, value);
    }

    public String get(String key) {
        return attributes.string(key);
    }
}
