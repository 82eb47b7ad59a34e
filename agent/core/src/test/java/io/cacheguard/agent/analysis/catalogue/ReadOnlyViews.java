package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.PATCH;
import static io.cacheguard.agent.analysis.Verdict.SAFE;

import io.cacheguard.agent.analysis.Expect;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Issue 14 item 1: read-only views are not escapes. A copy-on-write map published through a
 * volatile field and handed out as {@code Collections.unmodifiableMap(field)}, or as an unmodifiable
 * view of its key or entry set, is only read outside the class: safe. {@code Map.copyOf(field)} hands
 * out a copy, made under the class's lock: safe. Before, all three were patch ("escapes: returned").
 * A map changed under a lock and handed out as an unmodifiable view is still read by callers that
 * hold no lock while a writer changes it: patch.
 */
public final class ReadOnlyViews {

    @Expect(value = SAFE, reason = "copy-on-write")
    private volatile Map<String, String> routes = new HashMap<>();

    @Expect(value = SAFE, reason = "copy-on-write")
    private volatile Map<String, Integer> ports = new HashMap<>();

    @Expect(value = SAFE, reason = "every access holds 'this'")
    private final Map<String, String> aliases = new HashMap<>();

    @Expect(value = PATCH, reason = "returned as a read-only view (read later without a lock)")
    private final Map<String, String> headers = new HashMap<>();

    public Map<String, String> routes() {
        return Collections.unmodifiableMap(routes);
    }

    public Set<String> portNames() {
        return Collections.unmodifiableSet(ports.keySet());
    }

    public Set<Map.Entry<String, Integer>> portEntries() {
        return Collections.unmodifiableMap(ports).entrySet();
    }

    public synchronized void addRoute(String path, String target) {
        Map<String, String> copy = new HashMap<>(routes);
        copy.put(path, target);
        routes = copy;
    }

    public synchronized void addPort(String name, int port) {
        Map<String, Integer> copy = new HashMap<>(ports);
        copy.put(name, port);
        ports = copy;
    }

    public synchronized Map<String, String> aliases() {
        return Map.copyOf(aliases);
    }

    public synchronized void alias(String name, String target) {
        aliases.put(name, target);
    }

    public synchronized Map<String, String> headers() {
        return Collections.unmodifiableMap(headers);
    }

    public synchronized void header(String name, String value) {
        headers.put(name, value);
    }
}
