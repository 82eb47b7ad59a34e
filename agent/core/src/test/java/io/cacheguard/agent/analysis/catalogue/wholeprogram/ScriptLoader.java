package io.cacheguard.agent.analysis.catalogue.wholeprogram;

/** A subclass that uses the protected caches of {@link LoaderBase}: one with its lock, one without. */
public class ScriptLoader extends LoaderBase {

    public void forget(String name) {
        synchronized (classCache) {
            classCache.remove(name);
        }
        scripts.remove(name);
    }
}
