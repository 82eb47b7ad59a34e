package io.cacheguard.agent.analysis.catalogue.wholeprogram;

import static io.cacheguard.agent.analysis.Verdict.PATCH;
import static io.cacheguard.agent.analysis.Verdict.SAFE;

import io.cacheguard.agent.analysis.Expect;
import java.util.HashMap;
import java.util.Map;

/**
 * Groovy's {@code GroovyClassLoader}: protected caches every use locks on the map itself, here
 * and in the subclass {@link ScriptLoader} (which names the field through itself,
 * {@code ScriptLoader.classCache}, as javac compiles an inherited field): safe with the whole program
 * in view. {@code scripts} the subclass changes without the lock, patch; {@code sources} a class of the
 * program names in a string (reflection), patch: that use cannot be followed.
 */
public class LoaderBase {

    @Expect(value = SAFE, reason = "judged with this class")
    protected final Map<String, Class<?>> classCache = new HashMap<>();

    @Expect(value = PATCH, reason = "holds no lock")
    protected final Map<String, Object> scripts = new HashMap<>();

    @Expect(value = PATCH, reason = "names it in a string")
    protected final Map<String, Object> sources = new HashMap<>();

    protected Class<?> cached(String name) {
        synchronized (classCache) {
            return classCache.get(name);
        }
    }

    protected void cache(String name, Class<?> type) {
        synchronized (classCache) {
            classCache.put(name, type);
        }
    }

    public Object script(String name) {
        synchronized (scripts) {
            return scripts.get(name);
        }
    }

    public void addScript(String name, Object script) {
        synchronized (scripts) {
            scripts.put(name, script);
        }
    }

    public Object source(String name) {
        synchronized (sources) {
            return sources.get(name);
        }
    }

    public void addSource(String name, Object source) {
        synchronized (sources) {
            sources.put(name, source);
        }
    }
}
