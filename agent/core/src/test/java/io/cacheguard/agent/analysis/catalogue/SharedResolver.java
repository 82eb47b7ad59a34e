package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.PATCH;

import io.cacheguard.agent.analysis.Expect;
import java.util.HashMap;
import java.util.Map;

/**
 * The racy twins of {@link ExpressionResolver}: fields written outside the constructor that are not
 * the state of one running operation. A hit counter ({@code hits++}), a lazily built default and a
 * setter are what a shared service object has too; none of them is saved and restored, so none
 * says "one operation at a time", and the unlocked cache stays patch.
 */
public final class SharedResolver {

    @Expect(PATCH)
    private final Map<String, String> resolved = new HashMap<>();

    private long hits;
    private String prefix = "";
    private String fallback;

    public String resolve(String name) {
        String qualified = resolved.get(name);
        if (qualified != null) {
            hits++;
            return qualified;
        }
        qualified = prefix + name;
        resolved.put(name, qualified);
        return qualified;
    }

    public void setPrefix(String prefix) {
        this.prefix = prefix;
    }

    public String fallback() {
        if (fallback == null) {
            fallback = prefix + "?";
        }
        return fallback;
    }

    public long hits() {
        return hits;
    }

    /**
     * A visitor that also synchronizes: its scope is saved and restored like {@link ExpressionResolver}'s,
     * but a class with a lock anywhere was written for threads, and its unlocked cache is patch.
     */
    public static final class LockingVisitor {

        @Expect(PATCH)
        private final Map<String, String> resolved = new HashMap<>();

        private final Object statsLock = new Object();
        private String currentScope = "";
        private int visits;

        public String visit(String scope, String name) {
            String outer = currentScope;
            currentScope = scope;
            try {
                return resolved.computeIfAbsent(currentScope + name, key -> key.toUpperCase(java.util.Locale.ROOT));
            } finally {
                currentScope = outer;
                synchronized (statsLock) {
                    visits++;
                }
            }
        }

        public int visits() {
            synchronized (statsLock) {
                return visits;
            }
        }
    }
}
