package io.cacheguard.agent.analysis.catalogue.wholeprogram;

import static io.cacheguard.agent.analysis.Verdict.SAFE;

import io.cacheguard.agent.analysis.Expect;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * cglib's {@code AbstractClassGenerator$Source}: the nested class's package-private cache is used
 * only by the outer class, under {@code synchronized (source)}, and by no other class of the
 * package. With the whole program in view that is every use: safe. Before, the package-private
 * field alone made it patch.
 */
public abstract class ClassGenerator {

    static final class Source {
        final String name;

        @Expect(value = SAFE, reason = "judged with this class")
        final Map<ClassLoader, Map<Object, Object>> cache = new WeakHashMap<>();

        Source(String name) {
            this.name = name;
        }
    }

    private final Source source;

    protected ClassGenerator(Source source) {
        this.source = source;
    }

    protected Object create(Object key) {
        ClassLoader loader = getClass().getClassLoader();
        synchronized (source) {
            Map<Object, Object> generated = source.cache.get(loader);
            if (generated == null) {
                generated = new java.util.HashMap<>();
                source.cache.put(loader, generated);
            }
            return generated.computeIfAbsent(key, this::generate);
        }
    }

    protected abstract Object generate(Object key);
}
