package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.PATCH;
import static io.cacheguard.agent.analysis.Verdict.SAFE;
import static io.cacheguard.agent.analysis.Verdict.SKIP;

import io.cacheguard.agent.analysis.Expect;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentMap;

/**
 * Issue 14 item 5: a field declared {@code Map} that only ever holds a type no wrapper can stand
 * for gets one verdict. {@code visited} only ever holds an {@code IdentityHashMap}: skip, with that
 * reason (before: patch, then skipped value by value at run time). {@code shared} only ever holds a
 * parameter declared {@code ConcurrentMap}, a thread-safe map whoever passes it: safe (before:
 * patch, then skipped at run time as a ConcurrentMap). {@code attributes} takes a parameter
 * declared {@code Map}, which may be a HashMap, and is written without a lock: patch.
 */
public final class UnwrappableValues {

    @Expect(value = SKIP, reason = "no wrapper can stand in for")
    private final Map<Object, String> visited = new IdentityHashMap<>();

    @Expect(value = SAFE, reason = "a parameter declared java.util.concurrent.ConcurrentMap")
    private final Map<String, Object> shared;

    @Expect(value = PATCH, reason = "holds no lock")
    private final Map<String, Object> attributes;

    public UnwrappableValues(ConcurrentMap<String, Object> shared, Map<String, Object> attributes) {
        this.shared = shared;
        this.attributes = attributes;
    }

    public boolean visit(Object node, String path) {
        return visited.put(node, path) == null;
    }

    public void share(String key, Object value) {
        shared.put(key, value);
        attributes.put(key, value);
    }
}
