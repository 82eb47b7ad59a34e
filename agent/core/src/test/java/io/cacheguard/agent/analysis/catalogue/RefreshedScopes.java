package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.PATCH;

import io.cacheguard.agent.analysis.Expect;
import java.util.HashMap;
import java.util.Map;

/**
 * Another racy twin of {@link ExpressionResolver}: the same saved and restored scope, but the class
 * hands a background refresher (its inner class) to another thread, and the refresher locks the
 * resolver. A lock anywhere in the class's nest says it was written for threads, so the scope field
 * is no evidence of confinement, and the cache, which {@code resolve} fills with no lock, is patch.
 */
public final class RefreshedScopes {

    @Expect(PATCH)
    private final Map<String, String> resolved = new HashMap<>();

    private String currentScope = "";

    public String resolve(String scope, String name) {
        String outer = currentScope;
        currentScope = scope;
        try {
            return resolved.computeIfAbsent(currentScope + "." + name, key -> key);
        } finally {
            currentScope = outer;
        }
    }

    public Runnable refresher() {
        return new Refresher();
    }

    private final class Refresher implements Runnable {
        @Override
        public void run() {
            synchronized (RefreshedScopes.this) {
                resolved.clear();
            }
        }
    }
}
