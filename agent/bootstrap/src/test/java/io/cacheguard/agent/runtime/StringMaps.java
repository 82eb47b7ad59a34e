package io.cacheguard.agent.runtime;

import com.google.common.collect.testing.MapTestSuiteBuilder;
import com.google.common.collect.testing.TestStringMapGenerator;
import com.google.common.collect.testing.features.Feature;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import junit.framework.TestSuite;

/**
 * Builds testlib's generated Map suite for a wrapper. The suite's sample entries go into a raw map
 * first and the raw map is guarded afterwards, as the agent does with a field that already holds
 * entries; a guard of {@code Function.identity()} tests a wrapper filled through its own put.
 */
final class StringMaps {
    private StringMaps() {
    }

    static <M extends Map<String, String>> TestSuite suite(String name, Supplier<M> raw,
            Function<? super M, ? extends Map<String, String>> guard, Feature<?>... features) {
        return suite(name, raw, guard, List.of(), features);
    }

    /** As above, without the {@code suppressed} tester methods (a behaviour of the JDK map itself). */
    static <M extends Map<String, String>> TestSuite suite(String name, Supplier<M> raw,
            Function<? super M, ? extends Map<String, String>> guard, List<Method> suppressed,
            Feature<?>... features) {
        return MapTestSuiteBuilder.using(new TestStringMapGenerator() {
            @Override
            protected Map<String, String> create(Map.Entry<String, String>[] entries) {
                M map = raw.get();
                for (Map.Entry<String, String> e : entries) {
                    map.put(e.getKey(), e.getValue());
                }
                return guard.apply(map);
            }
        }).named(name).withFeatures(features).suppressing(suppressed).createTestSuite();
    }
}
