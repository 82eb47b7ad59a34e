package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.SAFE;

import io.cacheguard.agent.analysis.Expect;
import java.util.HashMap;
import java.util.Map;

/**
 * A singleton bean registry that synchronizes on the map itself at every access, as old Spring
 * did. One monitor orders all accesses: safe.
 */
public final class BeanFactory {

    @Expect(SAFE)
    private final Map<String, Object> singletons = new HashMap<>();

    public Object bean(String name) {
        synchronized (singletons) {
            Object bean = singletons.get(name);
            if (bean == null) {
                bean = new Object();
                singletons.put(name, bean);
            }
            return bean;
        }
    }

    public void destroy(String name) {
        synchronized (singletons) {
            singletons.remove(name);
        }
    }

    public int count() {
        synchronized (singletons) {
            return singletons.size();
        }
    }
}
