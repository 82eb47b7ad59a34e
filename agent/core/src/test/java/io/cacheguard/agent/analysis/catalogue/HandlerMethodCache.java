package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.PATCH;

import io.cacheguard.agent.analysis.Expect;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.WeakHashMap;

/**
 * An event bus caching each listener class's handler methods in a WeakHashMap so classes can be
 * unloaded. Weak keys make it no safer: get-then-put from any thread, no lock: patch.
 */
public final class HandlerMethodCache {

    @Expect(PATCH)
    private final WeakHashMap<Class<?>, List<Method>> handlers = new WeakHashMap<>();

    public List<Method> handlersOf(Class<?> listenerType) {
        List<Method> methods = handlers.get(listenerType);
        if (methods == null) {
            methods = new ArrayList<>();
            for (Method method : listenerType.getMethods()) {
                if (method.getName().startsWith("on")) {
                    methods.add(method);
                }
            }
            handlers.put(listenerType, methods);
        }
        return methods;
    }
}
