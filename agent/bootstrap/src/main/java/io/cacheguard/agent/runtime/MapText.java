package io.cacheguard.agent.runtime;

import java.util.Iterator;
import java.util.Map;

/**
 * {@code AbstractMap.toString} for a wrapper. The backing store's own {@code toString} only knows the
 * store as "this map", so a guarded map that holds itself (the wrapper) as a key or value would
 * recurse until the stack overflows, where the JDK map prints {@code (this Map)}.
 */
final class MapText {
    private MapText() {
    }

    /** @param selves the objects that count as "this map": the wrapper, its store, a view of it */
    static String of(Iterable<? extends Map.Entry<?, ?>> entries, Object... selves) {
        Iterator<? extends Map.Entry<?, ?>> it = entries.iterator();
        if (!it.hasNext()) {
            return "{}";
        }
        StringBuilder text = new StringBuilder().append('{');
        while (true) {
            Map.Entry<?, ?> e = it.next();
            append(text, e.getKey(), selves).append('=');
            append(text, e.getValue(), selves);
            if (!it.hasNext()) {
                return text.append('}').toString();
            }
            text.append(',').append(' ');
        }
    }

    private static StringBuilder append(StringBuilder text, Object o, Object[] selves) {
        for (Object self : selves) {
            if (o == self) {
                return text.append("(this Map)");
            }
        }
        return text.append(o);
    }
}
